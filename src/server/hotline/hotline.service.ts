import { createHash } from 'node:crypto';
import {
  hotlineActionAllowed,
  hotlineActions,
  hotlineDues,
  overdueSupervisions,
  transitionHotline,
  type HotlineActor,
  type HotlineEvent,
  type SupervisionReason,
} from '../../domain/evaluation';
import { AppError } from '../../domain/errors';
import type { HotlineAction, HotlineOrderInput } from '../../shared/contracts/hotline';
import { supervisionReasonLabels } from '../../shared/contracts/evaluation-labels';
import { getCalendarIndex } from '../calendar/calendar.service';
import type { Queryable } from '../db/db';
import { loadPolicies } from '../evaluation/settings.service';
import { hasRole, type Actor } from '../http/actor';
import { departmentLeaders, enqueueNotices, type Notice } from '../supervision/notify.repository';
import * as repo from './hotline.repository';
import type { OrderListRow, OrderRow } from './hotline.repository';

/**
 * 12345 work orders: received from the platform (HTTP, import) or entered, dispatched to a lead unit
 * with co-units, signed, handled, replied, concluded, visited, evaluated — every step through the
 * pure transition table and one event row, the dues on the center's working-day clock, and 督办
 * issued by the sweep (or by a late reply) with a notice to the unit's leaders.
 */
type Scoped = Actor & { centerPath: string };
const SYSTEM = '系统';

export const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex');

/** Receive one order; an order number already known is returned as it is (the platform may resend). */
export async function receiveOrder(
  q: Queryable,
  centerId: string,
  input: HotlineOrderInput,
  source: OrderRow['source'],
  actorName: string,
  now: Date,
): Promise<{ id: string; created: boolean }> {
  const res = await repo.insertOrder(
    q,
    {
      center_id: centerId,
      number: input.number,
      source,
      category: input.category,
      kind: input.kind,
      title: input.title,
      content: input.content,
      caller_name: input.callerName,
      caller_phone: input.callerPhone,
      address: input.address,
      received_at: input.receivedAt ? new Date(input.receivedAt) : now,
    },
    now,
  );
  if (!res.created) return res;
  await repo.insertEvent(q, {
    order_id: res.id,
    center_id: centerId,
    seq: 1,
    action: 'receive',
    from_status: null,
    to_status: 'received',
    actor_name: actorName,
    department_id: null,
    note: source,
    payload: {},
    at: now,
  });
  await q.query('UPDATE hotline_orders SET event_count = 1 WHERE id = $1', [res.id]);
  if (input.departmentCode) {
    const d = await repo.departmentByCode(q, centerId, input.departmentCode);
    if (!d) throw new AppError('VALIDATION_FAILED', {}, { departmentCode: 'rule.same_center' });
    const o = (await repo.findOrder(q, null, res.id, true))!;
    await apply(
      q,
      o,
      { type: 'dispatch', leadDepartmentId: d.id, coDepartmentIds: [] },
      'dispatcher',
      actorName,
      null,
      now,
    );
  }
  return res;
}

function toEvent(a: HotlineAction): HotlineEvent {
  switch (a.type) {
    case 'dispatch':
      return { type: 'dispatch', leadUnit: a.leadDepartmentId, coUnits: a.coDepartmentIds };
    case 'supervise':
      return { type: 'supervise', reason: 'manual', note: a.note };
    default:
      return a;
  }
}

