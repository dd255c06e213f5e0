import type { CalendarIndex } from '../calendar/calendar-index';
import { clockFigures, type ClockFigures } from './clock-figures';
import { evaluateDeadline, evaluateStep } from './eval-deadline';
import { evaluateFee, evaluateNegative } from './eval-decision';
import { evaluateAcceptanceLate, evaluateFiveDay, evaluateImmediate } from './eval-intake';
import { evaluatePauseNoResult, evaluatePauseOverrun } from './eval-pauses';
import { Collector, isInProcess, type EvalContext } from './eval-context';
import type { Evaluation, Rule, RuleCode, RuleSet, SupervisedCase } from './supervision.types';

/**
 * Evaluate every enabled rule on one case at `now` (pure). Returns the findings that hold now and
 * the next instant at which one could appear without the case changing, so the sweep can leave the
 * case alone until then (incremental sweeping).
 *
 * `live` findings exist only while their situation lasts (see Finding.persistence); the sweep clears
 * the card of a live finding that is no longer returned.
 */
export interface EvaluateInput {
  kase: SupervisedCase;
  rules: RuleSet;
  now: Date;
  calendar: CalendarIndex;
  /** Keys (findingKey) of the case's open cards: those findings come back without their text. */
  known?: ReadonlySet<string> | null;
}

type Evaluator<C extends RuleCode> = (ctx: EvalContext, rule: Rule<C>, out: Collector) => void;

const evaluators: { [C in RuleCode]: Evaluator<C> } = {
  deadline: evaluateDeadline,
  step_overdue: evaluateStep,
  pause_overrun: evaluatePauseOverrun,
  pause_no_result: evaluatePauseNoResult,
  five_day: evaluateFiveDay,
  negative_unreported: evaluateNegative,
  fee_mismatch: evaluateFee,
  acceptance_late: evaluateAcceptanceLate,
  immediate_not_same_day: evaluateImmediate,
};

/** The promised-limit clock of the case, stopped at conclusion; null before acceptance or without a limit. */
export function caseClock(kase: SupervisedCase, now: Date, calendar: CalendarIndex): ClockFigures | null {
  if (!kase.acceptedAt || !kase.limit) return null;
  const stopped = !isInProcess(kase.status);
  if (stopped && !kase.concludedAt) return null;
  return clockFigures({
    start: kase.acceptedAt,
    limit: kase.limit,
    pauses: kase.pauses.map((p) => ({ from: p.from, to: p.to, kind: p.kind })),
    extensions: kase.extensions,
    stoppedAt: stopped ? kase.concludedAt : null,
    now,
    calendar,
  });
}

export function evaluateCase(input: EvaluateInput): Evaluation {
  const { kase, rules, now, calendar } = input;
  const nowMs = now.getTime();
  const ctx: EvalContext = {
    kase,
    now,
    nowMs,
    calendar,
    clock: caseClock(kase, now, calendar),
    extensionWorkingDays: kase.extensions.reduce((s, e) => s + e.amount, 0),
  };
  const out = new Collector(input.known ?? null);
  for (const code of Object.keys(evaluators) as RuleCode[]) {
    const rule = rules[code];
    if (!rule || !rule.enabled) continue;
    (evaluators[code] as Evaluator<RuleCode>)(ctx, rule, out);
  }
  // A re-check is only useful in the future; one computed at or before now (float edge) waits a minute.
  const next = out.next === null ? null : out.next > nowMs ? out.next : nowMs + 60_000;
  return { findings: out.findings, kept: out.kept, nextCheckAt: next === null ? null : new Date(next) };
}

/**
 * The rules that apply to a case of one item: the center's rules, each replaced whole by the item's
 * override when there is one (an override carries all the thresholds of its rule).
 */
export function effectiveRules(center: readonly Rule[], itemOverrides: readonly Rule[]): RuleSet {
  const set: Partial<Record<RuleCode, Rule>> = {};
  for (const r of center) set[r.code] = r;
  for (const r of itemOverrides) set[r.code] = r;
  return set as RuleSet;
}
