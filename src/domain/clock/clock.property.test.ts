import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chineseDaysSeed } from '../../server/calendar/calendar.seed-data';
import { chinaCalendar } from '../calendar/calendar.fixture';
import {
  DAY_MS,
  MINUTE_MS,
  civilDateOfDayNumber,
  civilDateOfInstant,
  dayNumberOfInstant,
  instantOfDayStart,
  parseCivilDate,
} from '../calendar/civil-time';
import { computeDeadline } from './deadline';
import type { LimitUnit, Pause } from './clock.types';

const calendar = chinaCalendar();

// ---- The naive reference: a day-by-day (and minute-by-minute) walk over the raw seed rows.
const workday = new Map(chineseDaysSeed().map((r) => [parseCivilDate(r.day)!, r.isWorkday]));
const isWork = (dn: number): boolean => {
  const w = workday.get(dn);
  if (w === undefined) throw new Error('outside the reference calendar');
  return w;
};
/** Working minutes of every working day: 08:30–11:30, 14:00–17:30. */
const PERIODS: readonly (readonly [number, number])[] = [
  [8 * 60 + 30, 11 * 60 + 30],
  [14 * 60, 17 * 60 + 30],
];
const CLOSE_MIN = 17 * 60 + 30;

function naiveNthWorkdayAfter(dn: number, n: number): number {
  let d = dn;
  for (let k = 0; k < n;) if (isWork(++d)) k++;
  return d;
}

/** Walk the working minutes from day `fromDn` (or the instant `fromMs`), skipping paused minutes. */
function naiveMinuteWalk(
  fromMs: number,
  budgetMinutes: number,
  pauses: readonly { from: number; to: number }[],
): number {
  let left = budgetMinutes;
  for (let dn = dayNumberOfInstant(fromMs); ; dn++) {
    if (!isWork(dn)) continue;
    for (const [s, e] of PERIODS) {
      for (let m = s; m < e; m++) {
        const t = instantOfDayStart(dn) + m * MINUTE_MS;
        if (t < fromMs) continue;
        if (pauses.some((p) => p.from <= t && t + MINUTE_MS <= p.to)) continue;
        if (--left === 0) return t + MINUTE_MS;
      }
    }
  }
}

// ---- Generators: instants at whole minutes, 2004-01-01 … 2025-09-30 (so 250 working days still fit).
const FIRST_DN = parseCivilDate('2004-01-01')!;
const LAST_DN = parseCivilDate('2025-09-30')!;
const instantArb = fc
  .record({ dn: fc.integer({ min: FIRST_DN, max: LAST_DN }), minute: fc.integer({ min: 0, max: 1439 }) })
  .map(({ dn, minute }) => instantOfDayStart(dn) + minute * MINUTE_MS);
/** Pauses at whole minutes, within ~6 weeks after the start, lasting up to 10 days. */
const pausesArb = (max: number) =>
  fc.array(
    fc.record({
      offset: fc.integer({ min: 0, max: 60 * 24 * 45 }),
      length: fc.integer({ min: 0, max: 60 * 24 * 10 }),
    }),
    { maxLength: max },
  );
const toPauses = (startMs: number, raw: readonly { offset: number; length: number }[]): Pause[] =>
  raw.map(({ offset, length }) => ({
    from: new Date(startMs + offset * MINUTE_MS),
    to: new Date(startMs + (offset + length) * MINUTE_MS),
  }));
const unitArb = fc.constantFrom<LimitUnit>('workday', 'day', 'workhour');
const amountFor = (unit: LimitUnit, a: number) => (unit === 'workhour' ? 1 + (a % 80) : a % 120);

const dueMs = (startMs: number, unit: LimitUnit, amount: number, pauses: Pause[] = [], ext = 0): number =>
  computeDeadline({
    start: new Date(startMs),
    limit: { amount, unit },
    pauses,
    extensions: ext > 0 ? [{ amount: ext, unit: 'workday' }] : [],
    calendar,
  }).due.getTime();

