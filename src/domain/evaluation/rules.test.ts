import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DAY_MS } from '../calendar/civil-time';
import { isAppError } from '../errors';
import { DEFAULT_POLICIES, resolvePolicies } from './policy';
import {
  assertRoundAllowed,
  defaultRatingDueAt,
  emptyCounts,
  isSampled,
  monthOf,
  nextRound,
  rates,
  shouldApplyDefault,
  type PriorEvaluation,
} from './rules';

const policy = DEFAULT_POLICIES.evaluation;
const t0 = new Date('2026-03-02T02:00:00Z');
const codeOf = (f: () => void): string | null => {
  try {
    f();
    return null;
  } catch (e) {
    return isAppError(e) ? e.code : 'not an AppError';
  }
};

describe('the 追评 limit: one first evaluation and one follow-up per case', () => {
  const first: PriorEvaluation = { round: 'first', at: t0 };
  const followup: PriorEvaluation = { round: 'followup', at: t0 };

  it('a first evaluation is allowed when there is none', () => {
    expect(codeOf(() => assertRoundAllowed('first', [], t0, policy))).toBeNull();
  });
  it('a second first evaluation is refused', () => {
    expect(codeOf(() => assertRoundAllowed('first', [first], t0, policy))).toBe('EVALUATION_ALREADY_EXISTS');
  });
  it('a follow-up needs a first evaluation', () => {
    expect(codeOf(() => assertRoundAllowed('followup', [], t0, policy))).toBe(
      'EVALUATION_FOLLOWUP_WITHOUT_FIRST',
    );
  });
  it('one follow-up is allowed, a second is refused', () => {
    expect(codeOf(() => assertRoundAllowed('followup', [first], t0, policy))).toBeNull();
    expect(codeOf(() => assertRoundAllowed('followup', [first, followup], t0, policy))).toBe(
      'EVALUATION_LIMIT_REACHED',
    );
  });
  it('a follow-up after the window is refused', () => {
    const late = new Date(t0.getTime() + (policy.followUpWithinDays + 1) * DAY_MS);
    expect(codeOf(() => assertRoundAllowed('followup', [first], late, policy))).toBe(
      'EVALUATION_FOLLOWUP_EXPIRED',
    );
  });
  it('whatever the sequence of requests, a case never holds more than one of each round', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('first' as const, 'followup' as const), { maxLength: 8 }),
        (reqs) => {
          const held: PriorEvaluation[] = [];
          for (const r of reqs) {
            if (codeOf(() => assertRoundAllowed(r, held, t0, policy)) === null)
              held.push({ round: r, at: t0 });
          }
          expect(held.filter((h) => h.round === 'first').length).toBeLessThanOrEqual(1);
          expect(held.filter((h) => h.round === 'followup').length).toBeLessThanOrEqual(1);
          expect(held.length).toBeLessThanOrEqual(2);
          if (held.some((h) => h.round === 'followup')) expect(held[0]!.round).toBe('first');
        },
      ),
    );
  });
  it('without an explicit round the next one is taken', () => {
    expect(nextRound([])).toBe('first');
    expect(nextRound([first])).toBe('followup');
  });
});

describe('the default-rating rule (广东: 7 个自然日内未评价 ⇒ 默认评价)', () => {
  const ended = new Date('2026-02-13T07:00:00Z'); // the Friday before the 2026 Spring Festival

  it('is due exactly 7 natural days after the service ended, holidays included', () => {
    expect(defaultRatingDueAt(ended, policy).toISOString()).toBe('2026-02-20T07:00:00.000Z');
  });
  it('applies at the due, not before', () => {
    const due = defaultRatingDueAt(ended, policy);
    const before = new Date(due.getTime() - 1);
    expect(shouldApplyDefault({ policy, endedAt: ended, hasEvaluation: false, now: before })).toBe(false);
    expect(shouldApplyDefault({ policy, endedAt: ended, hasEvaluation: false, now: due })).toBe(true);
  });
  it('never applies when the applicant evaluated, or when the center turned the rule off', () => {
    const late = new Date(ended.getTime() + 30 * DAY_MS);
    expect(shouldApplyDefault({ policy, endedAt: ended, hasEvaluation: true, now: late })).toBe(false);
    const off = resolvePolicies({ evaluation: { defaultRating: { enabled: false } } }).evaluation;
    expect(shouldApplyDefault({ policy: off, endedAt: ended, hasEvaluation: false, now: late })).toBe(false);
  });
  it('a center may change N and the level; the rest of the defaults stay', () => {
    const p = resolvePolicies({ evaluation: { defaultRating: { afterDays: 3 } } }).evaluation;
    expect(p.defaultRating).toEqual({ ...policy.defaultRating, afterDays: 3 });
    expect(p.returnVisit).toEqual(policy.returnVisit);
    expect(defaultRatingDueAt(ended, p).toISOString()).toBe('2026-02-16T07:00:00.000Z');
  });
  it('the default level is 基本满意', () => {
    expect(policy.defaultRating.level).toBe('basic');
  });
});

describe('return-visit sampling', () => {
  it('always calls a 差评', () => {
    expect(isSampled('any', 0, 'dissatisfied')).toBe(true);
    expect(isSampled('any', 0, 'very_dissatisfied')).toBe(true);
  });
  it('is deterministic and close to the percentage over many cases', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `case-${i}`);
    const n = ids.filter((id) => isSampled(id, 10, 'satisfied')).length;
    expect(n / ids.length).toBeGreaterThan(0.09);
    expect(n / ids.length).toBeLessThan(0.11);
    expect(ids.filter((id) => isSampled(id, 10)).length).toBe(n);
  });
  it('0 % samples none of the good ones, 100 % all', () => {
    fc.assert(
      fc.property(fc.string(), (k) => {
        expect(isSampled(k, 0, 'satisfied')).toBe(false);
        expect(isSampled(k, 100, 'satisfied')).toBe(true);
      }),
    );
  });
});

describe('rates', () => {
  it('满意率 counts the top three levels, 差评率 the bottom two', () => {
    const r = rates({
      ...emptyCounts(),
      very_satisfied: 6,
      satisfied: 1,
      basic: 1,
      dissatisfied: 1,
      very_dissatisfied: 1,
    });
    expect(r).toMatchObject({ total: 10, good: 8, bad: 2, satisfactionRate: 0.8, badRate: 0.2 });
    expect(r.averageScore).toBeCloseTo((6 * 5 + 4 + 3 + 2 + 1) / 10);
  });
  it('no evaluations: no rate (not 0 %, not 100 %)', () => {
    expect(rates(emptyCounts()).satisfactionRate).toBeNull();
  });
  it('satisfaction + bad rates always add up to 1', () => {
    const n = fc.nat({ max: 1000 });
    fc.assert(
      fc.property(n, n, n, n, n, (a, b, c, d, e) => {
        const r = rates({ very_satisfied: a, satisfied: b, basic: c, dissatisfied: d, very_dissatisfied: e });
        if (r.total > 0) expect(r.satisfactionRate! + r.badRate!).toBeCloseTo(1);
      }),
    );
  });
  it('the month of an evaluation is the civil month in Beijing time', () => {
    expect(monthOf(new Date('2026-02-28T16:30:00Z'))).toBe('2026-03');
    expect(monthOf(new Date('2026-02-28T15:59:59Z'))).toBe('2026-02');
  });
});
