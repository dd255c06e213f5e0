import { DAY_MS } from '../../domain/calendar/civil-time';
import type { Queryable } from '../db/db';
import type { DemoContext } from '../demo/demo-context';
import { demoActor } from '../demo/demo-actor';
import { createComplaint, performComplaintAction } from './complaints.service';

/** A few complaints, a report, a praise letter and a suggestion at the county center, in several states. */
export async function complaintsDemo(tx: Queryable, ctx: DemoContext): Promise<void> {
  const [county] = await tx.query<{ id: string }>(
    "SELECT id FROM centers WHERE level = 'county' ORDER BY code LIMIT 1",
  );
  if (!county) return;
  const win = async (n: string) =>
    (
      await tx.query<{ id: string }>('SELECT id FROM windows WHERE center_id = $1 AND number = $2', [
        county.id,
        n,
      ])
    )[0]?.id ?? null;
  const dept = async (code: string) =>
    (
      await tx.query<{ id: string }>('SELECT id FROM departments WHERE center_id = $1 AND code = $2', [
        county.id,
        code,
      ])
    )[0]?.id ?? null;
  const supervisor = await demoActor(tx, 'supervisor');
  const chief = await demoActor(tx, 'chief');
  const days = (n: number) => new Date(ctx.now.getTime() - n * DAY_MS);
  const base = {
    centerId: county.id,
    targetWindowId: null,
    targetStaffId: null,
    targetDepartmentId: null,
    targetItemId: null,
    anonymous: false,
    contactName: '',
    contactPhone: '',
    attachments: [],
  };

  const a = await createComplaint(
    tx,
    {
      ...base,
      kind: 'complaint',
      title: '登记窗口要求提供指南以外的材料',
      content: '办理个体工商户登记时，窗口要求提供房东的身份证原件，办事指南上没有这一项。',
      targetWindowId: await win('9'),
      targetDepartmentId: await dept('SCJG'),
      contactName: '张先生',
      contactPhone: '13800001111',
      channel: 'portal',
      receivedByName: null,
    },
    days(6),
  );
  await performComplaintAction(tx, { actor: supervisor, now: days(6) }, a.id, {
    type: 'assign',
    departmentId: (await dept('SCJG'))!,
    note: '请核实答复',
  });
  await performComplaintAction(tx, { actor: chief, now: days(4) }, a.id, {
    type: 'reply',
    text: '经核实，窗口人员误解了租赁场所的证明要求，已按指南收件并向您致歉，同时对窗口人员进行了培训。',
  });

  const b = await createComplaint(
    tx,
    {
      ...base,
      kind: 'report',
      title: '有中介在大厅门口揽客代办收费',
      content: '大厅门口有人自称能加急办证，收取费用。',
      anonymous: true,
      channel: 'phone',
      receivedByName: supervisor.displayName,
    },
    days(2),
  );
  await performComplaintAction(tx, { actor: supervisor, now: days(2) }, b.id, {
    type: 'assign',
    departmentId: (await dept('GA'))!,
    note: '请公安窗口协助核查',
  });

  const c = await createComplaint(
    tx,
    {
      ...base,
      kind: 'praise',
      title: '感谢不动产登记窗口耐心服务',
      content: '江涛同志利用午休时间帮我们老两口办完了过户手续，特此表扬。',
      targetWindowId: await win('17'),
      contactName: '李大爷',
      contactPhone: '13900002222',
      channel: 'box',
      receivedByName: supervisor.displayName,
    },
    days(3),
  );
  await performComplaintAction(tx, { actor: supervisor, now: days(3) }, c.id, {
    type: 'acknowledge',
    bonusPoints: 2,
    note: '计入当月考核加分',
  });

  await createComplaint(
    tx,
    {
      ...base,
      kind: 'suggestion',
      title: '建议增加自助打印终端',
      content: '二楼大厅只有一台自助打印机，高峰时需要排队。',
      anonymous: true,
      channel: 'portal',
      receivedByName: null,
    },
    days(1),
  );
}