describe('properties of the working-day clock (fast-check, 2004–2026)', () => {
  it('adding n working days then counting back gives n', () => {
    fc.assert(
      // Starting a year in, so counting back 250 working days stays inside the calendar.
      fc.property(
        fc.integer({ min: FIRST_DN + 400, max: LAST_DN }),
        fc.integer({ min: 0, max: 250 }),
        (dn, n) => {
          const d = civilDateOfDayNumber(dn);
          expect(calendar.countWorkingDays(d, calendar.addWorkingDays(d, n))).toBe(
            n === 0 ? (isWork(dn) ? 0 : 1) : n,
          );
          if (n > 0)
            expect(calendar.countWorkingDays(calendar.addWorkingDays(d, -n), d)).toBe(isWork(dn) ? n : n - 1);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('the due is always within the working hours of a working day', () => {
    fc.assert(
      fc.property(
        instantArb,
        unitArb,
        fc.nat(),
        pausesArb(3),
        fc.integer({ min: 0, max: 15 }),
        (startMs, unit, a, raw, ext) => {
          const due = dueMs(startMs, unit, amountFor(unit, a), toPauses(startMs, raw), ext);
          const day = civilDateOfInstant(due);
          expect(calendar.isWorkday(day)).toBe(true);
          expect(due).toBeLessThanOrEqual(calendar.endOfWorkingHours(day).getTime());
          expect(due).toBeGreaterThan(
            instantOfDayStart(dayNumberOfInstant(due)) + PERIODS[0]![0] * MINUTE_MS,
          );
        },
      ),
      { numRuns: 400 },
    );
  });

  it('pausing never moves a due earlier', () => {
    fc.assert(
      fc.property(
        instantArb,
        unitArb,
        fc.nat(),
        pausesArb(3),
        pausesArb(1),
        fc.integer({ min: 0, max: 10 }),
        (startMs, unit, a, raw, more, ext) => {
          const amount = amountFor(unit, a);
          const pauses = toPauses(startMs, raw);
          const before = dueMs(startMs, unit, amount, pauses, ext);
          const after = dueMs(startMs, unit, amount, [...pauses, ...toPauses(startMs, more)], ext);
          expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('the index agrees with the day-by-day reference: working-day limits', () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 1, max: 250 }), (startMs, n) => {
        const expected = naiveNthWorkdayAfter(dayNumberOfInstant(startMs), n);
        expect(dueMs(startMs, 'workday', n)).toBe(instantOfDayStart(expected) + CLOSE_MIN * MINUTE_MS);
        expect(calendar.addWorkingDays(civilDateOfInstant(startMs), n)).toBe(civilDateOfDayNumber(expected));
      }),
      { numRuns: 1000 },
    );
  });

  it('the index agrees with the day-by-day reference: counting working days', () => {
    fc.assert(
      fc.property(fc.integer({ min: FIRST_DN, max: LAST_DN }), fc.integer({ min: 0, max: 400 }), (a, len) => {
        let expected = 0;
        for (let d = a + 1; d <= a + len; d++) if (isWork(d)) expected++;
        expect(calendar.countWorkingDays(civilDateOfDayNumber(a), civilDateOfDayNumber(a + len))).toBe(
          expected,
        );
      }),
      { numRuns: 500 },
    );
  });

  it('the index agrees with the day-by-day reference: natural-day limits', () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 1, max: 365 }), (startMs, n) => {
        let d = dayNumberOfInstant(startMs) + n;
        while (!isWork(d)) d++;
        expect(dueMs(startMs, 'day', n)).toBe(instantOfDayStart(d) + CLOSE_MIN * MINUTE_MS);
      }),
      { numRuns: 500 },
    );
  });

  it('the index agrees with the minute-by-minute reference: working days with pauses', () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 1, max: 40 }), pausesArb(3), (startMs, n, raw) => {
        const pauses = toPauses(startMs, raw);
        const countFrom = instantOfDayStart(dayNumberOfInstant(startMs) + 1);
        const ms = pauses.map((p) => ({ from: p.from.getTime(), to: p.to!.getTime() }));
        expect(dueMs(startMs, 'workday', n, pauses)).toBe(naiveMinuteWalk(countFrom, n * 390, ms));
      }),
      { numRuns: 300 },
    );
  });

  it('the index agrees with the minute-by-minute reference: working hours with pauses', () => {
    fc.assert(
      fc.property(instantArb, fc.integer({ min: 1, max: 200 }), pausesArb(3), (startMs, h, raw) => {
        const pauses = toPauses(startMs, raw);
        const ms = pauses.map((p) => ({ from: p.from.getTime(), to: p.to!.getTime() }));
        expect(dueMs(startMs, 'workhour', h, pauses)).toBe(naiveMinuteWalk(startMs, h * 60, ms));
      }),
      { numRuns: 300 },
    );
  });

  it('extensions equal a longer limit when nothing is paused', () => {
    fc.assert(
      fc.property(
        instantArb,
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 30 }),
        (startMs, n, k) => {
          expect(dueMs(startMs, 'workday', n, [], k)).toBe(dueMs(startMs, 'workday', n + k));
        },
      ),
    );
  });

  it('whole-day units ignore the time of day of the start', () => {
    fc.assert(
      fc.property(
        instantArb,
        unitArb.filter((u) => u !== 'workhour'),
        fc.integer({ min: 0, max: 100 }),
        (startMs, unit, n) => {
          const midnight = instantOfDayStart(dayNumberOfInstant(startMs));
          expect(dueMs(startMs, unit, n)).toBe(dueMs(midnight + DAY_MS - 1, unit, n));
        },
      ),
    );
  });
});
