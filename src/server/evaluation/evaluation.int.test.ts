import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RectificationView, StatsRow } from '../../shared/contracts/evaluation';

interface StatsView {
  defaultsCounted: boolean;
  rows: StatsRow[];
}
import { createTestApp, type Client, type TestApp } from '../test/test-app';
import { sweepDefaultRatings } from './evaluation.service';
import { concludedCase, errorOf, invitationToken, openCase } from './evaluation.test-util';
import { sweepOverdueRectifications } from './rectification.service';
import { foldDeltas } from './stats.repository';

let t: TestApp;
let officer: Client;
let chief: Client;
let supervisor: Client;
let admin: Client;
beforeAll(async () => {
  t = await createTestApp();
  officer = await t.as('officer');
  chief = await t.as('chief');
  supervisor = await t.as('supervisor');
  admin = await t.as('admin');
});
afterAll(() => t.close());

const cst = (day: string, hhmm: string) => new Date(`${day}T${hhmm}:00+08:00`);
const at = (d: Date) => t.clock.set(d, { freeze: true });
const submit = (token: string, body: Record<string, unknown>) =>
  t.anon.post(`/api/evaluation/invitations/${token}/evaluations`, body);
const rect = async (c: Client, id: string) =>
  (await c.get(`/api/evaluation/rectifications/${id}`)).json<RectificationView>();
async function act(c: Client, id: string, body: Record<string, unknown>, status = 200) {
  const res = await c.post(`/api/evaluation/rectifications/${id}/actions`, body);
  expect(res.statusCode, res.body).toBe(status);
  return res.json<RectificationView>();
}
async function rectificationOf(caseNumber: string): Promise<RectificationView> {
  const list = (await supervisor.get('/api/evaluation/rectifications?pageSize=200')).json<{
    items: RectificationView[];
  }>();
  const r = list.items.find((x) => x.subjectLabel === caseNumber);
  expect(r, `rectification of ${caseNumber}`).toBeDefined();
  return r!;
}
const officerStaffId = async () =>
  (await t.db.query<{ staff_id: string }>(`SELECT staff_id FROM users WHERE username = 'officer'`))[0]!
    .staff_id;
async function officerRow(month: string) {
  const v = (await supervisor.get(`/api/evaluation/stats?month=${month}&dim=staff`)).json<StatsView>();
  return v.rows.find((r) => r.key === '' + staffId) ?? null;
}
let staffId = '';

describe('evaluating a concluded case through its link', () => {
  it('takes one first evaluation and one follow-up, and refuses a third', async () => {
    at(cst('2026-03-03', '10:00'));
    const k = await concludedCase(t, officer, chief);
    const token = await invitationToken(officer, k.id);
    const first = await submit(token, { level: 'very_satisfied', channel: 'qr' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ round: 'first', rectificationOpened: false });

    const again = await submit(token, { level: 'satisfied', round: 'first' });
    expect(again.statusCode).toBe(409);
    expect(errorOf(again).code).toBe('EVALUATION_ALREADY_EXISTS');

    const follow = await submit(token, { level: 'satisfied', comment: '追评：后续服务也很好' });
    expect(follow.json()).toMatchObject({ round: 'followup' });
    const third = await submit(token, { level: 'basic' });
    expect(errorOf(third)).toMatchObject({
      code: 'EVALUATION_LIMIT_REACHED',
      message: expect.stringMatching(/最多评价两次/),
    });
    const view = (await t.anon.get(`/api/evaluation/invitations/${token}`)).json<{
      nextRound: string | null;
      given: unknown[];
    }>();
    expect(view).toMatchObject({ nextRound: null, given: [{ round: 'first' }, { round: 'followup' }] });
  });

  it('refuses ratings out of range, naming the field', async () => {
    const k = await concludedCase(t, officer, chief);
    const token = await invitationToken(officer, k.id);
    for (const level of ['excellent', 6, 0]) {
      const res = await submit(token, { level });
      expect(res.statusCode).toBe(400);
      expect(errorOf(res)).toMatchObject({
        code: 'VALIDATION_FAILED',
        fields: { level: '满意度只能是五级之一' },
      });
    }
    const tag = await submit(token, { level: 'dissatisfied', tags: ['rude'] });
    expect(errorOf(tag).fields).toHaveProperty('tags.0');
  });

  it('a 差评 needs a reason tag', async () => {
    const k = await concludedCase(t, officer, chief);
    const res = await submit(await invitationToken(officer, k.id), { level: 'very_dissatisfied' });
    expect(res.statusCode).toBe(400);
    expect(errorOf(res)).toMatchObject({ code: 'EVALUATION_TAG_REQUIRED', fields: { tags: '必填' } });
  });

  it('refuses a case that does not exist or is not concluded', async () => {
    const zhang = await t.as('zhangsan');
    const missing = await zhang.post(`/api/evaluation/cases/${randomUUID()}/evaluations`, {
      level: 'satisfied',
    });
    expect(missing.statusCode).toBe(404);
    expect(errorOf(missing).code).toBe('NOT_FOUND');
    const open = await openCase(t, officer);
    const res = await officer.get(`/api/evaluation/cases/${open.id}/invitation`);
    expect(res.statusCode).toBe(409);
    expect(errorOf(res)).toMatchObject({
      code: 'EVALUATION_CASE_NOT_CONCLUDED',
      message: `办件「${open.number}」尚未办结，不能评价`,
    });
    expect((await submit('no-such-token-123', { level: 'satisfied' })).statusCode).toBe(404);
  });
});

