import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chinaCalendar } from '../calendar/calendar.fixture';
import { DAY_MS, MINUTE_MS, instantOfCivil } from '../calendar/civil-time';
import { clockValue } from '../clock/clock-value';
import type { ClockInput, LimitUnit } from '../clock/clock.types';
import { clockFigures } from './clock-figures';

const calendar = chinaCalendar();
const FIRST = instantOfCivil('2010-01-01').getTime();
const SPAN_MIN = Math.floor((instantOfCivil('2025-06-30').getTime() - FIRST) / MINUTE_MS);

/** Random cases: start, limit in any unit, up to 3 pauses (some open), extensions, maybe stopped. */
const caseArb = fc
  .record({
    startMin: fc.integer({ min: 0, max: SPAN_MIN }),
    unit: fc.constantFrom<LimitUnit>('workday', 'day', 'workhour'),
    amount: fc.integer({ min: 1, max: 40 }),
    pauses: fc.array(
      fc.record({
        offMin: fc.integer({ min: 0, max: 40 * 1440 }),
        lenMin: fc.integer({ min: 1, max: 20 * 1440 }),
      }),
      {
        maxLength: 3,
      },
    ),
    openLast: fc.boolean(),
    ext: fc.array(fc.integer({ min: 1, max: 15 }), { maxLength: 2 }),
    nowOffMin: fc.integer({ min: 0, max: 120 * 1440 }),
    stop: fc.boolean(),
  })
  .map((r): ClockInput => {
    const start = FIRST + r.startMin * MINUTE_MS;
    const now = start + r.nowOffMin * MINUTE_MS + DAY_MS * 60;
    const pauses = r.pauses
      .map((p, i) => {
        const from = start + p.offMin * MINUTE_MS;
        const open = r.openLast && i === r.pauses.length - 1 && !r.stop;
        return {
          from: new Date(from),
          to: open ? null : new Date(Math.min(from + p.lenMin * MINUTE_MS, now)),
          kind: 'site_check',
        };
      })
      .filter((p) => p.from.getTime() <= now);
    return {
      start: new Date(start),
      limit: { amount: r.amount, unit: r.unit },
      pauses,
      extensions: r.ext.map((amount) => ({ amount, unit: 'workday' as const })),
      stoppedAt: r.stop ? new Date(now) : null,
      now: new Date(now),
      calendar,
    };
  });

describe('clockFigures is clockValue without the explanation', () => {
  it('gives the same due, state and working-day figures for random cases', () => {
    fc.assert(
      fc.property(caseArb, (input) => {
        const { explanation: _e, ...full } = clockValue(input);
        expect(clockFigures(input)).toEqual(full);
      }),
      { numRuns: 400 },
    );
  });

  it('refuses the same bad input', () => {
    const input: ClockInput = {
      start: instantOfCivil('2025-03-03', '10:00'),
      limit: { amount: 5, unit: 'workday' },
      pauses: [{ from: instantOfCivil('2025-03-01'), to: null }],
      now: instantOfCivil('2025-03-05'),
      calendar,
    };
    expect(() => clockFigures(input)).toThrow(/CLOCK_INVALID_PAUSE/);
  });
});
