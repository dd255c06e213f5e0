import {
  assertRoundAllowed,
  type PriorEvaluation,
  isBadReview,
  monthOf,
  nextRound,
  type EvaluationChannel,
  type EvaluationRound,
  type SatisfactionLevel,
} from '../../domain/evaluation';
import { AppError } from '../../domain/errors';
import type { EvaluationSubmit, StaffEvaluationSubmit } from '../../shared/contracts/evaluation';
import type { Queryable } from '../db/db';
import { uniqueViolation } from '../db/db-errors';
import type { Actor } from '../http/actor';
import * as repo from './evaluation.repository';
import type { EvaluationRow, InvitationRow } from './evaluation.repository';
import { ensureCaseInvitation } from './invitations.service';
import { openRectification } from './rectification.service';
import { loadPolicies } from './settings.service';

/**
 * Recording an evaluation: the round rule (one first + one 追评), the tag rule for 差评, the row and
 * its rollup delta, and — for a 差评 — the rectification record, all in the caller's transaction.
 */

export interface RecordInput {
  invitation: InvitationRow;
  /** The rounds already given, when the caller loaded them with the invitation. */
  prior?: readonly PriorEvaluation[];
  level: SatisfactionLevel;
  indicators: Partial<Record<string, SatisfactionLevel>>;
  tags: readonly string[];
  comment: string;
  channel: EvaluationChannel;
  round?: EvaluationRound | undefined;
  applicantId: string | null;
  recordedBy: { userId: string; name: string } | null;
  now: Date;
}

export async function recordEvaluation(
  q: Queryable,
  input: RecordInput,
): Promise<{ evaluation: EvaluationRow; rectificationId: string | null }> {
  const inv = input.invitation;
  const policies = await loadPolicies(q, inv.center_id);
  const prior = input.prior ?? (await repo.priorRounds(q, inv.id));
  const round = input.round ?? nextRound(prior);
  assertRoundAllowed(round, prior, input.now, policies.evaluation);
  const isDefault = input.channel === 'default';
  const bad = isBadReview(input.level);
  if (bad && !isDefault && policies.evaluation.badReviewTagRequired && input.tags.length === 0)
    throw new AppError('EVALUATION_TAG_REQUIRED', {}, { tags: 'rule.required' });
  let evaluation: EvaluationRow;
  try {
    evaluation = await repo.insertEvaluation(q, {
      center_id: inv.center_id,
      invitation_id: inv.id,
      case_id: inv.case_id,
      ticket_id: inv.ticket_id,
      round,
      level: input.level,
      indicators: Object.fromEntries(
        Object.entries(input.indicators).filter((x): x is [string, SatisfactionLevel] => x[1] !== undefined),
      ),
      tags: [...input.tags],
      comment: input.comment,
      channel: input.channel,
      is_default: isDefault,
      window_id: inv.window_id,
      staff_id: inv.staff_id,
      department_id: inv.department_id,
      item_id: inv.item_id,
      applicant_id: input.applicantId ?? inv.applicant_id,
      evaluator_name: inv.applicant_name,
      evaluator_phone: inv.applicant_phone,
      recorded_by: input.recordedBy?.userId ?? null,
      recorded_by_name: input.recordedBy?.name ?? null,
      month: monthOf(input.now),
      created_at: input.now,
    });
  } catch (e) {
    // Two submissions raced past the round check: the unique index decided.
    if (uniqueViolation(e))
      throw new AppError(round === 'first' ? 'EVALUATION_ALREADY_EXISTS' : 'EVALUATION_LIMIT_REACHED');
    throw e;
  }
  let rectificationId: string | null = null;
  if (bad && !isDefault)
    rectificationId = (await openRectification(q, evaluation, inv, policies, input.now)).id;
  return { evaluation, rectificationId };
}

/** An evaluation through a link or the window evaluator (no account needed: the token is the key). */
export async function submitByToken(q: Queryable, token: string, body: EvaluationSubmit, now: Date) {
  const inv = await repo.findInvitationForSubmit(q, token);
  if (!inv || now > inv.expires_at) throw new AppError('EVALUATION_INVITATION_INVALID');
  if (body.channel === 'window_device') {
    const device = body.deviceKey ? await repo.findDeviceByKey(q, body.deviceKey) : undefined;
    if (!device || device.window_id !== inv.window_id) throw new AppError('EVALUATION_DEVICE_UNKNOWN');
  }
  return recordEvaluation(q, {
    invitation: inv,
    prior: inv.prior.map((p) => ({ round: p.round, at: new Date(p.at) })),
    level: body.level,
    indicators: body.indicators,
    tags: body.tags,
    comment: body.comment,
    channel: body.channel,
    round: body.round,
    applicantId: null,
    recordedBy: null,
    now,
  });
}

/** An applicant evaluates their own case from the portal (一事一评 online). */
export async function evaluateOwnCase(
  q: Queryable,
  ctx: { actor: Actor; now: Date },
  caseId: string,
  body: StaffEvaluationSubmit,
) {
  const k = await repo.findCase(q, caseId, null);
  // Somebody else's case does not exist for this applicant (404, not 403).
  if (!k || !ctx.actor.applicantId || k.applicant_id !== ctx.actor.applicantId)
    throw new AppError('NOT_FOUND', { entity: 'case' });
  const inv = await ensureCaseInvitation(q, k, ctx.now);
  const locked = (await repo.findInvitationByToken(q, inv.token, true))!;
  return recordEvaluation(q, {
    invitation: locked,
    level: body.level,
    indicators: body.indicators,
    tags: body.tags,
    comment: body.comment,
    channel: body.channel,
    round: body.round,
    applicantId: ctx.actor.applicantId,
    recordedBy: null,
    now: ctx.now,
  });
}

/**
 * Sweep: the default rating of every subject whose default is due (广东: 7 个自然日内未评价), stored
 * with is_default and the policy's level; it never opens a rectification.
 */
export async function sweepDefaultRatings(q: Queryable, now: Date, limit = 500): Promise<number> {
  const due = await repo.claimDefaultsDue(q, now, limit);
  let n = 0;
  for (const inv of due) {
    const policies = await loadPolicies(q, inv.center_id);
    if (!policies.evaluation.defaultRating.enabled) {
      await q.query('UPDATE evaluation_invitations SET default_due_at = NULL WHERE id = $1', [inv.id]);
      continue;
    }
    await recordEvaluation(q, {
      invitation: inv,
      prior: [],
      level: policies.evaluation.defaultRating.level,
      indicators: {},
      tags: [],
      comment: '',
      channel: 'default',
      round: 'first',
      applicantId: null,
      recordedBy: null,
      now,
    });
    n++;
  }
  return n;
}
