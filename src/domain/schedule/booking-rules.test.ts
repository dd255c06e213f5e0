import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { instantOfCivil } from '../calendar/civil-time';
import {
  blacklistStatus,
  canCancel,
  cancellationDeadline,
  checkInProblem,
  isBookableDay,
  isNoShow,
} from './booking-rules';
import { defaultAppointmentPolicy as P } from './policy';

const t = (date: string, time = '09:00') => instantOfCivil(date, time).getTime();
const DAY = 86_400_000;

describe('the blacklist rule (2 no-shows in 30 days → 30 days without booking)', () => {
  it('one no-show only warns', () => {
    const s = blacklistStatus([t('2026-03-02')], t('2026-03-03'), P);
    expect(s).toEqual({ blocked: false, untilMs: null, recentNoShows: 1 });
  });

  it('a second no-show within 30 days bars booking for 30 days from it', () => {
    const second = t('2026-03-20');
    const s = blacklistStatus([t('2026-03-02'), second], t('2026-03-21'), P);
    expect(s.blocked).toBe(true);
    expect(s.untilMs).toBe(second + 30 * DAY);
    expect(blacklistStatus([t('2026-03-02'), second], second + 30 * DAY, P).blocked).toBe(false);
  });

  it('two no-shows more than 30 days apart do not bar', () => {
    expect(blacklistStatus([t('2026-01-02'), t('2026-03-02')], t('2026-03-03'), P).blocked).toBe(false);
  });

  it('counts a rolling window, not a calendar month (the 31st and the 1st count together)', () => {
    expect(blacklistStatus([t('2026-03-31'), t('2026-04-01')], t('2026-04-02'), P).blocked).toBe(true);
  });

  it('every number is a setting', () => {
    const strict = { ...P, noShowLimit: 1, blacklistDays: 7 };
    const s = blacklistStatus([t('2026-03-02')], t('2026-03-03'), strict);
    expect(s.untilMs).toBe(t('2026-03-09'));
    expect(
      blacklistStatus([t('2026-03-02'), t('2026-03-03')], t('2026-03-04'), { ...P, noShowLimit: 0 }).blocked,
    ).toBe(false);
  });

  it('property: barred exactly when some `limit` no-shows fit in the window and the last bar still runs', () => {
    const ts = fc
      .array(fc.integer({ min: 0, max: 120 }), { maxLength: 6 })
      .map((ds) => ds.map((d) => d * DAY));
    fc.assert(
      fc.property(ts, fc.integer({ min: 0, max: 200 }), (noShows, nowDay) => {
        const now = nowDay * DAY;
        const past = noShows.filter((x) => x <= now).sort((a, b) => a - b);
        let expected = false;
        for (let i = 1; i < past.length; i++) {
          if (past[i]! - past[i - 1]! < 30 * DAY && now < past[i]! + 30 * DAY) expected = true;
        }
        expect(blacklistStatus(noShows, now, P).blocked).toBe(expected);
      }),
    );
  });
});

describe('the cancellation window (cancel up to 2 hours before)', () => {
  const slot = t('2026-03-03', '10:30');
  it('allows cancelling until exactly 2 hours before the slot', () => {
    expect(cancellationDeadline(slot, P)).toBe(t('2026-03-03', '08:30'));
    expect(canCancel(slot, t('2026-03-03', '08:30'), P)).toBe(true);
    expect(canCancel(slot, t('2026-03-03', '08:31'), P)).toBe(false);
  });
  it('follows the setting', () => {
    expect(canCancel(slot, t('2026-03-02', '11:00'), { ...P, cancelBeforeHours: 24 })).toBe(false);
  });
});

describe('horizon, check-in and no-show', () => {
  it('books from tomorrow to the last bookable working day', () => {
    expect(isBookableDay('2026-03-02', '2026-03-02', '2026-03-09', P)).toBe(false);
    expect(isBookableDay('2026-03-03', '2026-03-02', '2026-03-09', P)).toBe(true);
    expect(isBookableDay('2026-03-10', '2026-03-02', '2026-03-09', P)).toBe(false);
    expect(isBookableDay('2026-03-02', '2026-03-02', '2026-03-09', { ...P, sameDayBooking: true })).toBe(
      true,
    );
  });

  it('check-in opens 30 minutes before the slot and closes at its end', () => {
    const s = t('2026-03-03', '09:30');
    const e = t('2026-03-03', '10:30');
    expect(checkInProblem(s, e, t('2026-03-03', '08:59'), P)).toBe('too_early');
    expect(checkInProblem(s, e, t('2026-03-03', '09:00'), P)).toBeNull();
    expect(checkInProblem(s, e, t('2026-03-03', '10:30'), P)).toBe('too_late');
  });

  it('a booking not checked in by the end of its slot is a no-show', () => {
    const end = t('2026-03-03', '10:30');
    expect(isNoShow('booked', end, end - 1)).toBe(false);
    expect(isNoShow('booked', end, end)).toBe(true);
    expect(isNoShow('checked_in', end, end + DAY)).toBe(false);
  });
});
