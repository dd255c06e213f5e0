import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { estimateWait, windowServiceMinutes, type WindowRate } from './wait-estimate';

const open = (...recent: number[]): WindowRate => ({ open: true, recentServiceMinutes: recent });

describe('estimated wait from live service rates', () => {
  it('uses the prior until services are recorded', () => {
    const e = estimateWait({ ahead: 3, windows: [open()], priorMinutes: 10 });
    expect(e).toEqual({ minutes: 35, ratePerHour: 6, windowsOpen: 1, basis: 'prior' });
  });

  it('follows the live rate: fast recent services shorten the wait', () => {
    const slow = estimateWait({
      ahead: 4,
      windows: [open(20, 20, 20, 20, 20, 20, 20, 20)],
      priorMinutes: 10,
    });
    const fast = estimateWait({ ahead: 4, windows: [open(4, 4, 4, 4, 4, 4, 4, 4)], priorMinutes: 10 });
    expect(fast.basis).toBe('live');
    expect(fast.minutes!).toBeLessThan(slow.minutes!);
    // 8 samples of 4 min blended with 2 prior services of 10 → 5.2 min per visitor.
    expect(windowServiceMinutes([4, 4, 4, 4, 4, 4, 4, 4], 10)).toBeCloseTo(5.2);
  });

  it('adds up the windows: two open windows halve the wait', () => {
    const one = estimateWait({ ahead: 9, windows: [open(6, 6, 6)], priorMinutes: 6 });
    const two = estimateWait({ ahead: 9, windows: [open(6, 6, 6), open(6, 6, 6)], priorMinutes: 6 });
    expect(one.minutes).toBe(57);
    expect(two.minutes).toBe(29);
  });

  it('counts only open windows, but still estimates when all are paused', () => {
    const paused: WindowRate = { open: false, recentServiceMinutes: [6] };
    expect(estimateWait({ ahead: 2, windows: [open(6), paused], priorMinutes: 6 }).windowsOpen).toBe(1);
    const allPaused = estimateWait({ ahead: 2, windows: [paused], priorMinutes: 6 });
    expect(allPaused.basis).toBe('no_open_window');
    expect(allPaused.minutes).toBeGreaterThan(0);
  });

  it('has no estimate when no window can serve the category', () => {
    expect(estimateWait({ ahead: 0, windows: [], priorMinutes: 10 }).minutes).toBeNull();
  });

  const arbWindows = fc.array(
    fc.record({
      open: fc.boolean(),
      recentServiceMinutes: fc.array(fc.double({ min: 0, max: 120, noNaN: true }), { maxLength: 15 }),
    }),
    { minLength: 1, maxLength: 8 },
  );

  it('is positive, finite and never shrinks when more people are ahead', () => {
    fc.assert(
      fc.property(
        arbWindows,
        fc.nat(200),
        fc.nat(20),
        fc.double({ min: 1, max: 60, noNaN: true }),
        (ws, a, d, prior) => {
          const e1 = estimateWait({ ahead: a, windows: ws, priorMinutes: prior });
          const e2 = estimateWait({ ahead: a + d, windows: ws, priorMinutes: prior });
          expect(Number.isFinite(e1.minutes)).toBe(true);
          expect(e1.minutes!).toBeGreaterThan(0);
          expect(e2.minutes!).toBeGreaterThanOrEqual(e1.minutes!);
        },
      ),
    );
  });

  it('opening one more window never lengthens the wait', () => {
    fc.assert(
      fc.property(arbWindows, fc.nat(100), (ws, ahead) => {
        const openWs = ws.map((w) => ({ ...w, open: true }));
        const more = [...openWs, { open: true, recentServiceMinutes: [] }];
        const e1 = estimateWait({ ahead, windows: openWs, priorMinutes: 8 });
        const e2 = estimateWait({ ahead, windows: more, priorMinutes: 8 });
        expect(e2.minutes!).toBeLessThanOrEqual(e1.minutes!);
      }),
    );
  });
});
