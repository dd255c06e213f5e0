import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../shared/contracts/cases';
import type { ItemVersionView } from '../../shared/contracts/catalog';
import { createTestApp, type Client, type TestApp } from '../test/test-app';
import { APPLICANT, allReceived, errorOf, itemByName, receiveBody } from './cases.fixtures';
import { sweepDeemedAcceptance, sweepImmediateCases } from './cases.jobs';

let t: TestApp;
let officer: Client;
let gas: ItemVersionView;
beforeAll(async () => {
  t = await createTestApp();
  officer = await t.as('officer');
  gas = await itemByName(t.db, '燃气经营许可证核发', t.clock.now());
});
afterAll(() => t.close());

const cst = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
const at = (d: Date) => t.clock.set(d, { freeze: true });
async function act(c: Client, id: string, body: Record<string, unknown>, status = 200): Promise<CaseDetail> {
  const res = await c.post(`/api/cases/${id}/actions`, body);
  expect(res.statusCode, res.body).toBe(status);
  return res.json<CaseDetail>();
}
const detail = async (c: Client, id: string) => (await c.get(`/api/cases/${id}`)).json<CaseDetail>();

describe('the one-time supplement notice (一次性告知)', () => {
  it('lists every missing material at once, then accepts once they are supplied', async () => {
    at(cst('2026-03-03', '10:00'));
    const body = receiveBody(gas, 'request_supplement', {
      extraMissing: [{ name: '安全评价报告', note: '须由有资质的机构出具' }],
    });
    const [first, second] = body.materials.map((m) => gas.content.materials.find((x) => x.key === m.key)!);
    body.materials = body.materials.slice(2);
    const res = await officer.post('/api/cases', body);
    expect(res.statusCode, res.body).toBe(201);
    const { id, documents } = res.json<{ id: string; documents: { kind: string; id: string }[] }>();
    expect(documents.map((d) => d.kind)).toEqual(['material_receipt', 'supplement_notice']);
    let c = await detail(officer, id);
    expect(c.status).toBe('supplement_requested');
    const notice = c.events.find((e) => e.type === 'request_supplement')!;
    expect((notice.payload.missingMaterials as { name: string }[]).map((m) => m.name)).toEqual([
      first!.name,
      second!.name,
      '安全评价报告',
    ]);
    const pdf = await officer.get(`/api/cases/${id}/documents/${documents[1]!.id}/pdf`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // A reprint is the same document, byte for byte.
    const again = await officer.get(`/api/cases/${id}/documents/${documents[1]!.id}/pdf`);
    expect(again.rawPayload.equals(pdf.rawPayload)).toBe(true);

    at(cst('2026-03-05', '09:30'));
    c = await act(officer, id, { action: 'supply' });
    expect(c.status).toBe('received');
    expect(c.materials.filter((m) => m.status === 'missing')).toEqual([]);
    c = await act(officer, id, { action: 'accept' });
    expect(c.status).toBe('accepted');
    expect(c.acceptedAt).toBe(cst('2026-03-05', '09:30').toISOString());
  });

  it('flags a second notice: the first one was not complete', async () => {
    const res = await officer.post('/api/cases', receiveBody(gas, 'receive'));
    const id = res.json<{ id: string }>().id;
    await act(officer, id, {
      action: 'request_supplement',
      missing: [{ materialKey: gas.content.materials[0]!.key, note: '复印件不清晰' }],
    });
    await act(officer, id, { action: 'supply' });
    const c = await act(officer, id, { action: 'request_supplement', missing: [{ name: '补充说明' }] });
    expect(c.flags).toContain('repeated_supplement');
    expect(c.supplementRequests).toBe(2);
  });
});

describe('the 5-working-day watchdog (行政许可法 第32条)', () => {
  it('deems a case accepted from its receipt after five working days, once', async () => {
    at(cst('2026-03-06', '16:00')); // Friday
    const res = await officer.post('/api/cases', receiveBody(gas, 'receive'));
    const id = res.json<{ id: string }>().id;
    // Five working days after Friday 3/6: 3/9 … 3/13, so on 3/13 at 17:00 it is not yet due.
    await sweepDeemedAcceptance(t.db, cst('2026-03-13', '17:00'));
    expect((await detail(officer, id)).status).toBe('received');
    const now = cst('2026-03-16', '08:00');
    expect(await sweepDeemedAcceptance(t.db, now)).toBeGreaterThanOrEqual(1);
    expect(await sweepDeemedAcceptance(t.db, now)).toBe(0);
    at(now);
    const c = await detail(officer, id);
    expect(c).toMatchObject({ status: 'accepted', acceptedAt: cst('2026-03-06', '16:00').toISOString() });
    expect(c.flags).toContain('deemed_accepted');
    expect(c.events.at(-1)).toMatchObject({ type: 'deem_accept', actorRole: 'system', actorName: '系统' });
  });
});

describe('即办件: one review, one decision on the spot (一审一核)', () => {
  it('lets the chief representative decide an immediate case; the officer cannot', async () => {
    const shop = await itemByName(t.db, '个体工商户设立登记', t.clock.now());
    at(cst('2026-03-10', '09:00'));
    const res = await officer.post('/api/cases', receiveBody(shop, 'accept'));
    const id = res.json<{ id: string }>().id;
    const no = await officer.post(`/api/cases/${id}/actions`, { action: 'approve' });
    expect(errorOf(no).code).toBe('CASE_ROLE_NOT_ALLOWED');
    const chief = await t.as('chief');
    expect(
      (await chief.get('/api/cases/inbox')).json<{ items: { id: string }[] }>().items.map((c) => c.id),
    ).toContain(id);
    const c = await act(chief, id, { action: 'approve', certificate: { number: '92349901MA0000001X' } });
    expect(c).toMatchObject({ status: 'concluded', outcome: 'approved', clock: { onTime: true } });
  });

  it('turns an immediate case not concluded that day into a promised one, flagged', async () => {
    const shop = await itemByName(t.db, '个体工商户变更登记', t.clock.now());
    at(cst('2026-03-10', '09:00'));
    const id = (await officer.post('/api/cases', receiveBody(shop, 'accept'))).json<{ id: string }>().id;
    expect(await sweepImmediateCases(t.db, cst('2026-03-10', '17:00'))).toBe(0);
    expect(await sweepImmediateCases(t.db, cst('2026-03-11', '08:00'))).toBeGreaterThanOrEqual(1);
    at(cst('2026-03-11', '08:00'));
    const c = await detail(officer, id);
    expect(c).toMatchObject({ kind: 'promised', flags: expect.arrayContaining(['immediate_not_concluded']) });
    // Now held to the legal limit (3 working days from acceptance).
    expect(c.dueAt).toBe(cst('2026-03-13', '17:30').toISOString());
  });
});

describe('the village room accepts and forwards, never decides', () => {
  it('accepts a village item but cannot refuse it', async () => {
    const care = await itemByName(t.db, '高龄津贴申领', t.clock.now());
    const village = await t.as('village');
    const refused = await village.post('/api/cases', {
      ...receiveBody(care, 'refuse'),
      reason: '不符合条件',
    });
    expect(errorOf(refused).code).toBe('CASE_ROLE_NOT_ALLOWED');
    const res = await village.post('/api/cases', receiveBody(care, 'accept'));
    expect(res.statusCode, res.body).toBe(201);
    const c = await detail(village, res.json<{ id: string }>().id);
    expect(c.number).toMatch(/^YUNXI-LUQIAO-HUANGLONG-/);
    expect(c.allowedActions).not.toContain('approve');
    expect(c.allowedActions).not.toContain('refuse');
    // The department sees the village case in its inbox once the window hands it over.
    const county = await t.as('wangqin');
    expect((await county.get(`/api/cases/${c.id}`)).statusCode).toBe(200);
  });
});

describe('两证齐发: linked cases handed over together', () => {
  it('is ready only when every part is concluded, with one pickup notice', async () => {
    at(cst('2026-03-16', '09:00'));
    const transfer = await itemByName(t.db, '不动产转移登记', t.clock.now());
    const planning = await itemByName(t.db, '建设用地规划许可证核发', t.clock.now());
    const res = await officer.post('/api/cases/bundles', {
      name: '房屋及土地两证齐发',
      applicant: APPLICANT,
      parts: [
        { itemId: transfer.itemId, materials: allReceived(transfer) },
        { itemId: planning.itemId, materials: allReceived(planning) },
      ],
    });
    expect(res.statusCode, res.body).toBe(201);
    const [a, b] = res.json<{ cases: { id: string; number: string }[] }>().cases;
    const walk = async (approver: Client, id: string, steps: number) => {
      await act(officer, id, { action: 'pass_step' });
      for (let i = 1; i < steps - 1; i++) await act(approver, id, { action: 'pass_step' });
    };
    const shilei = await t.as('shilei');
    const duanhong = await t.as('duanhong');
    await walk(shilei, a!.id, transfer.content.steps.length);
    // The last step of 不动产转移登记 is the window's (缮证发证): the approver decides there too.
    let c = await act(shilei, a!.id, { action: 'approve' });
    expect(c.bundle).toMatchObject({ ready: false });
    const early = await officer.post(`/api/cases/${a!.id}/actions`, { action: 'deliver', method: 'window' });
    expect(errorOf(early).code).toBe('CASE_BUNDLE_NOT_READY');
    const progress = (await t.anon.get(`/api/public/cases/${a!.number}?phone=${APPLICANT.phone}`)).json<{
      pickup: { ready: boolean };
    }>();
    expect(progress.pickup.ready).toBe(false);

    await walk(duanhong, b!.id, planning.content.steps.length);
    c = await act(duanhong, b!.id, { action: 'approve' });
    expect(c.bundle).toMatchObject({ ready: true });
    expect(c.documents.map((d) => d.kind)).toContain('pickup_notice');

    c = await act(officer, a!.id, { action: 'deliver', method: 'window' });
    expect(c.status).toBe('delivered');
    expect((await detail(officer, b!.id)).status).toBe('delivered');
  });
});

describe('the window hands over its day (业务受理转办明细表)', () => {
  it('lists the accepted cases of the day by department, printable', async () => {
    at(cst('2026-03-17', '09:00'));
    await officer.post('/api/cases', receiveBody(gas, 'accept'));
    const list = (await officer.get('/api/cases/transfers?date=2026-03-17')).json<{
      departments: { departmentName: string; cases: unknown[] }[];
    }>();
    expect(list.departments.find((d) => d.departmentName === '云溪县住房和城乡建设局')?.cases).toHaveLength(
      1,
    );
    const pdf = await officer.get('/api/cases/transfers/pdf?date=2026-03-17');
    expect(pdf.headers['content-type']).toBe('application/pdf');
  });
});