/** Apply one action at `now` and write the order, its units and its events. */
async function apply(
  q: Queryable,
  o: OrderListRow,
  a: HotlineAction,
  actor: HotlineActor,
  actorName: string,
  departmentId: string | null,
  now: Date,
): Promise<OrderRow> {
  const policies = await loadPolicies(q, o.center_id);
  const limits = policies.hotline[o.category];
  const calendar = await getCalendarIndex(q, o.center_id);
  const dues = { signDue: o.sign_due_at, replyDue: o.reply_due_at, returnDue: o.return_due_at };
  if (a.type === 'dispatch') {
    const ids = [a.leadDepartmentId, ...a.coDepartmentIds];
    const found = await q.query<{ id: string }>(
      'SELECT id FROM departments WHERE id = ANY($1::uuid[]) AND center_id = $2',
      [ids, o.center_id],
    );
    if (found.length !== new Set(ids).size)
      throw new AppError('VALIDATION_FAILED', {}, { leadDepartmentId: 'rule.same_center' });
  }
  const { next, supervisions } = transitionHotline(
    {
      status: o.status,
      dispatchedAt: o.dispatched_at,
      signedAt: o.signed_at,
      repliedAt: o.replied_at,
      extensionDays: o.extension_days,
      supervised: o.supervised,
      supervisionLevel: o.supervision_level,
    },
    toEvent(a),
    actor,
    now,
    limits,
    dues,
  );
  const newDues = hotlineDues(next.dispatchedAt, limits, next.extensionDays, calendar);
  const row: OrderRow = {
    ...o,
    status: next.status,
    dispatched_at: next.dispatchedAt,
    signed_at: next.signedAt,
    replied_at: next.repliedAt,
    extension_days: next.extensionDays,
    supervised: [...next.supervised],
    supervision_level: next.supervisionLevel,
    sign_due_at: newDues.signDue,
    reply_due_at: newDues.replyDue,
    return_due_at: newDues.returnDue,
  };
  let note = '';
  switch (a.type) {
    case 'dispatch':
      row.lead_department_id = a.leadDepartmentId;
      await repo.replaceUnits(q, o, a.leadDepartmentId, a.coDepartmentIds);
      break;
    case 'return':
      row.return_count = o.return_count + 1;
      note = a.reason;
      break;
    case 'reply':
      row.reply = a.text;
      note = a.text;
      break;
    case 'conclude':
      row.concluded_at = now;
      break;
    case 'visit':
      row.visit_note = a.note;
      note = a.note;
      break;
    case 'evaluate':
      row.satisfaction = a.level;
      note = a.level;
      break;
    case 'handle':
    case 'supervise':
      note = a.note;
      break;
    case 'extend':
    case 'reject_reply':
      note = a.reason;
      break;
    case 'sign':
      break;
  }
  let seq = o.event_count;
  // The 督办 a late reply earned is recorded before the reply itself.
  for (const reason of a.type === 'supervise' ? [] : supervisions) {
    await repo.insertEvent(q, {
      order_id: o.id,
      center_id: o.center_id,
      seq: ++seq,
      action: 'supervise',
      from_status: o.status,
      to_status: o.status,
      actor_name: SYSTEM,
      department_id: o.lead_department_id,
      note: supervisionReasonLabels[reason].zh,
      payload: { reason },
      at: now,
    });
  }
  await repo.insertEvent(q, {
    order_id: o.id,
    center_id: o.center_id,
    seq: ++seq,
    action: a.type,
    from_status: o.status,
    to_status: row.status,
    actor_name: actorName,
    department_id: departmentId ?? (a.type === 'dispatch' ? a.leadDepartmentId : null),
    note,
    payload: { ...a },
    at: now,
  });
  row.event_count = seq;
  await repo.saveOrder(q, row, now);
  if (supervisions.length > 0) await notifySupervision(q, row, supervisions, now);
  return row;
}

async function notifySupervision(
  q: Queryable,
  o: OrderRow,
  reasons: readonly SupervisionReason[],
  now: Date,
) {
  if (!o.lead_department_id) return;
  const to = await departmentLeaders(q, [o.lead_department_id]);
  const notices: Notice[] = to.map((r) => ({
    centerId: o.center_id,
    userId: r.user_id,
    channel: 'inbox',
    address: '',
    kind: 'hotline_supervision',
    title: `【12345督办】${o.number} ${o.title}`,
    body: reasons.map((x) => supervisionReasonLabels[x].zh).join('、'),
    link: `/evaluation/hotline?id=${o.id}`,
    dedupeKey: `hotline:${o.id}:${o.event_count}:${r.user_id}`,
  }));
  await enqueueNotices(q, notices, now);
}

