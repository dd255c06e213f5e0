import type { z } from 'zod';
import { civilDateOfInstant } from '../../domain/calendar';
import { computeDeadline } from '../../domain/clock';
import { AppError } from '../../domain/errors';
import { showInstant } from '../../domain/supervision';
import type { OrderCreate, OrderLevel, OrderRespond, OrderVerdict } from '../../shared/contracts/supervision';
import { getCalendarIndex } from '../calendar/calendar.service';
import type { Db, Queryable } from '../db/db';
import { hasRole, type Actor } from '../http/actor';
import {
  byKey,
  centerLeaders,
  departmentLeaders,
  enqueueNotices,
  isMobile,
  staffAccounts,
  type Notice,
  type Recipient,
} from './notify.repository';
import * as repo from './orders.repository';
import { requireCenterInScope } from './rules.service';

/**
 * 催办 and 督办单 close the loop on a card or a department: the supervisor writes what must be done
 * and by when (working days), the department answers in writing, the supervisor gives a verdict and
 * closes it — or finds the answer wanting and reopens it. An order left unanswered past its deadline
 * goes up a level on its own (blue → orange → red, 三明's 三色督查单), copying the department's leader,
 * then the center's leadership. A reminder (催办) is closed by the department's answer.
 */
type Scoped = Actor & { centerPath: string };
interface Ctx {
  actor: Scoped;
  now: Date;
}

const statusLabel = {
  open: { zh: '待回复', en: 'awaiting a response' },
  responded: { zh: '已回复待评定', en: 'responded, awaiting the verdict' },
  closed: { zh: '已办结', en: 'closed' },
};

function stateError(o: repo.OrderRow, action: { zh: string; en: string }): AppError {
  const s = statusLabel[o.status];
  return new AppError('SUPERVISION_ORDER_STATE', {
    statusZh: s.zh,
    statusEn: s.en,
    actionZh: action.zh,
    actionEn: action.en,
  });
}

/** The response deadline: `n` working days from now, by the center's calendar (第82条 counting). */
async function dueIn(q: Queryable, centerId: string, n: number, now: Date): Promise<Date> {
  const calendar = await getCalendarIndex(q, centerId);
  return computeDeadline({ start: now, limit: { amount: n, unit: 'workday' }, calendar }).due;
}

function notices(
  o: { id: string; center_id: string; number: string },
  to: readonly Recipient[],
  tag: string,
  title: string,
  body: string,
  sms: boolean,
): Notice[] {
  const out: Notice[] = [];
  const seen = new Set<string>();
  for (const r of to) {
    if (seen.has(r.user_id)) continue;
    seen.add(r.user_id);
    const base = {
      centerId: o.center_id,
      userId: r.user_id,
      kind: `order_${tag}`,
      title,
      body,
      link: `/supervision/orders/${o.id}`,
    };
    out.push({
      ...base,
      channel: 'inbox',
      address: '',
      dedupeKey: `order:${o.id}:${tag}:inbox:${r.user_id}`,
    });
    if (sms && isMobile(r.phone))
      out.push({
        ...base,
        channel: 'sms',
        address: r.phone,
        dedupeKey: `order:${o.id}:${tag}:sms:${r.user_id}`,
      });
  }
  return out;
}

const kindWord = (k: 'reminder' | 'order') => (k === 'reminder' ? '催办' : '督办');

export async function createOrder(
  q: Queryable,
  ctx: Ctx,
  input: z.infer<typeof OrderCreate>,
): Promise<string> {
  const center = await requireCenterInScope(q, ctx.actor, input.centerId);
  let departmentId = input.departmentId;
  let officerStaffId: string | null = null;
  if (input.caseId) {
    const [k] = await q.query<{ department_id: string; officer: string | null }>(
      `SELECT k.department_id, u.staff_id AS officer FROM cases k JOIN centers c ON c.id = k.center_id
       LEFT JOIN users u ON u.id = k.received_by WHERE k.id = $1 AND c.path LIKE $2 || '%'`,
      [input.caseId, center.path],
    );
    if (!k) throw new AppError('NOT_FOUND', { entity: 'case' });
    departmentId = k.department_id;
    officerStaffId = k.officer;
  }
  const [dept] = await q.query<{ id: string }>(
    `SELECT d.id FROM departments d JOIN centers c ON c.id = d.center_id WHERE d.id = $1 AND c.path LIKE $2 || '%'`,
    [departmentId, ctx.actor.centerPath],
  );
  if (!dept) throw new AppError('NOT_FOUND', { entity: 'department' });
  if (input.cardId) {
    const [card] = await q.query(
      `SELECT 1 FROM supervision_cards WHERE id = $1 AND case_id IS NOT DISTINCT FROM $2`,
      [input.cardId, input.caseId],
    );
    if (!card) throw new AppError('NOT_FOUND', { entity: 'card' });
  }
  const year = civilDateOfInstant(ctx.now.getTime()).slice(0, 4);
  const n = await repo.nextNumber(q, center.id, `${input.kind}:${year}`);
  const number = `${kindWord(input.kind)}〔${year}〕${n}号`;
  const dueAt = await dueIn(q, center.id, input.responseWorkdays, ctx.now);
  const id = await repo.insertOrder(
    q,
    {
      center_id: center.id,
      number,
      kind: input.kind,
      case_id: input.caseId,
      card_id: input.cardId,
      department_id: dept.id,
      content: input.content,
      response_workdays: input.responseWorkdays,
      response_due_at: dueAt,
      issued_by: ctx.actor.userId,
      issued_by_name: ctx.actor.displayName,
    },
    ctx.now,
  );
  const o = { id, center_id: center.id, number };
  await repo.addOrderEvent(q, o, {
    action: 'issue',
    level: 'blue',
    actor_name: ctx.actor.displayName,
    note: input.content,
    at: ctx.now,
  });
  const to = [
    ...(await departmentLeaders(q, [dept.id])),
    ...(officerStaffId ? await staffAccounts(q, [officerStaffId]) : []),
  ];
  await enqueueNotices(
    q,
    notices(o, to, 'issue', `【${kindWord(input.kind)}】${number}`, input.content, false),
    ctx.now,
  );
  return id;
}

