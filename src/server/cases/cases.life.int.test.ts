import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseDetail } from '../../shared/contracts/cases';
import type { ItemVersionView } from '../../shared/contracts/catalog';
import { createTestApp, type Client, type TestApp } from '../test/test-app';
import { APPLICANT, itemByName, receiveBody } from './cases.fixtures';

/**
 * The full life of a promised case over Labour Day 2026 (May 1–5 off, Saturday May 9 worked), with
 * a special procedure and an extension, checking every due by hand:
 *
 * 燃气经营许可证核发: promised 10 working days, legal 20, steps 受理 (officer) → 审查 (approver, 5) →
 * 决定 (approver, 4). Accepted Monday 2026-04-27 09:00 (China time); counting starts the next day:
 * 4/28, 4/29, 4/30, [5/1–5/5], 5/6, 5/7, 5/8, 5/9 (make-up Saturday), 5/11, 5/12, 5/13 → promised due
 * 2026-05-13 18:00 (the demo center's summer hours, May–September, end at 18:00); legal 20 → 5/27.
 * Site check from Wed 4/29 09:00 to Thu 5/7 09:00 covers 6/6.5 + 1 + 1 + 0.5/6.5 = exactly 3 working
 * days (6.5 working hours a day, winter and summer) → promised due 5/18, legal due 6/1.
 * Extension +10 working days → promised 6/1, legal 6/15.
 */

let t: TestApp;
let officer: Client;
let approver: Client;
let v: ItemVersionView;
const at = (iso: string) => t.clock.set(new Date(iso), { freeze: true });
const cst = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`).toISOString();

beforeAll(async () => {
  t = await createTestApp();
  officer = await t.as('officer');
  approver = await t.as('xiongwei');
  v = await itemByName(t.db, '燃气经营许可证核发', t.clock.now());
});
afterAll(() => t.close());

async function act(c: Client, id: string, body: Record<string, unknown>): Promise<CaseDetail> {
  const res = await c.post(`/api/cases/${id}/actions`, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json<CaseDetail>();
}

describe('a promised case across Labour Day with a pause and an extension', () => {
  it('keeps every due right from acceptance to delivery', async () => {
    expect(v.content.promisedLimit).toEqual({ amount: 10, unit: 'workday' });
    expect(v.content.legalLimit).toEqual({ amount: 20, unit: 'workday' });

    at(cst('2026-04-27', '09:00'));
    const res = await officer.post('/api/cases', receiveBody(v, 'accept'));
    expect(res.statusCode, res.body).toBe(201);
    const created = res.json<{ id: string; number: string; dueAt: string; documents: { kind: string }[] }>();
    expect(created.number).toMatch(/^YUNXI-20260427-\d{4}$/);
    expect(created.dueAt).toBe(cst('2026-05-13', '18:00'));
    expect(created.documents.map((d) => d.kind)).toEqual(['material_receipt', 'acceptance_notice']);
    const id = created.id;

    let c = (await officer.get(`/api/cases/${id}`)).json<CaseDetail>();
    expect(c).toMatchObject({
      status: 'accepted',
      legalDueAt: cst('2026-05-27', '18:00'),
      step: { index: 0 },
    });
    expect(c.allowedActions).toContain('pass_step');
    expect(c.allowedActions).not.toContain('approve');

    at(cst('2026-04-27', '10:00'));
    c = await act(officer, id, { action: 'pass_step', opinion: '材料齐全，转住建局审查' });
    expect(c.step).toMatchObject({ index: 1, role: 'approver', dueAt: cst('2026-05-07', '18:00') });

    at(cst('2026-04-29', '09:00'));
    c = await act(approver, id, {
      action: 'pause',
      kind: 'site_check',
      expectedWorkingDays: 3,
      reason: '需现场核查储配站',
    });
    expect(c.status).toBe('paused');
    expect(c.documents.map((d) => d.kind)).toContain('special_procedure_notice');

    at(cst('2026-05-07', '09:00'));
    c = await act(approver, id, { action: 'resume', result: '现场核查合格' });
    expect(c).toMatchObject({
      status: 'accepted',
      dueAt: cst('2026-05-18', '18:00'),
      legalDueAt: cst('2026-06-01', '18:00'),
    });
    expect(c.clock?.pausedWorkingDays).toBe(3);
    // The step's own limit gets the same three days back: 5/7 + 3 → 5/8, 5/9 (make-up Saturday), 5/11.
    expect(c.step.dueAt).toBe(cst('2026-05-11', '18:00'));

    at(cst('2026-05-11', '10:00'));
    c = await act(approver, id, { action: 'pass_step', opinion: '审查通过' });

    at(cst('2026-05-15', '10:00'));
    c = await act(approver, id, {
      action: 'extend',
      workingDays: 10,
      approvedBy: '蒋局长',
      reason: '需征求消防部门意见',
    });
    expect(c).toMatchObject({
      dueAt: cst('2026-06-01', '18:00'),
      legalDueAt: cst('2026-06-15', '18:00'),
      extended: true,
    });
    expect(c.clock?.extensions).toEqual([
      expect.objectContaining({ workingDays: 10, approvedBy: '蒋局长', reason: '需征求消防部门意见' }),
    ]);
    const kinds = c.clock!.explanation.map((e) => e.kind);
    expect(kinds).toEqual(
      expect.arrayContaining(['start', 'holidaySkipped', 'makeUpWorkday', 'pause', 'extension', 'due']),
    );

    at(cst('2026-05-20', '10:00'));
    c = await act(approver, id, { action: 'approve', certificate: { number: '燃气经营许可证 皖B2026001' } });
    expect(c).toMatchObject({ status: 'concluded', outcome: 'approved' });
    expect(c.clock).toMatchObject({ state: 'stopped', onTime: true });

    at(cst('2026-05-21', '09:00'));
    c = await act(officer, id, { action: 'deliver', method: 'window' });
    expect(c.status).toBe('delivered');
    expect(c.events.map((e) => e.type)).toEqual([
      'receive',
      'accept',
      'pass_step',
      'pause',
      'resume',
      'pass_step',
      'extend',
      'approve',
      'deliver',
    ]);
    expect(c.documents.map((d) => d.kind)).toEqual([
      'material_receipt',
      'acceptance_notice',
      'special_procedure_notice',
      'extension_notice',
      'decision_approve',
      'delivery_receipt',
    ]);
    // Every event names its actor and organisation.
    expect(c.events[5]).toMatchObject({
      actorRole: 'approver',
      orgName: '云溪县住房和城乡建设局',
      stepName: v.content.steps[1]!.name,
    });

    // The applicant's public lookup shows each stage but nothing personal.
    const p = await t.anon.get(`/api/public/cases/${c.number}?phone=${APPLICANT.phone}`);
    expect(p.statusCode).toBe(200);
    expect(p.json<{ stages: { key: string }[] }>().stages.map((s) => s.key)).toEqual(
      c.events.map((e) => e.type),
    );
    expect(p.body).not.toContain(APPLICANT.idNumber);
    expect((await t.anon.get(`/api/public/cases/${c.number}?phone=13900000000`)).statusCode).toBe(404);
  });
});
