import { describe, expect, it } from 'vitest';
import type { DutySegment } from './duty';
import { hhmm } from './intervals';
import { defaultAppointmentPolicy as P } from './policy';
import { capacityOf, daySlots, slotIntervals } from './slots';

const seg = (start: number, end: number, ...staffIds: string[]): DutySegment => ({ start, end, staffIds });
const text = (xs: { start: number; end: number; capacity?: number }[]) =>
  xs
    .map((x) => `${hhmm(x.start)}-${hhmm(x.end)}${x.capacity === undefined ? '' : `=${x.capacity}`}`)
    .join(' ');

describe('slots and their capacity', () => {
  it('cuts the staffed hours into hourly slots from the start of each stretch', () => {
    expect(
      text(
        slotIntervals(
          [
            { start: 510, end: 690 },
            { start: 840, end: 1050 },
          ],
          60,
        ),
      ),
    ).toBe('08:30-09:30 09:30-10:30 10:30-11:30 14:00-15:00 15:00-16:00 16:00-17:00 17:00-17:30');
  });

  it('drops a tail shorter than a quarter of a slot', () => {
    expect(text(slotIntervals([{ start: 540, end: 610 }], 60))).toBe('09:00-10:00');
  });

  it('one officer for an hour at 4 visits/hour and a 50 % share gives 2 places', () => {
    expect(capacityOf(60, P)).toBe(2);
    expect(capacityOf(30, P)).toBe(1);
    expect(capacityOf(29, P)).toBe(0);
  });

  it('adds the officers of every window of the pool, and a staggered-lunch window fills the lunch slots', () => {
    const w1 = [seg(510, 1050, 'A')]; // 错时服务: open over lunch
    const w2 = [seg(510, 690, 'B', 'C'), seg(840, 1050, 'B', 'C')];
    expect(text(daySlots([w1, w2], P))).toBe(
      '08:30-09:30=6 09:30-10:30=6 10:30-11:30=6 11:30-12:30=2 12:30-13:30=2 13:30-14:30=4 14:30-15:30=6 15:30-16:30=6 16:30-17:30=6',
    );
  });

  it('a meeting halves the capacity of the slot it falls in', () => {
    const w = [seg(510, 570, 'A'), seg(600, 690, 'A')]; // away 09:30-10:00
    expect(text(daySlots([w], P))).toBe('08:30-09:30=2 10:00-11:00=2 11:00-11:30=1');
  });

  it('counts only the officers able to serve the category', () => {
    const w = [seg(510, 690, 'A', 'X')];
    expect(text(daySlots([w], P, (id) => id === 'A'))).toBe('08:30-09:30=2 09:30-10:30=2 10:30-11:30=2');
    expect(daySlots([[seg(510, 690, 'X')]], P, (id) => id === 'A')).toEqual([]);
  });
});
