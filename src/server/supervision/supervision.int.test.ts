import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { instantOfCivil } from '../../domain/calendar';
import type { CardView, SweepResult } from '../../shared/contracts/supervision';
import type { ItemVersionView } from '../../shared/contracts/catalog';
import type { Db } from '../db/db';
import { openPostgres } from '../db/postgres';
import { runJobOnce } from '../jobs/jobs';
import { receiveBody } from '../cases/cases.fixtures';
import { createTestApp, type Client, type TestApp } from '../test/test-app';
import { supervisionSweepJob } from './supervision.jobs';
import { levelsOf, Stories } from './supervision.stories';
import { sweep } from './sweep.service';

/**
 * E-supervision over cases that live their lives through the real case API (supervision.stories.ts):
 * the sweep sees exactly what the case engine writes. The demo center's working hours are 8:30–11:30
 * and 14:00–17:30 (6.5 hours a day) until May.
 */
let t: TestApp;
let s: Stories;
let sup: Client;
/** 宋佳, window 9 (市场监管): receives and accepts the food licences. */
let songjia: Client;
/** 许志明, the market regulator's chief representative: decides them (steps 2 and 3). */
let chief: Client;
let item: ItemVersionView;
const at = (day: string, hhmm: string) => instantOfCivil(day, hhmm);

beforeAll(async () => {
  t = await createTestApp();
  s = await Stories.open(t);
  sup = s.sup;
  songjia = await t.as('songjia');
  chief = await t.as('chief');
  // 食品经营许可（新办）: 市场监管, 5 working days promised; steps 受理 (officer, 1 working day),
  // 现场核查及审查 and 许可决定 (chief representative).
  item = await s.item('食品经营许可（新办）', at('2026-03-02', '09:00'));
});
afterAll(() => t.close());

const runSweep = (now: Date): Promise<SweepResult> => s.sweep(now);
const cardsOf = (caseId: string, state: 'all' | 'open' = 'all'): Promise<CardView[]> =>
  s.cards(caseId, state);

