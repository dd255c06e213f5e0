import type { CaseActionBody, MaterialTick } from '../../shared/contracts/cases';
import type { ItemVersionView } from '../../shared/contracts/catalog';
import { actorFromUser } from '../auth/auth.service';
import { findUserByUsername } from '../auth/auth.repository';
import type { Queryable } from '../db/db';
import type { DemoStep } from '../demo/demo-context';
import { demoApplicants } from '../demo/data/org';
import { performAction } from './action.service';
import { receiveBundle } from './bundle.service';
import { commitUnit } from './cases.commit';
import type { CaseRow } from './cases.repository';
import { buildReceivedUnit, prepareReceipt, receiptCommit, type Decision } from './receive.service';
import { versionInForce } from './cases.versions';

/**
 * A handful of demo cases in the states a window sees on an ordinary morning, made through the same
 * services as real work (so every one has its events, clock and documents): waiting in a department
 * inbox, paused for a site check, concluded and handed over, waiting for a supplement, a linked
 * bundle half done, an overdue one, a refusal, and one just received.
 */

const applicant = (username: string) => {
  const a = demoApplicants.find((x) => x.username === username)!;
  return {
    kind: a.kind,
    name: a.name,
    idType: a.idType,
    idNumber: a.idNumber,
    phone: a.phone,
    address: '',
    legalRepresentative: '',
  };
};

const ticks = (v: ItemVersionView): MaterialTick[] =>
  v.content.materials
    .filter((m) => m.source === 'applicant' && m.necessity !== 'optional' && !m.situation)
    .map((m) => ({ key: m.key, status: 'received', originals: m.originals, copies: m.copies, note: '' }));

export const casesDemoStep: DemoStep = async (tx, ctx) => {
  const base = ctx.now.getTime();
  /** `days` before now, at minute `minute` of 09:00 China time (never after now). */
  const ago = (days: number, minute = 0) => {
    const d = new Date(base - days * 86_400_000);
    const day = new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    const t = new Date(`${day}T09:${String(minute).padStart(2, '0')}:00+08:00`);
    return t.getTime() > base ? new Date(base - (60 - minute) * 60_000) : t;
  };
  const as = async (username: string, now: Date) => {
    const u = await findUserByUsername(tx, username);
    return { actor: actorFromUser(u!), now };
  };
  const item = async (name: string) => {
    const [r] = await tx.query<{ item_id: string }>(
      "SELECT item_id FROM item_versions WHERE name = $1 AND status = 'published' LIMIT 1",
      [name],
    );
    return (await versionInForce(tx, r!.item_id, ctx.now))!.version;
  };
  const receive = async (
    q: Queryable,
    who: string,
    at: Date,
    v: ItemVersionView,
    person: string,
    decision: Decision,
    materials = ticks(v),
  ) => {
    const c = await as(who, at);
    const common = await prepareReceipt(q, c, v.itemId, undefined);
    const u = await buildReceivedUnit(
      q,
      c,
      common,
      { channel: 'counter', applicant: applicant(person), subject: '', materials },
      decision,
    );
    return (await commitUnit(q, u, receiptCommit(c, common))).row;
  };
  const act = async (who: string, at: Date, row: CaseRow, body: CaseActionBody) =>
    performAction(tx, await as(who, at), row.id, body);

  const gas = await item('燃气经营许可证核发');
  const food = await item('食品经营许可（新办）');
  const dibao = await item('最低生活保障审核确认');
  const shop = await item('个体工商户设立登记');
  const elderly = await item('高龄津贴申领');
  const company = await item('有限责任公司设立登记');
  const hygiene = await item('公共场所卫生许可（新办）');

  // In the housing department's inbox, step 2 of 3.
  const a = await receive(tx, 'officer', ago(6), gas, 'qiye', { decision: 'accept' });
  await act('officer', ago(6, 30), a, { action: 'pass_step', opinion: '材料齐全，转住建局审查' });
  // With the market regulator's chief representative.
  const b = await receive(tx, 'songjia', ago(2), food, 'qiye', { decision: 'accept' });
  await act('songjia', ago(2, 20), b, { action: 'pass_step' });
  // Paused for a site check (特别程序).
  const c = await receive(tx, 'officer', ago(10), dibao, 'lisi', { decision: 'accept' });
  await act('officer', ago(10, 30), c, { action: 'pass_step' });
  await act('tianzhiyong', ago(3), c, {
    action: 'pause',
    kind: 'site_check',
    expectedWorkingDays: 5,
    reason: '入户调查家庭经济状况',
  });
  // An 即办件 decided on the spot and handed over (一审一核).
  const d = await receive(tx, 'officer', ago(1), shop, 'zhangsan', { decision: 'accept' });
  await act('chief', ago(1, 15), d, { action: 'approve', certificate: { number: '92349901MA2T0C0D1X' } });
  await act('officer', ago(1, 30), d, { action: 'deliver', method: 'window' });
  // At the village room, waiting for the one-time supplement.
  const ev = ticks(elderly);
  await receive(
    tx,
    'village',
    ago(1, 10),
    elderly,
    'lisi',
    { decision: 'request_supplement', extraMissing: [] },
    ev.slice(1),
  );
  // Overdue: promised one working day, still at the chief representative's step.
  const f = await receive(tx, 'officer', ago(7), company, 'qiye', { decision: 'accept' });
  await act('officer', ago(7, 30), f, { action: 'pass_step' });
  // Refused, with the reason and the rights of review on the notice.
  await receive(tx, 'officer', ago(4), hygiene, 'zhangsan', {
    decision: 'refuse',
    reason: '经营场所不在本县行政区域内，请向经营场所所在地卫生健康部门申请',
  });
  // Just received, no decision yet (the 5-working-day watchdog is counting).
  await receive(tx, 'officer', ago(0, 5), gas, 'zhangsan', { decision: 'receive' });

  // 两证齐发: house transfer and land planning, the first already approved.
  const transfer = await item('不动产转移登记');
  const planning = await item('建设用地规划许可证核发');
  const [p1] = await receiveBundle(tx, await as('officer', ago(8)), {
    name: '房屋及土地两证齐发',
    applicant: applicant('qiye'),
    subject: '云溪县人民路 88 号',
    decision: 'accept',
    parts: [
      { itemId: transfer.itemId, materials: ticks(transfer) },
      { itemId: planning.itemId, materials: ticks(planning) },
    ],
  });
  await act('officer', ago(8, 30), p1!, { action: 'pass_step' });
  await act('shilei', ago(7), p1!, { action: 'pass_step' });
  await act('shilei', ago(6), p1!, {
    action: 'approve',
    certificate: { number: '皖(2026)云溪县不动产权第0001234号' },
  });
};
