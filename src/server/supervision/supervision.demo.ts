import type { Queryable } from '../db/db';
import type { DemoContext } from '../demo/demo-context';
import { defaultRules } from './supervision.defaults';
import { upsertCenterRule } from './rules.repository';
import { demoActor } from '../demo/demo-actor';
import { createOrder, respondToOrder } from './orders.service';

/** The demo county gets the default rule set; townships and villages inherit it (see rules.repository.ts). */
export async function supervisionDemoStep(tx: Queryable, ctx: DemoContext): Promise<void> {
  const roots = await tx.query<{ id: string }>('SELECT id FROM centers WHERE parent_id IS NULL');
  for (const root of roots) {
    for (const rule of Object.values(defaultRules)) {
      await upsertCenterRule(tx, root.id, { ...rule, note: '' }, '系统初始化', ctx.now);
    }
  }
}

const DAY_MS = 86_400_000;

/**
 * After the demo cases: a 督办单 on an open 市场监管 case that the department has answered (waiting for
 * the supervisor's verdict), and a 催办 to the same department still open, so the supervision desk and
 * the chief representative's inbox show the whole loop.
 */
export async function supervisionOrdersDemoStep(tx: Queryable, ctx: DemoContext): Promise<void> {
  const supervisor = await demoActor(tx, 'supervisor');
  const chief = await demoActor(tx, 'chief');
  if (!chief.departmentId) return;
  const [open] = await tx.query<{ id: string; center_id: string }>(
    `SELECT id, center_id FROM cases WHERE department_id = $1 AND status IN ('accepted', 'paused')
     ORDER BY accepted_at, id LIMIT 1`,
    [chief.departmentId],
  );
  const at = (daysBefore: number) => new Date(ctx.now.getTime() - daysBefore * DAY_MS);
  const orderId = await createOrder(
    tx,
    { actor: supervisor, now: at(3) },
    {
      centerId: open?.center_id ?? supervisor.centerId,
      kind: 'order',
      caseId: open?.id ?? null,
      cardId: null,
      departmentId: open ? null : chief.departmentId,
      content: '该件临近承诺办结时限，请说明办理进度、存在的问题，并在期限内办结。',
      responseWorkdays: 3,
    },
  );
  await respondToOrder(tx, { actor: chief, now: at(1) }, orderId, {
    response: '已安排专人核查，申请材料齐全，现场核查已完成，预计两个工作日内作出决定。',
  });
  await createOrder(
    tx,
    { actor: supervisor, now: ctx.now },
    {
      centerId: supervisor.centerId,
      kind: 'reminder',
      caseId: null,
      cardId: null,
      departmentId: chief.departmentId,
      content: '本部门有办件临近承诺时限，请加快办理，并于期限内回复办理情况。',
      responseWorkdays: 2,
    },
  );
}
