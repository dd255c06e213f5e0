import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sampleEvents } from './case-fixtures';
import { caseKinds, type CaseEffect, type CaseSnapshot } from './case-states';
import { allowedActions, newCaseSnapshot, transition } from './case-transitions';

type Clock = 'idle' | 'running' | 'paused' | 'stopped';

/** The clock module's view of the effects: each one must be legal in the clock's current state. */
function applyClock(clock: Clock, effect: CaseEffect): Clock {
  switch (effect.type) {
    case 'startClock':
      expect(clock).toBe('idle');
      return 'running';
    case 'pauseClock':
      expect(clock).toBe('running');
      return 'paused';
    case 'resumeClock':
      expect(clock).toBe('paused');
      return 'running';
    case 'stopClock':
      expect(clock).toBe('running');
      return 'stopped';
    case 'extendClock':
    case 'enterStep':
    case 'applyPromisedLimit':
      expect(['running', 'paused']).toContain(clock);
      return clock;
    default:
      return clock;
  }
}

function checkInvariants(s: CaseSnapshot, clock: Clock): void {
  expect(s.stepIndex).toBeGreaterThanOrEqual(0);
  expect(s.stepIndex).toBeLessThan(s.stepCount);
  expect(s.outcome !== null).toBe(['concluded', 'delivered', 'closed'].includes(s.status));
  expect(s.pause !== null).toBe(s.status === 'paused');
  if (s.negativeReported) expect(s.status === 'refused' || s.outcome === 'denied').toBe(true);
  if (s.convertedFromImmediate) expect(s.kind).toBe('promised');
  if (s.status === 'accepted') expect(clock).toBe('running');
  if (s.status === 'paused') expect(clock).toBe('paused');
  if (s.outcome !== null) expect(['idle', 'stopped']).toContain(clock);
}

describe('random walks through the case machine', () => {
  it('every allowed action succeeds, invariants hold, and the clock effects are well formed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...caseKinds),
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.nat(), { maxLength: 40 }),
        (kind, stepCount, choices) => {
          let s = newCaseSnapshot({ kind, stepCount });
          let clock: Clock = 'idle';
          for (const choice of choices) {
            const actions = allowedActions(s);
            if (actions.length === 0) {
              expect(['refused', 'closed']).toContain(s.status);
              break;
            }
            const action = actions[choice % actions.length]!;
            const r = transition(s, sampleEvents[action]);
            for (const effect of r.effects) clock = applyClock(clock, effect);
            s = r.next;
            checkInvariants(s, clock);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
