import { civilDateOfInstant, DAY_MS } from '../calendar/civil-time';
import { AppError } from '../errors';
import { isBadReview, levelScore, satisfactionLevels } from './levels';
import type { EvaluationRound, SatisfactionLevel } from './levels';
import type { EvaluationPolicy } from './policy';

/** One earlier evaluation of the same case (or ticket), as far as the round rule needs it. */
export interface PriorEvaluation {
  round: EvaluationRound;
  at: Date;
}

/**
 * The 追评 limit (GB/T 39046 表9 评价次数 ≤ 2; 浙江: 办事人可追评 1 次): per case at most one first
 * evaluation and one follow-up, the follow-up only after a first and within the policy's window.
 * A default rating counts as the first evaluation, so the applicant keeps the follow-up.
 */
export function assertRoundAllowed(
  requested: EvaluationRound,
  prior: readonly PriorEvaluation[],
  now: Date,
  policy: Pick<EvaluationPolicy, 'followUpWithinDays'>,
): void {
  const first = prior.find((p) => p.round === 'first');
  if (requested === 'first') {
    if (first) throw new AppError('EVALUATION_ALREADY_EXISTS', {}, { round: 'rule.evaluation_first_taken' });
    return;
  }
  if (!first)
    throw new AppError('EVALUATION_FOLLOWUP_WITHOUT_FIRST', {}, { round: 'rule.evaluation_no_first' });
  if (prior.some((p) => p.round === 'followup')) throw new AppError('EVALUATION_LIMIT_REACHED');
  if (now.getTime() > first.at.getTime() + policy.followUpWithinDays * DAY_MS) {
    throw new AppError('EVALUATION_FOLLOWUP_EXPIRED', { days: policy.followUpWithinDays });
  }
}

/** The round an evaluation without an explicit round takes: first if none yet, else the follow-up. */
export const nextRound = (prior: readonly PriorEvaluation[]): EvaluationRound =>
  prior.some((p) => p.round === 'first') ? 'followup' : 'first';

/**
 * The default-rating rule (广东 2019: 7 个自然日内未评价 ⇒ 默认评价): `afterDays` natural days after the
 * service ended (办结 or 送达), counted instant to instant; no default when the rule is off or any
 * evaluation exists.
 */
export function defaultRatingDueAt(endedAt: Date, policy: Pick<EvaluationPolicy, 'defaultRating'>): Date {
  return new Date(endedAt.getTime() + policy.defaultRating.afterDays * DAY_MS);
}

export function shouldApplyDefault(input: {
  policy: Pick<EvaluationPolicy, 'defaultRating'>;
  endedAt: Date;
  hasEvaluation: boolean;
  now: Date;
}): boolean {
  if (!input.policy.defaultRating.enabled || input.hasEvaluation) return false;
  return input.now.getTime() >= defaultRatingDueAt(input.endedAt, input.policy).getTime();
}

/**
 * 回访抽样: every 差评 is called; of the rest, a deterministic `percent` % chosen by a hash of the
 * case id, so the sample is reproducible (an auditor re-running it gets the same list) and cannot be
 * steered by staff choosing whom to call.
 */
export function isSampled(key: string, percent: number, level?: SatisfactionLevel | null): boolean {
  if (level && isBadReview(level)) return true;
  if (percent <= 0) return false;
  if (percent >= 100) return true;
  return fnv1a(key) % 10_000 < Math.round(percent * 100);
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export type LevelCounts = Readonly<Record<SatisfactionLevel, number>>;

export const emptyCounts = (): Record<SatisfactionLevel, number> => ({
  very_satisfied: 0,
  satisfied: 0,
  basic: 0,
  dissatisfied: 0,
  very_dissatisfied: 0,
});

export interface Rates {
  total: number;
  good: number;
  bad: number;
  /** 满意率 = (非常满意 + 满意 + 基本满意) / valid evaluations; null when there are none. */
  satisfactionRate: number | null;
  /** 差评率 = (不满意 + 非常不满意) / valid evaluations. */
  badRate: number | null;
  /** Mean of the 5…1 scores. */
  averageScore: number | null;
}

/**
 * The rates of a set of valid evaluations. "Valid" is decided before counting: evaluations excluded
 * by an accepted appeal (申诉复核) never count, default ratings only when the policy says so.
 */
export function rates(counts: LevelCounts): Rates {
  let total = 0;
  let bad = 0;
  let score = 0;
  for (const l of satisfactionLevels) {
    const n = counts[l];
    total += n;
    if (isBadReview(l)) bad += n;
    score += n * levelScore(l);
  }
  if (total === 0)
    return { total: 0, good: 0, bad: 0, satisfactionRate: null, badRate: null, averageScore: null };
  return {
    total,
    good: total - bad,
    bad,
    satisfactionRate: (total - bad) / total,
    badRate: bad / total,
    averageScore: score / total,
  };
}

/** The statistics month of an instant, in the center's civil time (UTC+8): 'YYYY-MM'. */
export const monthOf = (at: Date): string => civilDateOfInstant(at.getTime()).slice(0, 7);
