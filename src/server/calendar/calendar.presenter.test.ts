import { describe, expect, it } from 'vitest';
import { presentYear } from './calendar.presenter';
import type { ChainCenter, DayDetailRow } from './calendar.repository';

const center = (id: string, path: string): ChainCenter => ({
  id,
  name: `center ${id}`,
  path,
  parent_id: null,
  has_days: true,
  has_hours: false,
});
const chain = [center('c', '/c/'), center('t', '/c/t/')];
const row = (
  day: string,
  centerId: string,
  isWorkday: boolean,
  name: string | null = null,
): DayDetailRow => ({
  day,
  is_workday: isWorkday,
  name,
  source: 'admin',
  center_id: centerId,
  center_name: `center ${centerId}`,
  updated_by: 'admin',
  updated_at: new Date('2026-11-20T02:00:00Z'),
});

describe('a year of the effective calendar', () => {
  it('fills the days without a row with the weekday rule of a configured year', () => {
    const y = presentYear({
      chain,
      year: 2027,
      rows: [row('2027-01-01', 'c', false, '元旦')],
      editable: true,
    });
    expect(y.configured).toBe(true);
    expect(y.days).toHaveLength(365);
    expect(y.days[0]).toMatchObject({ day: '2027-01-01', isWorkday: false, name: '元旦', inherited: true });
    // 2027-01-02 is a Saturday, 01-04 a Monday.
    expect(y.days[1]).toMatchObject({ isWorkday: false, source: 'weekday', definedBy: null });
    expect(y.days[3]).toMatchObject({ isWorkday: true, source: 'weekday' });
    expect(y.workdays).toBe(261 - 1);
  });

  it('marks the days the center decides itself and counts them', () => {
    const y = presentYear({
      chain,
      year: 2027,
      rows: [row('2027-01-01', 'c', false, '元旦'), row('2027-03-01', 't', false, '镇庆')],
      editable: false,
    });
    expect(y.ownDays).toBe(1);
    expect(y.days.find((d) => d.day === '2027-03-01')).toMatchObject({
      inherited: false,
      definedBy: { centerId: 't' },
      updatedAt: '2026-11-20T02:00:00.000Z',
    });
    expect(y.chain.map((c) => c.centerId)).toEqual(['c', 't']);
  });

  it('a year without rows is not configured and lists no day: nothing is guessed', () => {
    const y = presentYear({ chain, year: 2030, rows: [], editable: true });
    expect(y).toMatchObject({ configured: false, days: [], workdays: 0 });
  });

  it('counts 366 days in a leap year', () => {
    expect(
      presentYear({ chain, year: 2028, rows: [row('2028-02-29', 'c', true)], editable: true }).days,
    ).toHaveLength(366);
  });
});