describe('the bad-review loop', () => {
  it('a 差评 whose return visit is overdue is flagged and raised to the department and the supervisors', async () => {
    at(cst('2026-03-04', '16:00'));
    const k = await concludedCase(t, officer, chief);
    const res = await submit(await invitationToken(officer, k.id), {
      level: 'dissatisfied',
      tags: ['extra_materials'],
      comment: '要求提供指南以外的材料',
    });
    expect(res.json()).toMatchObject({ rectificationOpened: true });
    const r = await rectificationOf(k.number);
    // 1 working day: due at the end of the next working day's hours.
    expect(r).toMatchObject({
      status: 'return_visit',
      stepDueAt: cst('2026-03-05', '17:30').toISOString(),
      overdue: false,
    });
    // The evaluated officer never learns who it was.
    expect(r.evaluator).toMatchObject({ phone: '13955667788' });

    at(cst('2026-03-06', '09:00'));
    const flagged = await t.db.transaction((tx) => sweepOverdueRectifications(tx, t.clock.now()));
    expect(flagged).toBeGreaterThanOrEqual(1);
    expect(await t.db.transaction((tx) => sweepOverdueRectifications(tx, t.clock.now()))).toBe(0);
    const after = await rect(supervisor, r.id);
    expect(after).toMatchObject({ overdue: true, overdueSteps: ['return_visit'] });
    expect(after.events!.map((e) => e.action)).toEqual(['open', 'overdue']);
    const overdueList = (await supervisor.get('/api/evaluation/rectifications?overdue=true')).json<{
      items: { id: string }[];
    }>();
    expect(overdueList.items.map((x) => x.id)).toContain(r.id);
    const notices = await t.db.query<{ kind: string; n: number }>(
      `SELECT kind, count(*)::int AS n FROM notification_outbox WHERE link LIKE $1 GROUP BY kind ORDER BY kind`,
      [`%${r.id}`],
    );
    expect(notices.map((n) => n.kind)).toEqual([
      'rectification_opened',
      'rectification_overdue_return_visit_2',
    ]);

    // The handler catches up: the return visit, then rectification with one approved extension.
    let x = await act(chief, r.id, {
      type: 'record_return_visit',
      note: '已电话联系办事人，情况属实',
      reached: true,
    });
    expect(x).toMatchObject({ status: 'verifying', overdue: false });
    x = await act(chief, r.id, { type: 'decide', decision: 'rectify', text: '窗口多收材料，限期整改' });
    expect(x.stepDueAt).toBe(cst('2026-03-27', '17:30').toISOString());
    x = await act(chief, r.id, { type: 'request_extension', days: 5, reason: '需修订一次性告知单' });
    await act(chief, r.id, { type: 'request_extension', days: 5, reason: 'again' }, 409);
    x = await act(supervisor, r.id, { type: 'decide_extension', approve: true });
    expect(x).toMatchObject({ extension: 'approved', stepDueAt: cst('2026-04-03', '17:30').toISOString() });
    x = await act(chief, r.id, { type: 'complete', feedback: '已修订告知单并对窗口人员培训' });
    expect(x.status).toBe('rectified');
    // The visit on the worklist was done by that call.
    const visits = (await supervisor.get('/api/evaluation/return-visits?status=done')).json<{
      items: { rectificationId: string }[];
    }>();
    expect(visits.items.map((v) => v.rectificationId)).toContain(r.id);
    // The applicant rates the rectification through the same link.
    const token = await invitationToken(officer, k.id);
    const pub = (await t.anon.get(`/api/evaluation/invitations/${token}/rectification`)).json();
    expect(pub).toMatchObject({ rectification: { status: 'rectified', canRate: true } });
    expect(
      (await t.anon.post(`/api/evaluation/invitations/${token}/rectification/rate`, { rating: 'satisfied' }))
        .statusCode,
    ).toBe(200);
    expect(await rect(supervisor, r.id)).toMatchObject({ status: 'closed', applicantRating: 'satisfied' });
  });

  it('an upheld appeal takes the review out of the officer’s rate', async () => {
    at(cst('2026-03-09', '10:00'));
    staffId = await officerStaffId();
    const month = '2026-03';
    const k = await concludedCase(t, officer, chief);
    await submit(await invitationToken(officer, k.id), { level: 'very_dissatisfied', tags: ['attitude'] });
    const before = (await officerRow(month))!;
    expect(before.counts.very_dissatisfied).toBe(1);
    const r = await rectificationOf(k.number);
    await act(chief, r.id, { type: 'record_return_visit', note: '办事人承认误评', reached: true });
    // The officer may not decide anything, nor may the handler decide the appeal.
    expect(
      (
        await officer.post(`/api/evaluation/rectifications/${r.id}/actions`, {
          type: 'decide',
          decision: 'appeal',
          text: 'x',
        })
      ).statusCode,
    ).toBe(403);
    await act(chief, r.id, { type: 'decide', decision: 'appeal', text: '办事人误点，申请复核' });
    await act(chief, r.id, { type: 'decide_appeal', accept: true, opinion: 'x' }, 403);
    const x = await act(supervisor, r.id, {
      type: 'decide_appeal',
      accept: true,
      opinion: '经核实为误评，予以剔除',
    });
    expect(x.status).toBe('excluded');
    const after = (await officerRow(month))!;
    expect(after.counts.very_dissatisfied).toBe(0);
    expect(after.excluded).toBe(before.excluded + 1);
    expect(after.total).toBe(before.total - 1);
    // Folding the deltas changes nothing in what the view says.
    await foldDeltas(t.db, 100_000);
    expect(await officerRow(month)).toEqual(after);
    // The officer sees their evaluations, without who gave them.
    const mine = (await officer.get('/api/evaluation/evaluations')).json<{
      items: { evaluator: unknown; staffName: string }[];
    }>();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((e) => e.evaluator === null)).toBe(true);
  });
});

