import { AppError } from '../errors';
import type { Limit } from '../clock/clock.types';
import { ruleLabels } from './supervision.labels';
import {
  levels,
  ruleCodes,
  type DeadlinePoint,
  type Rule,
  type RuleCode,
  type RuleThresholds,
} from './supervision.types';

/**
 * Validation of a rule's thresholds, in two kinds:
 *  - `range`: a value outside what the rule allows (a point 200 working days after the due, a
 *    5-day watchdog of 8 days, which 行政许可法 第32条 does not allow);
 *  - `contradiction`: values that contradict each other — a warning at or after the yellow card,
 *    a red card at or before the yellow one. Every issue names the field, so the rules editor marks it.
 *
 * The deadline points mix working days and percentages. Two points are compared without knowing the
 * limit when the answer does not depend on it (both in working days, both in %, or one before the due
 * and the other at/after it). A center-wide mix such as "warning at 80 %, yellow 1 working day before
 * the due" is accepted (it depends on the item's limit) and checked again, with the limit, when an item
 * overrides the rule; at evaluation time a point that falls out of order is skipped (see evaluate.ts).
 */

export interface RuleIssue {
  path: string;
  rule: string;
  kind: 'range' | 'contradiction';
}

const DUE_OFFSET_MAX = 60;
const PERCENT_MAX = 300;
const FIVE_DAY_LEGAL = 5;

const isInt = (x: unknown, min: number, max: number): x is number =>
  typeof x === 'number' && Number.isInteger(x) && x >= min && x <= max;

function pointRange(p: DeadlinePoint, path: string, allowYellowRef: boolean, out: RuleIssue[]): boolean {
  if (p.ref === 'yellow' && !allowYellowRef) {
    out.push({ path: `${path}.ref`, rule: 'rule.supervision_yellow_ref', kind: 'range' });
    return false;
  }
  const ok =
    p.ref === 'due'
      ? isInt(p.value, -DUE_OFFSET_MAX, DUE_OFFSET_MAX)
      : p.ref === 'percent'
        ? isInt(p.value, 1, PERCENT_MAX)
        : isInt(p.value, 1, DUE_OFFSET_MAX);
  if (!ok) out.push({ path: `${path}.value`, rule: `rule.supervision_point_${p.ref}`, kind: 'range' });
  return ok;
}

/** Which side of the due a point lies on: −1 before, 0 at, 1 after. */
const side = (p: DeadlinePoint): number => Math.sign(p.ref === 'due' ? p.value : p.value - 100);

/** Working days of a limit, when it can be known in working days; else null. */
export function limitWorkdays(limit: Limit | null | undefined): number | null {
  return limit && limit.unit === 'workday' ? limit.amount : null;
}

/** Position of a due/percent point on the axis of running working days, for a limit of `t` working days. */
export const pointPosition = (p: DeadlinePoint, t: number): number =>
  p.ref === 'due' ? t + p.value : (t * p.value) / 100;

/**
 * Compare two due/percent points: <0 when `a` comes first, 0 at the same place, >0 after; null when
 * the answer depends on the limit and it is not known.
 */
export function comparePoints(a: DeadlinePoint, b: DeadlinePoint, t: number | null): number | null {
  if (a.ref === b.ref) return a.value - b.value;
  if (t !== null) return pointPosition(a, t) - pointPosition(b, t);
  const sa = side(a);
  const sb = side(b);
  if (sa !== sb) return sa - sb;
  return sa === 0 ? 0 : null;
}

function deadlineIssues(th: RuleThresholds['deadline'], t: number | null, out: RuleIssue[]): void {
  const base = 'thresholds';
  const yellowOk = pointRange(th.yellow, `${base}.yellow`, false, out);
  const redOk = pointRange(th.red, `${base}.red`, true, out);
  const warningOk = th.warning === null || pointRange(th.warning, `${base}.warning`, false, out);
  if (th.warning && warningOk && yellowOk) {
    const c = comparePoints(th.warning, th.yellow, t);
    if (c !== null && c >= 0) {
      out.push({
        path: `${base}.warning.value`,
        rule: 'rule.supervision_warning_not_before_yellow',
        kind: 'contradiction',
      });
    } else if (t !== null && pointPosition(th.warning, t) <= 0) {
      out.push({
        path: `${base}.warning.value`,
        rule: 'rule.supervision_warning_before_start',
        kind: 'contradiction',
      });
    }
  }
  if (redOk && yellowOk && th.red.ref !== 'yellow') {
    const c = comparePoints(th.red, th.yellow, t);
    if (c !== null && c <= 0) {
      out.push({
        path: `${base}.red.value`,
        rule: 'rule.supervision_red_not_after_yellow',
        kind: 'contradiction',
      });
    }
  }
}