export async function respondToOrder(
  q: Queryable,
  ctx: Ctx,
  id: string,
  input: z.infer<typeof OrderRespond>,
): Promise<void> {
  const o = await repo.findOrder(q, ctx.actor.centerPath, id, true);
  if (!o) throw new AppError('NOT_FOUND', { entity: 'order' });
  // The department answers for itself: its chief representative or an approver (not the supervisor).
  if (ctx.actor.departmentId !== o.department_id || !hasRole(ctx.actor, 'chief_rep', 'approver')) {
    throw new AppError('SUPERVISION_NOT_YOUR_DEPARTMENT');
  }
  if (o.status !== 'open') throw stateError(o, { zh: '回复', en: 'respond to' });
  const late = ctx.now.getTime() > o.response_due_at.getTime();
  const status = o.kind === 'reminder' ? 'closed' : 'responded';
  await repo.saveResponse(
    q,
    id,
    { response: input.response, byName: ctx.actor.displayName, late, status },
    ctx.now,
  );
  await repo.addOrderEvent(q, o, {
    action: 'respond',
    level: o.level,
    actor_name: ctx.actor.displayName,
    note: input.response,
    at: ctx.now,
  });
  if (status === 'closed') {
    await repo.addOrderEvent(q, o, {
      action: 'close',
      level: o.level,
      actor_name: ctx.actor.displayName,
      note: '',
      at: ctx.now,
    });
  }
  if (o.issued_by) {
    const issuer: Recipient = { user_id: o.issued_by, name: o.issued_by_name, phone: '', key: '' };
    await enqueueNotices(
      q,
      notices(o, [issuer], `respond:${o.escalations}`, `【已回复】${o.number}`, input.response, false),
      ctx.now,
    );
  }
}

export async function giveVerdict(
  q: Queryable,
  ctx: Ctx,
  id: string,
  input: z.infer<typeof OrderVerdict>,
): Promise<void> {
  const o = await repo.findOrder(q, ctx.actor.centerPath, id, true);
  if (!o) throw new AppError('NOT_FOUND', { entity: 'order' });
  if (o.status !== 'responded') throw stateError(o, { zh: '评定', en: 'give a verdict on' });
  const satisfied = input.verdict === 'satisfied';
  const reopenDueAt = satisfied ? null : await dueIn(q, o.center_id, o.response_workdays, ctx.now);
  await repo.saveVerdict(
    q,
    id,
    { verdict: input.verdict, note: input.note, byName: ctx.actor.displayName, reopenDueAt },
    ctx.now,
  );
  const who = ctx.actor.displayName;
  await repo.addOrderEvent(q, o, {
    action: 'verdict',
    level: o.level,
    actor_name: who,
    note: `${satisfied ? '满意' : '不满意'}${input.note ? `：${input.note}` : ''}`,
    at: ctx.now,
  });
  if (satisfied)
    await repo.addOrderEvent(q, o, {
      action: 'close',
      level: o.level,
      actor_name: who,
      note: '',
      at: ctx.now,
    });
  const to = await departmentLeaders(q, [o.department_id]);
  const title = satisfied ? `【已办结】${o.number}` : `【退回重办】${o.number}`;
  const tag = `verdict:${o.verdict_at ? o.verdict_at.getTime() : 0}:${ctx.now.getTime()}`;
  await enqueueNotices(q, notices(o, to, tag, title, input.note || title, false), ctx.now);
}

const nextLevel: Record<OrderLevel, OrderLevel> = { blue: 'orange', orange: 'red', red: 'red' };

/**
 * Escalate every open order past its response deadline by one level, with a new deadline of the
 * same number of working days; copy the department's leaders (orange) and the center's leaders (red).
 */
export async function escalateOverdueOrders(
  db: Db,
  now: Date,
  centerIds: readonly string[] | null = null,
): Promise<number> {
  return db.transaction(async (q) => {
    const due = await repo.claimOverdue(q, now, 200, centerIds);
    for (const o of due) {
      const level = nextLevel[o.level];
      const dueAt = await dueIn(q, o.center_id, o.response_workdays, now);
      await repo.escalate(q, o.id, level, dueAt, now);
      await repo.addOrderEvent(q, o, {
        action: 'escalate',
        level,
        actor_name: '系统',
        note: `逾期未回复（期限 ${showInstant(o.response_due_at.getTime())}）`,
        at: now,
      });
      const leaders = byKey(await departmentLeaders(q, [o.department_id]));
      const heads = leaders.get(o.department_id) ?? [];
      const top = level === 'red' ? await centerLeaders(q, [o.center_id]) : [];
      const title = `【${level === 'red' ? '红色' : '橙色'}督办】${o.number} 逾期未回复`;
      await enqueueNotices(
        q,
        notices(o, [...heads, ...top], `escalate:${level}`, title, o.content, true),
        now,
      );
    }
    return due.length;
  });
}
