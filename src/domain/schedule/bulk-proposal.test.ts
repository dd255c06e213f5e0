import { describe, expect, it } from 'vitest';
import { proposeBulkBlocks, type BulkDay } from './bulk-proposal';
import { hhmm } from './intervals';

const open = [
  { start: 510, end: 690 },
  { start: 840, end: 1050 },
];
const flat = (v: number) => Array.from({ length: 24 }, () => v);
const day = (date: string, load: number[], officers = ['S1', 'S2']): BulkDay => ({
  date,
  open,
  officers: officers.map((staffId) => ({ staffId, free: open })),
  loadByHour: load,
});
const text = (p: ReturnType<typeof proposeBulkBlocks>[number]) =>
  p.blocks
    .map((b) => `${b.date} ${hhmm(b.start)}-${hhmm(b.end)} ${b.staffIds.join('+')} ×${b.cases}`)
    .join(' | ');

describe('bulk-room time blocks (批量办证服务室)', () => {
  it('puts the block in the quietest hours of the windows the officers leave', () => {
    const load = flat(10);
    load[15] = 1;
    load[16] = 1; // a quiet afternoon
    const [best] = proposeBulkBlocks({
      count: 8,
      minutesPerCase: 15,
      days: [day('2026-03-03', load)],
      maxOfficers: 2,
    });
    // 8 × 15 = 120 officer-minutes, 2 officers → one hour
    expect(text(best!)).toBe('2026-03-03 15:00-16:00 S1+S2 ×8');
  });

  it('chooses the next day when it is quieter, and offers non-overlapping alternatives', () => {
    const ps = proposeBulkBlocks({
      count: 8,
      minutesPerCase: 15,
      days: [day('2026-03-03', flat(9)), day('2026-03-04', flat(2))],
      maxOfficers: 2,
    });
    expect(ps).toHaveLength(3);
    expect(ps[0]!.blocks[0]!.date).toBe('2026-03-04');
    const firsts = ps.map((p) => p.blocks[0]!);
    for (let i = 0; i < firsts.length; i++)
      for (let j = i + 1; j < firsts.length; j++) {
        const a = firsts[i]!;
        const b = firsts[j]!;
        expect(a.date === b.date && a.start < b.end && b.start < a.end).toBe(false);
      }
  });

  it('runs over into the next day when one day is not enough, and shares the cases', () => {
    const [p] = proposeBulkBlocks({
      count: 40,
      minutesPerCase: 15,
      days: [day('2026-03-03', flat(1)), day('2026-03-04', flat(1))],
      maxOfficers: 1,
      stepMinutes: 510,
    });
    // 600 officer-minutes with one officer: 390 min on the first day, 210 the next
    expect(p!.blocks.map((b) => b.date)).toEqual(['2026-03-03', '2026-03-03', '2026-03-04', '2026-03-04']);
    expect(p!.blocks.reduce((s, b) => s + b.cases, 0)).toBe(40);
  });

  it('proposes nothing without skilled officers', () => {
    expect(
      proposeBulkBlocks({
        count: 20,
        minutesPerCase: 15,
        days: [day('2026-03-03', flat(1), [])],
        maxOfficers: 2,
      }),
    ).toEqual([]);
  });
});
