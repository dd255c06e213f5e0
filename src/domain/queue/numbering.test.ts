import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  spokenAnnouncement,
  renderAnnouncement,
  spokenTicketNumber,
  DEFAULT_ANNOUNCEMENT,
} from './announcement';
import { businessDate, formatTicketNumber, nextTicketNumber, rangeSize } from './numbering';

describe('ticket numbers', () => {
  const range = { from: 1, to: 999 };

  it('starts at the beginning of the range and counts up', () => {
    expect(nextTicketNumber(null, range)).toBe(1);
    expect(nextTicketNumber(11, range)).toBe(12);
  });

  it('wraps at the end of the range (a category without daily reset runs on across days)', () => {
    expect(nextTicketNumber(999, range)).toBe(1);
    expect(nextTicketNumber(300, { from: 101, to: 300 })).toBe(101);
  });

  it('always stays inside the range', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 5000 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.option(fc.integer({ min: -10, max: 12000 }), { nil: null }),
        (from, len, last) => {
          const r = { from, to: from + len };
          const n = nextTicketNumber(last, r);
          expect(n).toBeGreaterThanOrEqual(r.from);
          expect(n).toBeLessThanOrEqual(r.to);
        },
      ),
    );
  });

  it('a whole range in a row gives distinct numbers', () => {
    const r = { from: 5, to: 40 };
    const seen = new Set<number>();
    let last: number | null = null;
    for (let i = 0; i < rangeSize(r); i++) seen.add((last = nextTicketNumber(last, r)));
    expect(seen.size).toBe(rangeSize(r));
  });

  it('pads to the width of the range', () => {
    expect(formatTicketNumber('A', 12, range)).toBe('A012');
    expect(formatTicketNumber('B', 7, { from: 1, to: 9999 })).toBe('B0007');
  });

  it('the business date is the date in China time, whatever the host time zone', () => {
    // 23:30 UTC on 1 March is 07:30 on 2 March in the center.
    expect(businessDate(new Date('2026-03-01T23:30:00Z'))).toBe('2026-03-02');
    expect(businessDate(Date.parse('2026-03-02T15:59:59Z'))).toBe('2026-03-02');
    expect(businessDate(Date.parse('2026-03-02T16:00:00Z'))).toBe('2026-03-03');
  });
});

describe('the call announcement', () => {
  it('fills the hall template', () => {
    expect(renderAnnouncement(DEFAULT_ANNOUNCEMENT, { number: 'A012', window: '3' })).toBe(
      '请A012号到3号窗口办理',
    );
    expect(renderAnnouncement('请{number}到{window}号窗口 {oops}', { number: 'A012', window: '3' })).toBe(
      '请A012到3号窗口 {oops}',
    );
  });

  it('spells the number digit by digit for the voice', () => {
    expect(spokenTicketNumber('A012')).toBe('A零一二');
    expect(spokenAnnouncement(DEFAULT_ANNOUNCEMENT, { number: 'B105', window: '12' })).toBe(
      '请B一零五号到12号窗口办理',
    );
  });
});
