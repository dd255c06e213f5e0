import { randomBytes } from 'node:crypto';
import { MINUTE_MS } from '../../domain/calendar/civil-time';
import { satisfactionLevels, type SatisfactionLevel } from '../../domain/evaluation';
import { complaintsDemo } from '../complaints/complaints.demo';
import type { Queryable } from '../db/db';
import type { DemoContext } from '../demo/demo-context';
import { demoActor } from '../demo/demo-actor';
import { hotlineDemo } from '../hotline/hotline.demo';
import * as repo from './evaluation.repository';
import { recordEvaluation } from './evaluation.service';
import { ensureTicketInvitation } from './invitations.service';
import { shiftMonth } from './stats.service';
import { performRectificationAction } from './rectification.service';
import { monthOf } from '../../domain/evaluation';

/**
 * Demo data of evaluation, complaints and the hotline, loaded last: evaluator tablets on the county's
 * windows, evaluations of a sample of the demo hall's finished visits (most of them good, a few
 * 差评 whose rectification is under way), the figures of the five months before as if migrated from
 * the previous 好差评 system (for the trend), a few complaints and 12345 orders. Deterministic.
 */

function rng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** 非常满意 dominates, as in Guangdong's 2023 figures; 差评 stay near 1 %. */
function pickLevel(r: number): SatisfactionLevel {
  if (r < 0.86) return 'very_satisfied';
  if (r < 0.95) return 'satisfied';
  if (r < 0.985) return 'basic';
  if (r < 0.995) return 'dissatisfied';
  return 'very_dissatisfied';
}

async function evaluations(tx: Queryable, ctx: DemoContext): Promise<void> {
  const rnd = rng(20_261_123);
  const tickets = await tx.query<{ id: string; finished_at: Date }>(
    `SELECT id, finished_at FROM tickets WHERE status = 'done' AND finished_at IS NOT NULL AND window_id IS NOT NULL
     ORDER BY finished_at, id`,
  );
  // About one visit in six is evaluated at the window (the rest left without pressing a face).
  const sample = tickets.filter(() => rnd() < 0.17).slice(0, 260);
  let bad = 0;
  const opened: string[] = [];
  for (const t of sample) {
    const src = await repo.findTicket(tx, t.id);
    if (!src) continue;
    const at = new Date(t.finished_at.getTime() + MINUTE_MS);
    const inv = await ensureTicketInvitation(tx, src, at);
    let level = pickLevel(rnd());
    // Make sure the demo shows a few 差评 in the loop, whatever the dice say.
    if (bad < 3 && sample.indexOf(t) % 60 === 59) level = 'dissatisfied';
    const tags =
      level === 'dissatisfied' || level === 'very_dissatisfied'
        ? [['long_wait', 'attitude', 'extra_materials'][bad % 3]!]
        : [];
    if (tags.length) bad++;
    const res = await recordEvaluation(tx, {
      invitation: inv,
      level,
      indicators: { overall: level, service_attitude: level },
      tags,
      comment: tags.length ? '等了很久，窗口说材料不全又让补' : '',
      channel: 'window_device',
      applicantId: null,
      recordedBy: null,
      now: at,
    });
    if (res.rectificationId) opened.push(res.rectificationId);
  }
  // One 差评 is being rectified; the others wait for their return visit (and are overdue by now).
  if (opened[0]) {
    const chief = await demoActor(tx, 'admin');
    const c = { actor: chief, now: ctx.now };
    await performRectificationAction(tx, c, opened[0], {
      type: 'record_return_visit',
      note: '已电话回访办事人，情况属实',
      reached: true,
    });
    await performRectificationAction(tx, c, opened[0], {
      type: 'decide',
      decision: 'rectify',
      text: '高峰期增开窗口，优化叫号分流',
    });
  }
}

const countyWindows = (tx: Queryable) =>
  tx.query<{ id: string; center_id: string; number: string }>(
    `SELECT w.id, w.center_id, w.number FROM windows w JOIN centers c ON c.id = w.center_id
     WHERE c.level = 'county' AND w.active ORDER BY length(w.number), w.number`,
  );

/** Monthly figures of the five months before the demo's month, per county window (for the trend). */
async function history(tx: Queryable, ctx: DemoContext): Promise<void> {
  const rnd = rng(7);
  const thisMonth = monthOf(ctx.now);
  const windows = await countyWindows(tx);
  if (windows.length === 0) return;
  const countyId = windows[0]!.center_id;
  for (let back = 5; back >= 1; back--) {
    const month = `${shiftMonth(thisMonth, -back)}-01`;
    const rows: unknown[][] = [];
    const center = { very_satisfied: 0, satisfied: 0, basic: 0, dissatisfied: 0, very_dissatisfied: 0 };
    for (const w of windows) {
      const n = 40 + Math.floor(rnd() * 80);
      const c = { very_satisfied: 0, satisfied: 0, basic: 0, dissatisfied: 0, very_dissatisfied: 0 };
      // A slow improvement over the months, as after a 群众满意窗口 campaign.
      for (let i = 0; i < n; i++) c[pickLevel(Math.min(0.999, rnd() + back * 0.004))]++;
      for (const l of satisfactionLevels) center[l] += c[l];
      rows.push([countyId, month, 'window', w.id, ...satisfactionLevels.map((l) => c[l])]);
    }
    rows.push([countyId, month, 'center', '', ...satisfactionLevels.map((l) => center[l])]);
    rows.push([countyId, month, 'channel', 'window_device', ...satisfactionLevels.map((l) => center[l])]);
    await tx.query(
      `INSERT INTO evaluation_stats (center_id, month, dim, key, very_satisfied, satisfied, basic, dissatisfied,
         very_dissatisfied)
       SELECT (x->>0)::uuid, (x->>1)::date, x->>2, x->>3, (x->>4)::int, (x->>5)::int, (x->>6)::int, (x->>7)::int,
         (x->>8)::int
       FROM jsonb_array_elements($1::jsonb) AS x`,
      [JSON.stringify(rows)],
    );
  }
}

/** An evaluator tablet on each of the county hall's windows 1–16 (the ground floor). */
async function devices(tx: Queryable, ctx: DemoContext): Promise<void> {
  for (const w of await countyWindows(tx)) {
    if (Number(w.number) > 16) continue;
    await repo.upsertDevice(tx, w.center_id, w.id, randomBytes(18).toString('base64url'), ctx.now);
  }
}

export async function evaluationDemoStep(tx: Queryable, ctx: DemoContext): Promise<void> {
  await devices(tx, ctx);
  await evaluations(tx, ctx);
  await history(tx, ctx);
  await complaintsDemo(tx, ctx);
  await hotlineDemo(tx, ctx);
}
