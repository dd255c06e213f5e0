/**
 * Benchmark of the working-day clock (issue 3, part 5): deadline computations per second for 1, 20
 * and 250 working days, with and without 3 pauses, against chinese-days' `findWorkday` (a day-by-day
 * loop) measured in the same run. Target: ≥ 5 M/s and ≥ 100× chinese-days at 20 working days.
 *
 * `npx tsx bench/clock.bench.ts` runs it standalone; `runClockBench()` returns the report.
 */
import { pathToFileURL } from 'node:url';
import chineseDays from 'chinese-days';
import { buildCalendarIndex } from '../src/domain/calendar/calendar-index';
import { civilDateOfInstant, instantOfCivil } from '../src/domain/calendar/civil-time';
import { computeDeadline } from '../src/domain/clock/deadline';
import type { Pause } from '../src/domain/clock/clock.types';
import { chineseDaysSeed } from '../src/server/calendar/calendar.seed-data';

const HOURS = {
  periods: [
    { start: '08:30', end: '11:30' },
    { start: '14:00', end: '17:30' },
  ],
};
const SAMPLES = 4096;
const ROUNDS = 4;
const TIME_PER_ROUND_MS = 200;

interface Sample {
  start: Date;
  /** Local midnight of the start day, as chinese-days expects. */
  local: Date;
  pauses: Pause[];
}

/** Deterministic pseudo-random starts in 2005-01-01 … 2025-06-30 (250 working days must still fit). */
function samples(): Sample[] {
  let seed = 20_250_128;
  const rnd = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  const first = instantOfCivil('2005-01-01').getTime();
  const span = instantOfCivil('2025-06-30').getTime() - first;
  const out: Sample[] = [];
  for (let i = 0; i < SAMPLES; i++) {
    const ms = first + Math.floor((rnd() * span) / 60_000) * 60_000;
    const [y, m, d] = civilDateOfInstant(ms).split('-').map(Number) as [number, number, number];
    const h = 3_600_000;
    // Three pauses in the first days, two of them overlapping: a site check, an expert review, a supplement.
    const pauses: Pause[] = [
      { from: new Date(ms + 20 * h), to: new Date(ms + 27 * h), kind: 'site_check' },
      { from: new Date(ms + 50 * h), to: new Date(ms + 98 * h), kind: 'expert_review' },
      { from: new Date(ms + 90 * h), to: new Date(ms + 100 * h), kind: 'supplement' },
    ];
    out.push({ start: new Date(ms), local: new Date(y, m - 1, d), pauses });
  }
  return out;
}

/**
 * Calls per second of `fn` over the samples: the best of ROUNDS rounds of about TIME_PER_ROUND_MS,
 * because the machine may be shared and a slow round measures the neighbours, not the code.
 */
function measure(list: readonly Sample[], fn: (s: Sample) => number): { perSecond: number; sink: number } {
  let sink = 0;
  // Warm-up (JIT): up to 2000 calls or 100 ms, whichever comes first.
  const w0 = performance.now();
  for (let i = 0; i < 2000 && performance.now() - w0 < 100; i++) sink += fn(list[i % list.length]!);
  let best = 0;
  for (let round = 0; round < ROUNDS; round++) {
    let calls = 0;
    let batch = 16;
    const t0 = performance.now();
    let elapsed = 0;
    while (elapsed < TIME_PER_ROUND_MS) {
      for (let i = 0; i < batch; i++) sink += fn(list[(calls + i) % list.length]!);
      calls += batch;
      elapsed = performance.now() - t0;
      if (elapsed < TIME_PER_ROUND_MS / 10) batch *= 2;
    }
    best = Math.max(best, (calls / elapsed) * 1000);
  }
  return { perSecond: best, sink };
}

const fmt = (x: number): string =>
  x >= 1e6 ? `${(x / 1e6).toFixed(2)} M/s` : x >= 1e3 ? `${(x / 1e3).toFixed(1)} k/s` : `${x.toFixed(0)} /s`;

export async function runClockBench(): Promise<string> {
  const calendar = buildCalendarIndex(chineseDaysSeed(), HOURS);
  const list = samples();
  const lines = [
    'Working-day clock: deadline computations per second (best of 4 rounds of 200 ms).',
    '',
    '| working days | OneWindow | OneWindow, 3 pauses | chinese-days findWorkday | ratio | ratio, 3 pauses |',
    '|---:|---:|---:|---:|---:|---:|',
  ];
  let ratioAt20 = 0;
  let speedAt20 = 0;
  let disagreements = 0;
  const westOfUtc = new Date(2025, 0, 1).getTimezoneOffset() > 0;
  for (const n of [1, 20, 250]) {
    const limit = { amount: n, unit: 'workday' as const };
    const plain = measure(list, (s) => computeDeadline({ start: s.start, limit, calendar }).due.getTime());
    const paused = measure(list, (s) =>
      computeDeadline({ start: s.start, limit, pauses: s.pauses, calendar }).due.getTime(),
    );
    const theirs = measure(list, (s) => chineseDays.findWorkday(n, s.local).length);
    // Both must name the same day (chinese-days reads dates in local time: trust it only east of UTC).
    if (!westOfUtc) {
      for (const s of list.slice(0, 200)) {
        const ours = civilDateOfInstant(computeDeadline({ start: s.start, limit, calendar }).due.getTime());
        if (ours !== chineseDays.findWorkday(n, s.local)) disagreements++;
      }
    }
    const ratio = plain.perSecond / theirs.perSecond;
    if (n === 20) {
      ratioAt20 = ratio;
      speedAt20 = plain.perSecond;
    }
    lines.push(
      `| ${n} | ${fmt(plain.perSecond)} | ${fmt(paused.perSecond)} | ${fmt(theirs.perSecond)} | ${ratio.toFixed(0)}× | ${(paused.perSecond / theirs.perSecond).toFixed(0)}× |`,
    );
  }
  const ok = speedAt20 >= 5e6 && ratioAt20 >= 100;
  lines.push(
    '',
    `Target at 20 working days: ≥ 5 M/s and ≥ 100× chinese-days → ${ok ? 'met' : 'NOT met'} (${fmt(speedAt20)}, ${ratioAt20.toFixed(0)}×).`,
    westOfUtc
      ? 'Cross-check with chinese-days skipped (its query functions are wrong west of UTC).'
      : `Cross-check with chinese-days on 600 samples: ${disagreements === 0 ? 'same due days' : `${disagreements} disagreements`}.`,
  );
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  console.log(await runClockBench());
}