describe('the window evaluator and default ratings', () => {
  it('asks about the case that just ended at its window, once', async () => {
    const windowId = (
      await t.db.query<{ window_id: string }>(
        `SELECT s.window_id FROM staff s JOIN users u ON u.staff_id = s.id WHERE u.username = 'officer'`,
      )
    )[0]!.window_id;
    const bind = await admin.post('/api/evaluation/devices', { windowId });
    const key = bind.json<{ deviceKey: string }>().deviceKey;
    const device = (await t.anon.get(`/api/evaluation/device/${key}`)).json();
    expect(device).toMatchObject({ window: { number: '3' }, officer: { name: '陈晓燕', initials: '陈' } });
    at(cst('2026-03-10', '10:00'));
    expect((await t.anon.get(`/api/evaluation/device/${key}/prompt`)).json()).toEqual({ prompt: null });
    const k = await concludedCase(t, officer, chief);
    const prompt = (await t.anon.get(`/api/evaluation/device/${key}/prompt`)).json<{
      prompt: { token: string; subjectLabel: string };
    }>().prompt;
    expect(prompt.subjectLabel).toBe(k.number);
    const wrong = await submit(prompt.token, {
      level: 'satisfied',
      channel: 'window_device',
      deviceKey: 'not-the-key',
    });
    expect(errorOf(wrong).code).toBe('EVALUATION_DEVICE_UNKNOWN');
    const ok = await submit(prompt.token, { level: 'satisfied', channel: 'window_device', deviceKey: key });
    expect(ok.statusCode, ok.body).toBe(201);
    expect((await t.anon.get(`/api/evaluation/device/${key}/prompt`)).json()).toEqual({ prompt: null });
  });

  it('gives a default rating after 7 natural days without an evaluation, counted apart', async () => {
    at(cst('2026-03-11', '10:00'));
    const k = await concludedCase(t, officer, chief);
    await invitationToken(officer, k.id);
    const ratings = () =>
      t.db.query<{ level: string; is_default: boolean; channel: string }>(
        'SELECT level, is_default, channel FROM evaluations WHERE case_id = $1',
        [k.id],
      );
    at(cst('2026-03-18', '09:59'));
    await t.db.transaction((tx) => sweepDefaultRatings(tx, t.clock.now()));
    expect(await ratings()).toEqual([]);
    at(cst('2026-03-18', '10:01'));
    await t.db.transaction((tx) => sweepDefaultRatings(tx, t.clock.now()));
    expect(await ratings()).toEqual([{ level: 'basic', is_default: true, channel: 'default' }]);
    // Swept once: a second run rates nothing again.
    await t.db.transaction((tx) => sweepDefaultRatings(tx, t.clock.now()));
    expect(await ratings()).toHaveLength(1);
    const v = (await supervisor.get('/api/evaluation/stats?month=2026-03&dim=channel')).json<StatsView>();
    expect(v.defaultsCounted).toBe(false);
    expect(v.rows.find((r) => r.key === 'default')).toMatchObject({ defaults: expect.any(Number), total: 0 });
  });

  it('shows the month in the trend, the ranking and the public figures', async () => {
    // The demo's evaluations of the hall's last two weeks fall in February.
    const tr = (await supervisor.get('/api/evaluation/trend?to=2026-02&months=3')).json<{
      points: { month: string; total: number }[];
    }>();
    expect(tr.points.map((p) => p.month)).toEqual(['2025-12', '2026-01', '2026-02']);
    expect(tr.points.every((p) => p.total > 0)).toBe(true);
    // The ranking (ordered in SQL) agrees with the rates of the domain (rates() in rules.ts).
    const rk = (await supervisor.get('/api/evaluation/ranking?month=2026-02&size=3')).json<{
      top: StatsRow[];
      bottom: StatsRow[];
      minEvaluations: number;
    }>();
    const all = (
      await supervisor.get('/api/evaluation/stats?month=2026-02&dim=window&limit=5000')
    ).json<StatsView>().rows;
    const ranked = all
      .filter((r) => r.total >= rk.minEvaluations)
      .sort(
        (a, b) =>
          b.satisfactionRate! - a.satisfactionRate! ||
          b.averageScore! - a.averageScore! ||
          b.total - a.total ||
          (a.key < b.key ? -1 : 1),
      );
    expect(ranked.length).toBeGreaterThan(3);
    expect(rk.top.map((r) => r.key)).toEqual(ranked.slice(0, 3).map((r) => r.key));
    expect(rk.top[0]).toEqual(ranked[0]);
    expect(rk.bottom[0]!.satisfactionRate).toBe(ranked.at(-1)!.satisfactionRate);
    const county = (await t.db.query<{ id: string }>("SELECT id FROM centers WHERE level = 'county'"))[0]!.id;
    const pub = (
      await t.anon.get(`/api/evaluation/public/departments?centerId=${county}&month=2026-02`)
    ).json<{
      departments: { name: string; total: number; bad: number }[];
    }>();
    expect(pub.departments.length).toBeGreaterThan(0);
  });

  it('exports the month with the codes of the receiving interface', async () => {
    const g = (await supervisor.get('/api/evaluation/export?month=2026-03&codeSystem=gbt39046')).json<{
      records: { satisfaction: number; satisfactionName: string }[];
    }>();
    const p = (await supervisor.get('/api/evaluation/export?month=2026-03&codeSystem=provincial')).json<{
      records: { satisfaction: number }[];
    }>();
    expect(g.records.length).toBeGreaterThan(0);
    g.records.forEach((r, i) => {
      expect(r.satisfaction + p.records[i]!.satisfaction).toBe(6);
      if (r.satisfactionName === '非常满意') expect(r.satisfaction).toBe(1);
    });
  });
});