describe('a case through its life: warning, yellow card, red card, each exactly once', () => {
  let caseId: string;
  let caseNumber: string;
  beforeAll(async () => {
    ({ id: caseId, number: caseNumber } = await s.receive(songjia, item, {
      receivedAt: at('2026-03-02', '09:05'),
      acceptedAt: at('2026-03-02', '09:10'),
    }));
  });

  it('nothing on the day of acceptance', async () => {
    await runSweep(at('2026-03-02', '10:00'));
    expect(levelsOf(await cardsOf(caseId), 'deadline')).toEqual([]);
  });

  it('the warning one working day before the due (Fri 03-06 17:30), once', async () => {
    await runSweep(at('2026-03-06', '17:00'));
    expect(levelsOf(await cardsOf(caseId), 'deadline')).toEqual([]);
    await runSweep(at('2026-03-06', '17:31'));
    await runSweep(at('2026-03-06', '17:45'));
    const cards = await cardsOf(caseId);
    expect(levelsOf(cards, 'deadline')).toEqual(['warning']);
    const w = cards.find((c) => c.rule === 'deadline')!;
    expect(w).toMatchObject({
      officerName: '宋佳',
      windowNumber: '9',
      departmentName: expect.stringContaining('市场监督'),
    });
    expect(w.explanation.zh).toContain('2026-03-09 17:30 到期');
  });

  it('the yellow card after the due (Mon 03-09 17:30), once', async () => {
    await runSweep(at('2026-03-09', '17:30'));
    expect(levelsOf(await cardsOf(caseId), 'deadline')).toEqual(['warning']);
    await runSweep(at('2026-03-09', '17:31'));
    await runSweep(at('2026-03-10', '09:00'));
    expect(levelsOf(await cardsOf(caseId), 'deadline')).toEqual(['warning', 'yellow']);
  });

  it('the red card 3 working days after the yellow one (Thu 03-12 17:30), once', async () => {
    await runSweep(at('2026-03-12', '17:00'));
    expect(levelsOf(await cardsOf(caseId), 'deadline')).toEqual(['warning', 'yellow']);
    await runSweep(at('2026-03-12', '17:30'));
    await runSweep(at('2026-03-13', '10:00'));
    const cards = await cardsOf(caseId, 'open');
    expect(levelsOf(cards, 'deadline')).toEqual(['red', 'warning', 'yellow']);
  });

  it('notified the officer and the department leader once per card', async () => {
    const inbox = (await chief.get('/api/inbox?limit=100')).json<{ items: { title: string }[] }>();
    const mine = inbox.items.filter((n) => n.title.includes(caseNumber));
    // The warning goes to the officer only; yellow and red also to the chief representative.
    expect(mine.map((n) => n.title.slice(0, 4)).sort()).toEqual(['【红牌】', '【黄牌】']);
    const own = (await songjia.get('/api/inbox?limit=100')).json<{
      unread: number;
      items: { title: string }[];
    }>();
    // Warning, yellow and red of the deadline, and the warning of the first step (1 working day).
    expect(
      own.items
        .filter((n) => n.title.includes(caseNumber))
        .map((n) => n.title.slice(0, 4))
        .sort(),
    ).toEqual(['【红牌】', '【预警】', '【预警】', '【黄牌】']);
    const sms = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notification_outbox WHERE channel = 'sms' AND title LIKE '%' || $1 || '%'`,
      [caseNumber],
    );
    expect(sms[0]!.n).toBeGreaterThan(0);
  });

  it('concluding the case clears its deadline cards', async () => {
    // The window passes it on, the chief representative reviews and grants the licence.
    await s.act(songjia, caseId, at('2026-03-13', '10:20'), { action: 'pass_step' });
    await s.act(chief, caseId, at('2026-03-13', '10:25'), { action: 'pass_step' });
    const done = await s.act(chief, caseId, at('2026-03-13', '10:30'), {
      action: 'approve',
      certificate: { number: 'JY13499010000001' },
    });
    expect(done).toMatchObject({ status: 'concluded', outcome: 'approved' });
    const r = await runSweep(at('2026-03-13', '10:31'));
    expect(r.cleared).toBeGreaterThanOrEqual(3);
    const cards = (await cardsOf(caseId)).filter((c) => c.rule === 'deadline');
    expect(cards.every((c) => c.clearReason === 'concluded' && c.clearedAt !== null)).toBe(true);
    const history = (await sup.get(`/api/supervision/cases/${caseId}`)).json<{ cards: CardView[] }>();
    expect(history.cards.length).toBeGreaterThanOrEqual(3);
  });
});

describe('special procedures', () => {
  it('a pause past its expected duration gets a card; resuming clears it', async () => {
    const { id: caseId, number } = await s.receive(songjia, item, {
      receivedAt: at('2026-03-16', '09:00'),
      acceptedAt: at('2026-03-16', '09:30'),
    });
    const paused = await s.act(songjia, caseId, at('2026-03-17', '10:00'), {
      action: 'pause',
      kind: 'expert_review',
      expectedWorkingDays: 2,
      reason: '专家评审',
    });
    expect(paused.status).toBe('paused');
    // Tue 10:00 to Thu 09:00 is 1.92 working days; Thu 10:30 is past the announced 2.
    await runSweep(at('2026-03-19', '09:00'));
    expect(levelsOf(await cardsOf(caseId), 'pause_overrun')).toEqual([]);
    await runSweep(at('2026-03-19', '10:30'));
    const open = (await cardsOf(caseId, 'open')).filter((c) => c.rule === 'pause_overrun');
    expect(open).toHaveLength(1);
    const watch = (await sup.get('/api/supervision/pauses')).json<
      { caseNumber: string; overrun: boolean }[]
    >();
    expect(watch.find((w) => w.caseNumber === number)).toMatchObject({ overrun: true });

    const resumed = await s.act(songjia, caseId, at('2026-03-19', '11:00'), {
      action: 'resume',
      result: '专家评审通过',
    });
    expect(resumed.status).toBe('accepted');
    await runSweep(at('2026-03-19', '11:01'));
    const after = (await cardsOf(caseId)).filter((c) => c.rule === 'pause_overrun');
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ clearReason: 'pause_resumed' });
    expect(after[0]!.clearedAt).toBe(at('2026-03-19', '11:01').toISOString());
  });
});

/**
 * Another "server process" on the test database: on PostgreSQL its own connection pool; the embedded
 * database belongs to one process, so there the sweepers share it.
 */
async function otherProcess(): Promise<{ db: Db; dispose(): Promise<void> }> {
  if (t.db.kind !== 'postgres') return { db: t.db, dispose: async () => {} };
  const backends = async () =>
    (
      await t.db.query<{ n: number }>(
        'SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database()',
      )
    )[0]!.n;
  const before = await backends();
  const name = (await t.db.query<{ d: string }>('SELECT current_database() AS d'))[0]!.d;
  const db = await openPostgres(inject('pgTemplateUrl').replace(/\/ow_template$/, `/${name}`), { max: 4 });
  return {
    db,
    async dispose() {
      await db.close();
      // The pool's connections close asynchronously: wait for them, so dropping the database later
      // does not kill a connection still saying goodbye.
      for (let i = 0; i < 100 && (await backends()) > before; i++)
        await new Promise((r) => setTimeout(r, 20));
    },
  };
}

describe('two sweeps at once issue each card once', () => {
  it('two job holders on one database: the lease lets one run; two direct sweeps insert each card once', async () => {
    const ids: string[] = [];
    const titles: string[] = [];
    for (let i = 0; i < 6; i++) {
      const c = await s.receive(songjia, item, {
        receivedAt: at('2026-03-02', `09:0${i}`),
        acceptedAt: at('2026-03-02', `09:3${i}`),
      });
      ids.push(c.id);
      titles.push(`%${c.number}%`);
    }
    const now = at('2026-03-20', '10:00');
    await s.clockAt(now);
    // Two server processes: each its own connection pool on PostgreSQL.
    const a = await otherProcess();
    const b = await otherProcess();
    try {
      const ran = await Promise.all([
        runJobOnce(supervisionSweepJob, { db: a.db, clock: t.clock, log: t.app.log }, 'process-a'),
        runJobOnce(supervisionSweepJob, { db: b.db, clock: t.clock, log: t.app.log }, 'process-b'),
      ]);
      expect(ran.filter(Boolean)).toHaveLength(1);
      // Force every case to be looked at again, and sweep from both processes at once, in small batches.
      // (The sweep's own bookkeeping, not a case: the cases stay as the case engine wrote them.)
      await t.db.query('UPDATE supervision_case_state SET dirty = true, change_seq = change_seq + 1');
      await Promise.all([sweep(a.db, now, { batchSize: 3 }), sweep(b.db, now, { batchSize: 3 })]);
    } finally {
      await a.dispose();
      await b.dispose();
    }
    const dup = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT case_id, rule_code, level, subject FROM supervision_cards
       GROUP BY 1, 2, 3, 4 HAVING count(*) > 1) d`,
    );
    expect(dup[0]!.n).toBe(0);
    const deadline = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM supervision_cards WHERE case_id = ANY($1::uuid[]) AND rule_code = 'deadline'`,
      [ids],
    );
    expect(deadline[0]!.n).toBe(18);
    const notices = await t.db.query<{ n: number; d: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT dedupe_key)::int AS d FROM notification_outbox
       WHERE title LIKE ANY($1::text[])`,
      [titles],
    );
    // Warning, yellow and red of the deadline and the step's warning, to the officer at least.
    expect(notices[0]!.n).toBeGreaterThanOrEqual(24);
    expect(notices[0]!.n).toBe(notices[0]!.d);
  });
});

