import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../shared/contracts/cases';
import type { ItemVersionView } from '../../shared/contracts/catalog';
import { createTestApp, type Client, type TestApp } from '../test/test-app';
import { APPLICANT, errorOf, idNumber, itemByName, receiveBody } from './cases.fixtures';

let t: TestApp;
let officer: Client;
let gas: ItemVersionView;
beforeAll(async () => {
  t = await createTestApp();
  officer = await t.as('officer');
  gas = await itemByName(t.db, '燃气经营许可证核发', t.clock.now());
});
afterAll(() => t.close());

const receive = async (c: Client, body: unknown, headers?: Record<string, string>) =>
  c.post('/api/cases', body, headers);
const accepted = async () => {
  const res = await receive(officer, receiveBody(gas, 'accept'));
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; number: string }>();
};
const eventCount = async (id: string) =>
  (await t.db.query<{ n: number }>('SELECT count(*)::int AS n FROM case_events WHERE case_id = $1', [id]))[0]!
    .n;

describe('case numbers', () => {
  it('gives 50 parallel receptions 50 different consecutive numbers', async () => {
    const results = await Promise.all(
      Array.from({ length: 50 }, () => receive(officer, receiveBody(gas, 'receive'))),
    );
    for (const r of results) expect(r.statusCode, r.body).toBe(201);
    const numbers = results.map((r) => r.json<{ number: string }>().number);
    expect(new Set(numbers).size).toBe(50);
    const seqs = numbers.map((n) => Number(n.split('-').pop())).sort((a, b) => a - b);
    expect(seqs[49]! - seqs[0]!).toBe(49);
  });
});

describe('atomic actions', () => {
  it('leaves neither a state change nor an event when an action fails half-way', async () => {
    const c = await receive(officer, receiveBody(gas, 'receive'));
    const id = c.json<{ id: string }>().id;
    const before = await eventCount(id);
    // Make the last write of `accept` (its acceptance notice) fail after the state and the event rows.
    await t.db.exec(`
      CREATE FUNCTION fail_acceptance_notice() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'disk full'; END $$;
      CREATE TRIGGER fail_acceptance_notice_trg BEFORE INSERT ON case_documents FOR EACH ROW
        WHEN (NEW.kind = 'acceptance_notice') EXECUTE FUNCTION fail_acceptance_notice();`);
    try {
      const res = await officer.post(`/api/cases/${id}/actions`, { action: 'accept' });
      expect(res.statusCode).toBe(500);
    } finally {
      await t.db.exec(
        'DROP TRIGGER fail_acceptance_notice_trg ON case_documents; DROP FUNCTION fail_acceptance_notice();',
      );
    }
    const row = (
      await t.db.query<{ status: string; accepted_at: Date | null; event_count: number }>(
        'SELECT status, accepted_at, event_count FROM cases WHERE id = $1',
        [id],
      )
    )[0]!;
    expect(row).toMatchObject({ status: 'received', accepted_at: null, event_count: before });
    expect(await eventCount(id)).toBe(before);
    // And the same action succeeds once the failure is gone.
    expect((await officer.post(`/api/cases/${id}/actions`, { action: 'accept' })).statusCode).toBe(200);
    expect(await eventCount(id)).toBe(before + 1);
  });

  it('refuses to rewrite history: case events are append-only', async () => {
    const { id } = await accepted();
    await expect(t.db.query("UPDATE case_events SET opinion = 'x' WHERE case_id = $1", [id])).rejects.toThrow(
      /append-only/,
    );
  });
});

