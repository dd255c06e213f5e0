import { DAY_MS, MINUTE_MS } from '../../domain/calendar/civil-time';
import type { Queryable } from '../db/db';
import type { DemoContext } from '../demo/demo-context';
import { demoActor } from '../demo/demo-actor';
import { performHotlineAction, receiveOrder } from './hotline.service';

/** Three 12345 orders at the county center: one replied, one returned and re-dispatched, one waiting. */
export async function hotlineDemo(tx: Queryable, ctx: DemoContext): Promise<void> {
  const [county] = await tx.query<{ id: string }>(
    "SELECT id FROM centers WHERE level = 'county' ORDER BY code LIMIT 1",
  );
  if (!county) return;
  const dept = async (code: string) =>
    (
      await tx.query<{ id: string }>('SELECT id FROM departments WHERE center_id = $1 AND code = $2', [
        county.id,
        code,
      ])
    )[0]!.id;
  const supervisor = await demoActor(tx, 'supervisor');
  const chief = await demoActor(tx, 'chief');
  const ago = (d: number, m = 0) => new Date(ctx.now.getTime() - d * DAY_MS + m * MINUTE_MS);
  const order = (number: string, title: string, content: string, kind: 'help' | 'complaint' | 'consult') => ({
    number,
    category: 'ordinary' as const,
    kind,
    title,
    content,
    callerName: '来电人',
    callerPhone: '13700000000',
    address: '云溪县城关镇',
  });

  const a = await receiveOrder(
    tx,
    county.id,
    order(
      'YX12345-0001',
      '个体户执照办理咨询',
      '来电人咨询个体工商户登记需要哪些材料，能否网上办理。',
      'consult',
    ),
    'api',
    '12345平台',
    ago(5),
  );
  await performHotlineAction(tx, { actor: supervisor, now: ago(5, 30) }, a.id, {
    type: 'dispatch',
    leadDepartmentId: await dept('SCJG'),
    coDepartmentIds: [],
  });
  await performHotlineAction(tx, { actor: chief, now: ago(5, 90) }, a.id, { type: 'sign' });
  await performHotlineAction(tx, { actor: chief, now: ago(4) }, a.id, {
    type: 'reply',
    text: '已电话告知来电人所需材料，并指导其通过网上办事大厅提交。',
  });

  const b = await receiveOrder(
    tx,
    county.id,
    order('YX12345-0002', '社保卡补办进度', '来电人反映社保卡补办两周仍未收到。', 'help'),
    'api',
    '12345平台',
    ago(3),
  );
  await performHotlineAction(tx, { actor: supervisor, now: ago(3, 20) }, b.id, {
    type: 'dispatch',
    leadDepartmentId: await dept('YB'),
    coDepartmentIds: [],
  });
  const yb = await demoActor(tx, 'yuanyong');
  await performHotlineAction(tx, { actor: yb, now: ago(3, 200) }, b.id, {
    type: 'return',
    reason: '社保卡由人社局制发，非医保局职责',
  });
  await performHotlineAction(tx, { actor: supervisor, now: ago(2) }, b.id, {
    type: 'dispatch',
    leadDepartmentId: await dept('RS'),
    coDepartmentIds: [await dept('YB')],
  });

  await receiveOrder(
    tx,
    county.id,
    order('YX12345-0003', '大厅停车难', '来电人反映政务服务中心停车位不足，建议开放周边车位。', 'complaint'),
    'api',
    '12345平台',
    ago(0, -60),
  );
}
