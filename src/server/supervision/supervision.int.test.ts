import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { instantOfCivil } from '../../domain/calendar';
import type { CardList, CardView, SweepResult } from '../../shared/contracts/supervision';
import type { Db } from '../db/db';
import { openPostgres } from '../db/postgres';
import { runJobOnce } from '../jobs/jobs';
import { createTestApp, type Client, type TestApp } from '../test/test-app';
import { itemByName, receiveBody } from '../cases/cases.fixtures';
import { supervisionSweepJob } from './supervision.jobs';
import {
  concludeCase,
  demoItem,
  endPause,
  insertCase,
  startPause,
  type DemoItemRef,
} from './supervision.factory';
import { sweep } from './sweep.service';

let t: TestApp;
let sup: Client;
let county: string;
let item: DemoItemRef;
const at = (day: string, hhmm: string) => instantOfCivil(day, hhmm);

beforeAll(async () => {
  t = await createTestApp();
  sup = await t.as('supervisor');
  county = (await t.db.query<{ id: string }>("SELECT id FROM centers WHERE level = 'county'"))[0]!.id;
  // 食品经营许可（新办）: 市场监管, 5 working days promised, first step 1 working day.
  item = await demoItem(t.db, '食品经营许可（新办）');
});
afterAll(() => t.close());

async function runSweep(now: Date): Promise<SweepResult> {
  t.clock.set(now, { freeze: true });
  const res = await sup.post('/api/supervision/sweep', { centerId: county });
  expect(res.statusCode).toBe(200);
  return res.json<SweepResult>();
}

async function cardsOf(caseId: string, state = 'all'): Promise<CardView[]> {
  const res = await sup.get(`/api/supervision/cards?caseId=${caseId}&state=${state}&pageSize=100`);
  expect(res.statusCode).toBe(200);
  return res.json<CardList>().items;
}

const levelsOf = (cards: CardView[], rule: string) =>
  cards
    .filter((c) => c.rule === rule)
    .map((c) => c.level)
    .sort();