describe('bad input', () => {
  it('answers CASE_INVALID_TRANSITION naming the current state', async () => {
    const { id } = await accepted();
    const res = await officer.post(`/api/cases/${id}/actions`, { action: 'deliver', method: 'window' });
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('CASE_INVALID_TRANSITION');
    expect(errorOf(res).message).toContain('办理中');
    const en = await officer.post(
      `/api/cases/${id}/actions`,
      { action: 'accept' },
      { 'accept-language': 'en' },
    );
    expect(errorOf(en).message).toContain('In process');
  });

  it('refuses an ID number with a wrong check digit', async () => {
    const bad = `${APPLICANT.idNumber.slice(0, 17)}${APPLICANT.idNumber.endsWith('0') ? '1' : '0'}`;
    const res = await receive(officer, { ...receiveBody(gas), applicant: { ...APPLICANT, idNumber: bad } });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({
      code: 'INVALID_ID_NUMBER',
      fields: { 'applicant.idNumber': expect.any(String) },
    });
  });

  it('refuses an enterprise with an invalid credit code', async () => {
    const applicant = {
      kind: 'enterprise',
      name: '某公司',
      idType: 'credit_code',
      idNumber: '91349901MA2Q7K3N4X',
      phone: '0550-7355888',
    };
    const res = await receive(officer, { ...receiveBody(gas), applicant });
    expect(errorOf(res).code).toBe('INVALID_CREDIT_CODE');
  });

  it('needs a reason when the fee charged differs from the catalog standard', async () => {
    const idCard = await itemByName(t.db, '居民身份证换领', t.clock.now());
    const fee = idCard.content.fees[0]!;
    const body = receiveBody(idCard, 'accept');
    const missing = await receive(officer, { ...body, fee: { lines: [{ name: fee.name, chargedFen: 0 }] } });
    expect(missing.statusCode).toBe(400);
    expect(errorOf(missing)).toMatchObject({
      code: 'CASE_FEE_REASON_REQUIRED',
      fields: { feeReason: expect.any(String) },
    });
    const ok = await receive(officer, {
      ...body,
      fee: { lines: [{ name: fee.name, chargedFen: 0 }], reason: '低保对象，依规定免收' },
    });
    expect(ok.statusCode, ok.body).toBe(201);
    const c = (await officer.get(`/api/cases/${ok.json<{ id: string }>().id}`)).json<CaseDetail>();
    expect(c.fee).toMatchObject({ standardFen: fee.standardFen, chargedFen: 0, mismatch: true });
    expect(c.flags).toContain('fee_mismatch');
    const same = await receive(officer, {
      ...body,
      fee: { lines: [{ name: fee.name, chargedFen: fee.standardFen }] },
    });
    expect(same.statusCode).toBe(201);
  });

  it('creates one case for duplicate submissions with the same Idempotency-Key', async () => {
    const body = receiveBody(gas, 'accept', { subject: 'idempotent' });
    const key = { 'idempotency-key': 'window3-2026-0001' };
    const [a, b] = [await receive(officer, body, key), await receive(officer, body, key)];
    expect(a.statusCode).toBe(201);
    expect(b.statusCode).toBe(201);
    expect(b.headers['idempotent-replay']).toBe('true');
    expect(b.json<{ id: string }>().id).toBe(a.json<{ id: string }>().id);
    const n = await t.db.query("SELECT 1 FROM cases WHERE subject = 'idempotent'");
    expect(n).toHaveLength(1);
  });

  it('does not accept while a material is missing: it names what to request', async () => {
    const body = receiveBody(gas, 'accept');
    body.materials = body.materials.slice(1);
    const res = await receive(officer, body);
    expect(res.statusCode).toBe(409);
    expect(errorOf(res).code).toBe('CASE_MATERIALS_MISSING');
    expect(errorOf(res).message).toContain(gas.content.materials[0]!.name);
  });
});

describe('scope', () => {
  it('shows a case to its center and its department, to nobody else (404)', async () => {
    const { id } = await accepted();
    expect((await (await t.as('xiongwei')).get(`/api/cases/${id}`)).statusCode).toBe(200);
    expect((await (await t.as('approver')).get(`/api/cases/${id}`)).statusCode).toBe(404);
    expect((await (await t.as('wangqin')).get(`/api/cases/${id}`)).statusCode).toBe(404);
    expect((await (await t.as('zhangsan')).get(`/api/cases/${id}`)).statusCode).toBe(404);
    const other = await t.as('approver');
    expect((await other.post(`/api/cases/${id}/actions`, { action: 'pass_step' })).statusCode).toBe(404);
  });

  it('lets applicants see the cases received under their own ID document', async () => {
    const res = await receive(officer, {
      ...receiveBody(gas, 'receive'),
      applicant: { ...APPLICANT, name: '张三', idNumber: '34990119850315123X', phone: '13855001234' },
    });
    const zhang = await t.as('zhangsan');
    expect((await zhang.get(`/api/cases/${res.json<{ id: string }>().id}`)).statusCode).toBe(200);
    const mine = (await zhang.get('/api/cases')).json<{ items: { id: string; applicantName: string }[] }>();
    expect(mine.items.map((c) => c.id)).toContain(res.json<{ id: string }>().id);
    expect(mine.items.every((c) => c.applicantName === '张三')).toBe(true);
  });

  it('masks ID numbers and phones in lists and filters by state and overdue', async () => {
    const list = (await officer.get('/api/cases?status=accepted&pageSize=5')).json<{
      items: { applicantIdNumber: string; applicantPhone: string; status: string }[];
      total: number;
    }>();
    expect(list.items.length).toBeGreaterThan(0);
    for (const c of list.items) {
      expect(c.status).toBe('accepted');
      expect(c.applicantIdNumber).toMatch(/^\d{6}\*{8}[\dX]{4}$/);
      expect(c.applicantPhone).toBe('139****7788');
    }
    t.clock.set(new Date('2026-06-30T02:00:00Z'), { freeze: true });
    const overdue = (await officer.get('/api/cases?overdue=true')).json<{
      items: { overdue: boolean }[];
      total: number;
    }>();
    expect(overdue.total).toBeGreaterThan(0);
    expect(overdue.items.every((c) => c.overdue)).toBe(true);
  });

  it('validates a second applicant ID the same way (the agent)', async () => {
    const res = await receive(officer, {
      ...receiveBody(gas, 'receive'),
      agent: {
        name: '代理人',
        idType: 'resident_id',
        idNumber: idNumber('19900101', '124').slice(0, 17) + 'Y',
        phone: '13955660000',
      },
    });
    expect(res.statusCode).toBe(400);
  });
});