describe('through the case API (the real case engine writes the rows)', () => {
  it('pause overrun → resumed without a result → yellow card → withdrawn: each card once, cleared as it should', async () => {
    const { id } = await s.receive(songjia, item, {
      receivedAt: at('2026-04-13', '09:00'),
      acceptedAt: at('2026-04-13', '09:00'),
    });
    await s.act(songjia, id, at('2026-04-14', '09:00'), {
      action: 'pause',
      kind: 'testing',
      expectedWorkingDays: 1,
      reason: '送检',
    });
    await runSweep(at('2026-04-15', '10:00'));
    expect(levelsOf(await cardsOf(id, 'open'), 'pause_overrun')).toEqual(['yellow']);

    await s.act(songjia, id, at('2026-04-15', '11:00'), { action: 'resume' });
    await runSweep(at('2026-04-15', '11:01'));
    const afterResume = await cardsOf(id);
    expect(afterResume.find((c) => c.rule === 'pause_overrun')).toMatchObject({
      clearReason: 'pause_resumed',
    });
    expect(afterResume.find((c) => c.rule === 'pause_no_result')).toMatchObject({ clearedAt: null });

    // Accepted Mon 04-13: 5 working days end Mon 04-20 17:30; the pause (Tue 09:00 – Wed 11:00, 8.5 of
    // 6.5-hour days = 1.31 working days) moves the due to Wed 04-22 10:30.
    await runSweep(at('2026-04-22', '10:30'));
    expect(levelsOf(await cardsOf(id, 'open'), 'deadline')).toEqual(['warning']);
    await runSweep(at('2026-04-22', '10:31'));
    await runSweep(at('2026-04-22', '11:00'));
    const open = await cardsOf(id, 'open');
    expect(levelsOf(open, 'deadline')).toEqual(['warning', 'yellow']);
    expect(open.find((c) => c.level === 'yellow')!.explanation.zh).toContain('特别程序');

    await s.act(songjia, id, at('2026-04-22', '11:30'), { action: 'withdraw', reason: '申请人撤回' });
    await runSweep(at('2026-04-22', '11:31'));
    const last = await cardsOf(id);
    expect(last.filter((c) => c.rule === 'deadline').every((c) => c.clearReason === 'concluded')).toBe(true);
    // A resumed pause without a result stays on record after the case ends.
    expect(last.find((c) => c.rule === 'pause_no_result')).toMatchObject({ clearedAt: null });
  });
});