describe('a case through its life: warning, yellow card, red card, each exactly once', () => {
  let caseId: string;
  beforeAll(async () => {
    caseId = await insertCase(t.db, {
      item,
      number: 'T-LIFE-1',
      receivedAt: at('2026-03-02', '09:05'),
      acceptedAt: at('2026-03-02', '09:10'),
      receivedBy: 'songjia',
      windowNumber: '9',
    });
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
    const chief = await t.as('chief');
    const inbox = (await chief.get('/api/inbox?limit=100')).json<{ items: { title: string }[] }>();
    const mine = inbox.items.filter((n) => n.title.includes('T-LIFE-1'));
    // The warning goes to the officer only; yellow and red also to the chief representative.
    expect(mine.map((n) => n.title.slice(0, 4)).sort()).toEqual(['【红牌】', '【黄牌】']);
    const officer = await t.as('songjia');
    const own = (await officer.get('/api/inbox?limit=100')).json<{
      unread: number;
      items: { title: string }[];
    }>();
    // Warning, yellow and red of the deadline, and the warning of the first step (1 working day).
    expect(
      own.items
        .filter((n) => n.title.includes('T-LIFE-1'))
        .map((n) => n.title.slice(0, 4))
        .sort(),
    ).toEqual(['【红牌】', '【预警】', '【预警】', '【黄牌】']);
    const sms = await t.db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM notification_outbox WHERE channel = 'sms' AND title LIKE '%T-LIFE-1%'`,
    );
    expect(sms[0]!.n).toBeGreaterThan(0);
  });

  it('concluding the case clears its deadline cards', async () => {
    await concludeCase(t.db, caseId, at('2026-03-13', '10:30'));
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
    const caseId = await insertCase(t.db, {
      item,
      number: 'T-PAUSE-1',
      receivedAt: at('2026-03-16', '09:00'),
      acceptedAt: at('2026-03-16', '09:30'),
      receivedBy: 'songjia',
      windowNumber: '9',
    });
    await startPause(t.db, caseId, at('2026-03-17', '10:00'), 2);
    await runSweep(at('2026-03-19', '09:00'));
    expect(levelsOf(await cardsOf(caseId), 'pause_overrun')).toEqual([]);
    await runSweep(at('2026-03-19', '10:30'));
    const open = (await cardsOf(caseId, 'open')).filter((c) => c.rule === 'pause_overrun');
    expect(open).toHaveLength(1);
    const watch = (await sup.get('/api/supervision/pauses')).json<
      { caseNumber: string; overrun: boolean }[]
    >();
    expect(watch.find((w) => w.caseNumber === 'T-PAUSE-1')).toMatchObject({ overrun: true });

    await endPause(t.db, caseId, at('2026-03-19', '11:00'), '专家评审通过');
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
    for (let i = 0; i < 6; i++) {
      await insertCase(t.db, {
        item,
        number: `T-CONC-${i}`,
        receivedAt: at('2026-03-02', '09:00'),
        acceptedAt: at('2026-03-02', '09:30'),
        receivedBy: 'songjia',
      });
    }
    const now = at('2026-03-20', '10:00');
    t.clock.set(now, { freeze: true });
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
      `SELECT count(*)::int AS n FROM supervision_cards WHERE case_number LIKE 'T-CONC-%' AND rule_code = 'deadline'`,
    );
    expect(deadline[0]!.n).toBe(18);
    const notices = await t.db.query<{ n: number; d: number }>(
      `SELECT count(*)::int AS n, count(DISTINCT dedupe_key)::int AS d FROM notification_outbox WHERE title LIKE '%T-CONC-%'`,
    );
    expect(notices[0]!.n).toBe(notices[0]!.d);
  });
});

describe('rules as data', () => {
  it('refuses contradictory thresholds, naming the field', async () => {
    const res = await sup.put('/api/supervision/rules/deadline', {
      centerId: county,
      enabled: true,
      level: 'yellow',
      thresholds: {
        warning: { ref: 'due', value: -1 },
        yellow: { ref: 'due', value: 0 },
        red: { ref: 'due', value: -2 },
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({
      error: {
        code: 'SUPERVISION_RULE_CONTRADICTION',
        fields: { 'thresholds.red.value': '红牌必须晚于黄牌' },
      },
    });
    const range = await sup.put('/api/supervision/rules/five_day', {
      centerId: county,
      enabled: true,
      level: 'red',
      thresholds: { limitWorkdays: 8, warnBeforeWorkdays: 1 },
    });
    expect(range.statusCode).toBe(400);
    expect(Object.keys(range.json<{ error: { fields: object } }>().error.fields)).toEqual([
      'thresholds.limitWorkdays',
    ]);
  });

  it('a supervisor edits a rule (audited) and an item override applies to that item only', async () => {
    const res = await sup.put('/api/supervision/rules/acceptance_late', {
      centerId: county,
      enabled: true,
      level: 'yellow',
      thresholds: { maxMinutes: 20 },
      note: '窗口受理须即时录入',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ level: 'yellow', thresholds: { maxMinutes: 20 }, definedAt: county });
    const audit = (await (await t.as('admin')).get('/api/audit?entity=supervision_rule')).json<{
      items: { action: string; entityId: string }[];
    }>();
    expect(audit.items[0]).toMatchObject({ action: 'update', entityId: `${county}:acceptance_late` });

    const override = await sup.put(`/api/supervision/items/${item.itemId}/rules/deadline`, {
      enabled: true,
      level: 'yellow',
      thresholds: {
        warning: { ref: 'percent', value: 50 },
        yellow: { ref: 'due', value: 0 },
        red: { ref: 'yellow', value: 2 },
      },
    });
    expect(override.statusCode).toBe(200);
    // With the item's 5-day limit known, a warning 5 working days before the due is before acceptance.
    const bad = await sup.put(`/api/supervision/items/${item.itemId}/rules/deadline`, {
      enabled: true,
      level: 'yellow',
      thresholds: {
        warning: { ref: 'due', value: -5 },
        yellow: { ref: 'due', value: 0 },
        red: { ref: 'yellow', value: 2 },
      },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { fields: object } }>().error.fields).toHaveProperty([
      'thresholds.warning.value',
    ]);

    const caseId = await insertCase(t.db, {
      item,
      number: 'T-OVR-1',
      receivedAt: at('2026-03-23', '09:00'),
      acceptedAt: at('2026-03-23', '09:10'),
      receivedBy: 'songjia',
    });
    // 50 % of 5 working days from Tue 03-24: 2.5 working days, i.e. Thu 03-26 around noon.
    await runSweep(at('2026-03-26', '15:00'));
    expect(levelsOf(await cardsOf(caseId), 'deadline')).toEqual(['warning']);
    const del = await sup.delete(`/api/supervision/items/${item.itemId}/rules/deadline`);
    expect(del.statusCode).toBe(200);
  });

  it('only supervisors edit rules', async () => {
    const officer = await t.as('officer');
    const res = await officer.put('/api/supervision/rules/fee_mismatch', {
      centerId: county,
      enabled: true,
      level: 'red',
      thresholds: { toleranceFen: 0 },
    });
    expect(res.statusCode).toBe(403);
  });
});

describe('through the case API (the real case engine writes the rows)', () => {
  it('pause overrun → resumed without a result → yellow card → withdrawn: each card once, cleared as it should', async () => {
    const officer = await t.as('songjia');
    const v = await itemByName(t.db, '食品经营许可（新办）', at('2026-04-13', '09:00'));
    t.clock.set(at('2026-04-13', '09:00'), { freeze: true });
    const created = await officer.post('/api/cases', receiveBody(v, 'accept'));
    expect(created.statusCode, created.body).toBe(201);
    const { id } = created.json<{ id: string }>();
    const act = async (body: Record<string, unknown>) => {
      const res = await officer.post(`/api/cases/${id}/actions`, body);
      expect(res.statusCode, res.body).toBe(200);
    };
    t.clock.set(at('2026-04-14', '09:00'), { freeze: true });
    await act({ action: 'pause', kind: 'testing', expectedWorkingDays: 1, reason: '送检' });
    await runSweep(at('2026-04-15', '10:00'));
    expect(levelsOf(await cardsOf(id, 'open'), 'pause_overrun')).toEqual(['yellow']);

    t.clock.set(at('2026-04-15', '11:00'), { freeze: true });
    await act({ action: 'resume' });
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

    t.clock.set(at('2026-04-22', '11:30'), { freeze: true });
    await act({ action: 'withdraw', reason: '申请人撤回' });
    await runSweep(at('2026-04-22', '11:31'));
    const last = await cardsOf(id);
    expect(last.filter((c) => c.rule === 'deadline').every((c) => c.clearReason === 'concluded')).toBe(true);
    // A resumed pause without a result stays on record after the case ends.
    expect(last.find((c) => c.rule === 'pause_no_result')).toMatchObject({ clearedAt: null });
  });
});

describe('acceptance entered late (受理与录入不同步)', () => {
  it('reads the call time of the hall ticket linked to the case', async () => {
    const [cat] = await t.db.query<{ id: string; hall_id: string; center_id: string }>(
      'SELECT id, hall_id, center_id FROM ticket_categories ORDER BY id LIMIT 1',
    );
    expect(cat).toBeTruthy();
    const caseId = await insertCase(t.db, {
      item,
      number: 'T-TICKET-1',
      receivedAt: at('2026-03-24', '10:00'),
      acceptedAt: at('2026-03-24', '10:05'),
      receivedBy: 'songjia',
    });
    await runSweep(at('2026-03-24', '10:10'));
    expect(levelsOf(await cardsOf(caseId), 'acceptance_late')).toEqual([]);
    // Linking the ticket (called 09:10, 55 minutes before the acceptance) marks the case for the sweep.
    await t.db.query(
      `INSERT INTO tickets (center_id, hall_id, category_id, business_date, number, display_number, seq, status, channel,
         issued_at, queued_at, called_at, case_id)
       VALUES ($1, $2, $3, '2026-03-24', 9901, 'T9901', 9901, 'done', 'kiosk', $4, $4, $5, $6)`,
      [cat!.center_id, cat!.hall_id, cat!.id, at('2026-03-24', '09:00'), at('2026-03-24', '09:10'), caseId],
    );
    await runSweep(at('2026-03-24', '10:20'));
    const card = (await cardsOf(caseId)).find((c) => c.rule === 'acceptance_late')!;
    expect(card).toMatchObject({ persistence: 'record', facts: { gapMinutes: 55 } });
  });
});