type Checker<C extends RuleCode> = (
  th: RuleThresholds[C],
  rule: Rule<C>,
  t: number | null,
  out: RuleIssue[],
) => void;

const range = (out: RuleIssue[], ok: boolean, field: string, rule: string) => {
  if (!ok) out.push({ path: `thresholds.${field}`, rule, kind: 'range' });
};

const checkers: { [C in RuleCode]: Checker<C> } = {
  deadline: (th, _r, t, out) => deadlineIssues(th, t, out),
  step_overdue: (th, _r, _t, out) =>
    range(out, isInt(th.graceWorkdays, 0, 60), 'graceWorkdays', 'rule.supervision_workdays_0_60'),
  pause_overrun: (th, _r, _t, out) => {
    range(out, isInt(th.graceWorkdays, 0, 60), 'graceWorkdays', 'rule.supervision_workdays_0_60');
    range(out, isInt(th.maxWorkdays, 1, 1000), 'maxWorkdays', 'rule.supervision_workdays_1_1000');
  },
  pause_no_result: () => {},
  five_day: (th, r, _t, out) => {
    // 行政许可法 第32条: five working days is the most the law allows; a center may be stricter.
    range(
      out,
      isInt(th.limitWorkdays, 1, FIVE_DAY_LEGAL),
      'limitWorkdays',
      'rule.supervision_five_day_legal',
    );
    range(out, isInt(th.warnBeforeWorkdays, 0, 4), 'warnBeforeWorkdays', 'rule.supervision_workdays_0_4');
    if (isInt(th.limitWorkdays, 1, FIVE_DAY_LEGAL) && th.warnBeforeWorkdays >= th.limitWorkdays) {
      out.push({
        path: 'thresholds.warnBeforeWorkdays',
        rule: 'rule.supervision_warning_not_before_limit',
        kind: 'contradiction',
      });
    }
    if (th.warnBeforeWorkdays > 0 && r.level === 'warning') {
      out.push({ path: 'level', rule: 'rule.supervision_level_above_warning', kind: 'contradiction' });
    }
  },
  negative_unreported: (th, _r, _t, out) =>
    range(
      out,
      isInt(th.reportWithinWorkdays, 0, 10),
      'reportWithinWorkdays',
      'rule.supervision_workdays_0_10',
    ),
  fee_mismatch: (th, _r, _t, out) =>
    range(out, isInt(th.toleranceFen, 0, 100_000_000), 'toleranceFen', 'rule.supervision_fen'),
  acceptance_late: (th, _r, _t, out) =>
    range(out, isInt(th.maxMinutes, 1, 1440), 'maxMinutes', 'rule.supervision_minutes_1_1440'),
  immediate_not_same_day: (th, _r, _t, out) =>
    range(out, isInt(th.graceMinutes, 0, 600), 'graceMinutes', 'rule.supervision_minutes_0_600'),
};

/**
 * Every issue of a rule. `limit` is the item's promised limit when the rule is an item override, so
 * the percent/working-day mixes can be checked exactly.
 */
export function ruleIssues(rule: Rule, opts: { limit?: Limit | null } = {}): RuleIssue[] {
  const out: RuleIssue[] = [];
  if (!(ruleCodes as readonly string[]).includes(rule.code)) {
    return [{ path: 'code', rule: 'rule.supervision_rule_code', kind: 'range' }];
  }
  if (!(levels as readonly string[]).includes(rule.level))
    out.push({ path: 'level', rule: 'rule.supervision_level', kind: 'range' });
  const check = checkers[rule.code] as Checker<RuleCode>;
  check(rule.thresholds, rule, limitWorkdays(opts.limit), out);
  return out;
}

/**
 * Throw when a rule cannot be saved: VALIDATION_FAILED for values out of range, else
 * SUPERVISION_RULE_CONTRADICTION for thresholds that contradict each other; `fields` name them all.
 */
export function assertRuleValid(rule: Rule, opts: { limit?: Limit | null } = {}): void {
  const issues = ruleIssues(rule, opts);
  if (issues.length === 0) return;
  const fields = Object.fromEntries(issues.map((i) => [i.path, i.rule]));
  if (issues.some((i) => i.kind === 'range')) throw new AppError('VALIDATION_FAILED', {}, fields);
  const label = ruleLabels[rule.code];
  throw new AppError(
    'SUPERVISION_RULE_CONTRADICTION',
    { rule: rule.code, ruleZh: label.zh, ruleEn: label.en },
    fields,
  );
}
