import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  contains,
  hhmm,
  intersect,
  normalize,
  subtract,
  totalMinutes,
  union,
  type Interval,
} from './intervals';

const iv = fc
  .tuple(fc.integer({ min: 0, max: 1440 }), fc.integer({ min: 0, max: 1440 }))
  .map(([a, b]): Interval => ({ start: Math.min(a, b), end: Math.max(a, b) }));
const set = fc.array(iv, { maxLength: 6 });
const minute = fc.integer({ min: 0, max: 1439 });

describe('minute intervals', () => {
  it('merges adjacent and overlapping intervals', () => {
    expect(
      normalize([
        { start: 600, end: 700 },
        { start: 510, end: 600 },
        { start: 650, end: 690 },
      ]),
    ).toEqual([{ start: 510, end: 700 }]);
  });

  it('membership follows set algebra for every minute', () => {
    fc.assert(
      fc.property(set, set, minute, (a, b, m) => {
        expect(contains(union(a, b), m)).toBe(contains(a, m) || contains(b, m));
        expect(contains(subtract(a, b), m)).toBe(contains(a, m) && !contains(b, m));
        expect(contains(intersect(a, b), m)).toBe(contains(a, m) && contains(b, m));
      }),
    );
  });

  it('a union is never shorter than either side, a difference never longer', () => {
    fc.assert(
      fc.property(set, set, (a, b) => {
        expect(totalMinutes(union(a, b))).toBeGreaterThanOrEqual(totalMinutes(normalize(a)));
        expect(totalMinutes(subtract(a, b))).toBeLessThanOrEqual(totalMinutes(normalize(a)));
      }),
    );
  });

  it('formats minutes as HH:MM', () => {
    expect(hhmm(510)).toBe('08:30');
    expect(hhmm(1440)).toBe('24:00');
  });
});
