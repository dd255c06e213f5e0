import { DAY_MS } from '../../domain/calendar/civil-time';
import { instantOfCivil } from '../../domain/calendar';
import { isSampled, type SatisfactionLevel } from '../../domain/evaluation';
import { AppError } from '../../domain/errors';
import type { ReturnVisitRecord } from '../../shared/contracts/evaluation';
import type { z } from 'zod';
import type { Queryable } from '../db/db';
import type { Actor } from '../http/actor';
import * as evalRepo from './evaluation.repository';
import { recordEvaluation } from './evaluation.service';
import { performRectificationAction } from './rectification.service';
import * as repo from './return-visits.repository';
import { loadPolicies } from './settings.service';

/**
 * 满意度回访: the worklist holds every 差评 (put there when the review arrives) and a sample of the
 * rest, drawn per day by the reproducible hash rule (`isSampled`). A call answered records the
 * applicant's verdict as a phone-channel evaluation, with who called and when.
 */
type Scoped = Actor & { centerPath: string };

/** Draw the sample of the subjects that ended on `day` at a center. Idempotent: drawn subjects stay drawn. */
export async function drawSample(
  q: Queryable,
  ctx: { actor: Scoped; now: Date },
  centerId: string,
  day: string,
): Promise<number> {
  const [center] = await q.query<{ id: string }>(
    `SELECT id FROM centers WHERE id = $1 AND path LIKE $2 || '%'`,
    [centerId, ctx.actor.centerPath],
  );
  if (!center) throw new AppError('NOT_FOUND', { entity: 'center' });
  const policies = await loadPolicies(q, centerId);
  const from = instantOfCivil(day);
  const rows = await repo.invitationsEndedBetween(q, centerId, from, new Date(from.getTime() + DAY_MS));
  const chosen = rows
    .filter((r) =>
      isSampled(r.case_id ?? r.id, policies.evaluation.samplingPercent, r.level as SatisfactionLevel | null),
    )
    .map((r) => r.id);
  return repo.insertSampleVisits(q, centerId, chosen, ctx.now);
}

/** Record one call. For a 差评 it is also the rectification's return visit. */
export async function recordReturnVisit(
  q: Queryable,
  ctx: { actor: Scoped; now: Date },
  id: string,
  body: z.infer<typeof ReturnVisitRecord>,
): Promise<void> {
  const v = await repo.findReturnVisit(q, ctx.actor.centerPath, id);
  if (!v) throw new AppError('NOT_FOUND', { entity: 'return_visit' });
  if (v.status !== 'pending') throw new AppError('CONFLICT');
  if (v.rectification_id) {
    await performRectificationAction(q, ctx, v.rectification_id, {
      type: 'record_return_visit',
      note: body.note,
      reached: body.reached,
    });
  }
  let evaluationId: string | null = null;
  if (body.reached && body.level) {
    const inv = (await evalRepo.findInvitationById(q, v.invitation_id, true))!;
    const r = await recordEvaluation(q, {
      invitation: inv,
      level: body.level,
      indicators: body.indicators,
      tags: body.tags,
      comment: body.comment,
      channel: 'phone',
      applicantId: null,
      recordedBy: { userId: ctx.actor.userId, name: ctx.actor.displayName },
      now: ctx.now,
    });
    evaluationId = r.evaluation.id;
  }
  await repo.completeVisit(
    q,
    v.id,
    {
      status: body.reached ? 'done' : 'unreachable',
      calledBy: ctx.actor.userId,
      calledByName: ctx.actor.displayName,
      note: body.note,
      evaluationId,
    },
    ctx.now,
  );
}