describe('acceptance entered late (受理与录入不同步)', () => {
  it('reads the call time of the hall ticket linked to the case, linked afterwards or at receipt', async () => {
    // The visitor is called to window 9 at 09:10 and served, but the acceptance is entered at 10:05.
    const first = await s.calledTicket(
      songjia,
      item,
      '9',
      at('2026-03-24', '09:00'),
      at('2026-03-24', '09:10'),
    );
    const { id: caseId } = await s.receive(songjia, item, {
      receivedAt: at('2026-03-24', '10:00'),
      acceptedAt: at('2026-03-24', '10:05'),
    });
    await runSweep(at('2026-03-24', '10:10'));
    expect(levelsOf(await cardsOf(caseId), 'acceptance_late')).toEqual([]);
    // Linking the ticket (called 55 minutes before the acceptance) marks the case for the sweep.
    await s.clockAt(at('2026-03-24', '10:15'));
    const linked = await songjia.post(`/api/hall/tickets/${first.id}/link-case`, { caseId });
    expect(linked.statusCode, linked.body).toBe(200);
    await runSweep(at('2026-03-24', '10:20'));
    const cards = await cardsOf(caseId);
    expect(levelsOf(cards, 'acceptance_late')).toHaveLength(1);
    expect(cards.find((c) => c.rule === 'acceptance_late')).toMatchObject({
      persistence: 'record',
      facts: { gapMinutes: 55 },
    });
    await s.finishTicket(songjia, first.id, at('2026-03-24', '10:21'));

    // 从此号受理: the next visitor's case is received with the ticket, 40 minutes after the call.
    const second = await s.calledTicket(
      songjia,
      item,
      '9',
      at('2026-03-24', '10:30'),
      at('2026-03-24', '10:40'),
    );
    const { id: withTicket } = await s.receive(songjia, item, {
      receivedAt: at('2026-03-24', '11:20'),
      acceptedAt: at('2026-03-24', '11:20'),
      ticketId: second.id,
    });
    await runSweep(at('2026-03-24', '11:21'));
    const own = (await cardsOf(withTicket)).filter((c) => c.rule === 'acceptance_late');
    expect(own).toHaveLength(1);
    expect(own[0]).toMatchObject({ persistence: 'record', facts: { gapMinutes: 40 } });
    await s.finishTicket(songjia, second.id, at('2026-03-24', '11:22'));
  });
});