/** The actor's part on an order: the hotline desk dispatches and supervises, the units handle. */
export async function hotlineActor(q: Queryable, actor: Actor, o: OrderRow): Promise<HotlineActor | null> {
  if (hasRole(actor, 'supervisor', 'admin')) return 'dispatcher';
  if (actor.departmentId && (await repo.unitRole(q, o.id, actor.departmentId)) === 'lead') return 'unit';
  return null;
}

export async function mayViewOrder(q: Queryable, actor: Actor, o: OrderRow): Promise<boolean> {
  if (hasRole(actor, 'supervisor', 'admin', 'leader')) return true;
  return actor.departmentId !== null && (await repo.unitRole(q, o.id, actor.departmentId)) !== null;
}

export async function availableHotlineActions(q: Queryable, actor: Actor, o: OrderRow): Promise<string[]> {
  const kind = await hotlineActor(q, actor, o);
  return kind ? hotlineActions.filter((a) => hotlineActionAllowed(o.status, a, kind)) : [];
}

export async function performHotlineAction(
  q: Queryable,
  ctx: { actor: Scoped; now: Date },
  id: string,
  a: HotlineAction,
): Promise<OrderRow> {
  const o = await repo.findOrder(q, ctx.actor.centerPath, id, true);
  if (!o || !(await mayViewOrder(q, ctx.actor, o))) throw new AppError('HOTLINE_NOT_YOUR_ORDER');
  const kind = await hotlineActor(q, ctx.actor, o);
  if (!kind) throw new AppError('FORBIDDEN');
  return apply(
    q,
    o,
    a,
    kind,
    ctx.actor.displayName,
    kind === 'unit' ? ctx.actor.departmentId : null,
    ctx.now,
  );
}

/** The platform reports the caller's satisfaction (already mapped from its codes to a level). */
export async function evaluateFromPlatform(
  q: Queryable,
  centerId: string,
  number: string,
  level: NonNullable<OrderRow['satisfaction']>,
  now: Date,
): Promise<OrderRow> {
  const o = await repo.findOrderByNumber(q, centerId, number);
  if (!o) throw new AppError('NOT_FOUND', { entity: 'hotline_order' });
  return apply(q, o, { type: 'evaluate', level }, 'dispatcher', '12345平台', null, now);
}

/** Sweep: issue the 督办 every late order has earned (sign or reply limit passed). Bounded, idempotent. */
export async function sweepHotlineSupervision(q: Queryable, now: Date, limit = 200): Promise<number> {
  const late = await repo.claimLate(q, now, limit);
  for (const o of late) {
    const limits = (await loadPolicies(q, o.center_id)).hotline[o.category];
    const dues = { signDue: o.sign_due_at, replyDue: o.reply_due_at, returnDue: o.return_due_at };
    const snapshot = {
      status: o.status,
      dispatchedAt: o.dispatched_at,
      signedAt: o.signed_at,
      repliedAt: o.replied_at,
      extensionDays: o.extension_days,
      supervised: o.supervised,
      supervisionLevel: o.supervision_level,
    };
    let current: OrderListRow = o;
    for (const reason of overdueSupervisions(snapshot, dues, now)) {
      const { next } = transitionHotline(
        { ...snapshot, supervised: current.supervised, supervisionLevel: current.supervision_level },
        { type: 'supervise', reason, note: supervisionReasonLabels[reason].zh },
        'system',
        now,
        limits,
        dues,
      );
      const seq = current.event_count + 1;
      await repo.insertEvent(q, {
        order_id: o.id,
        center_id: o.center_id,
        seq,
        action: 'supervise',
        from_status: o.status,
        to_status: o.status,
        actor_name: SYSTEM,
        department_id: o.lead_department_id,
        note: supervisionReasonLabels[reason].zh,
        payload: { reason },
        at: now,
      });
      current = {
        ...current,
        supervised: [...next.supervised],
        supervision_level: next.supervisionLevel,
        event_count: seq,
      };
      await repo.saveOrder(q, current, now);
      await notifySupervision(q, current, [reason], now);
    }
  }
  return late.length;
}