describe('intake and decision rules over cases received through the API', () => {
  it('the 5-working-day rule, an immediate case not decided on the day, a refusal reported with its decision', async () => {
    // Mon 03-30, 09:00. Qingming (Sat 04-04 – Mon 04-06) is off, so the 5 working days after the
    // receipt day are 03-31, 04-01, 04-02, 04-03 and 04-07: the watch ends Tue 04-07 17:30.
    const day = at('2026-03-30', '09:00');
    const waiting = await s.receive(songjia, item, { receivedAt: day });
    const told = await s.receive(songjia, item, { receivedAt: day });
    // 个体工商户变更登记 is an 即办件: to be decided on the day of acceptance (by 17:30).
    const shop = await s.item('个体工商户变更登记', day);
    expect(shop.content.caseType).toBe('immediate');
    const immediate = await s.receive(songjia, shop, { receivedAt: day, acceptedAt: day });
    await s.clockAt(day);
    const refusal = await songjia.post('/api/cases', {
      ...receiveBody(item, 'refuse'),
      reason: '经营场所不在本县行政区域内，请向经营场所所在地市场监管部门申请',
    });
    expect(refusal.statusCode, refusal.body).toBe(201);
    const refused = refusal.json<{ id: string; status: string }>();
    expect(refused.status).toBe('refused');

    await runSweep(at('2026-03-30', '17:30'));
    expect(levelsOf(await cardsOf(immediate.id), 'immediate_not_same_day')).toEqual([]);
    await runSweep(at('2026-03-30', '17:31'));
    expect(levelsOf(await cardsOf(immediate.id), 'immediate_not_same_day')).toEqual(['yellow']);
    // Decided the next morning by the chief representative (一审一核): the card stays on record, once.
    await s.act(chief, immediate.id, at('2026-03-31', '10:00'), {
      action: 'approve',
      certificate: { number: '92349901MA2T0C0E2Y' },
    });
    // Thu 04-02 10:00: the second applicant is told what is missing, within the 5 working days.
    await s.act(songjia, told.id, at('2026-04-02', '10:00'), {
      action: 'request_supplement',
      missing: [{ materialKey: item.content.materials[0]!.key, note: '申请书未签字' }],
    });
    // Past the 1 working day to report the refusal (Tue 03-31 17:30): it was reported with the decision.
    await runSweep(at('2026-04-02', '10:01'));
    const late = (await cardsOf(immediate.id)).filter((c) => c.rule === 'immediate_not_same_day');
    expect(late).toHaveLength(1);
    expect(late[0]).toMatchObject({ persistence: 'record', clearedAt: null });
    const onRefusal = await cardsOf(refused.id);
    expect(levelsOf(onRefusal, 'negative_unreported')).toEqual([]);
    expect(levelsOf(onRefusal, 'five_day')).toEqual([]);

    // The last working day of the watch: warned; at its end nothing more yet; one minute later red.
    await runSweep(at('2026-04-07', '17:30'));
    expect(levelsOf(await cardsOf(waiting.id), 'five_day')).toEqual(['warning']);
    await runSweep(at('2026-04-07', '17:31'));
    expect(levelsOf(await cardsOf(waiting.id, 'open'), 'five_day')).toEqual(['red']);
    expect(levelsOf(await cardsOf(told.id), 'five_day')).toEqual([]);
    // Accepted a day late: the red card stays on record, the warning is gone, nothing is issued twice.
    await s.act(songjia, waiting.id, at('2026-04-08', '09:00'), { action: 'accept' });
    await runSweep(at('2026-04-08', '09:01'));
    const watch = await cardsOf(waiting.id);
    expect(levelsOf(watch, 'five_day')).toEqual(['red', 'warning']);
    expect(levelsOf(await cardsOf(waiting.id, 'open'), 'five_day')).toEqual(['red']);
    expect(watch.find((c) => c.rule === 'five_day' && c.level === 'red')).toMatchObject({
      persistence: 'record',
      thresholdAt: at('2026-04-07', '17:30').toISOString(),
    });
  });
});
