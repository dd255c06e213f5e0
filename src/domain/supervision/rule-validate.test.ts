import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { assertRuleValid, comparePoints, ruleIssues } from './rule-validate';
import { rule } from './supervision.fixtures';
import { ruleCodes, type Rule, type RuleCode } from './supervision.types';

function appError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

describe('deadline thresholds that contradict each other are refused, naming the field', () => {
  it('a red card before (or with) the yellow card', () => {
    const r = rule('deadline', { yellow: { ref: 'due', value: 0 }, red: { ref: 'due', value: -1 } });
    const e = appError(() => assertRuleValid(r));
    expect(e.code).toBe('SUPERVISION_RULE_CONTRADICTION');
    expect(e.fields).toEqual({ 'thresholds.red.value': 'rule.supervision_red_not_after_yellow' });
    const same = rule('deadline', { yellow: { ref: 'percent', value: 100 }, red: { ref: 'due', value: 0 } });
    expect(ruleIssues(same).map((i) => i.path)).toEqual(['thresholds.red.value']);
  });

  it('a warning at or after the yellow card', () => {
    const r = rule('deadline', {
      warning: { ref: 'percent', value: 95 },
      yellow: { ref: 'percent', value: 90 },
    });
    expect(appError(() => assertRuleValid(r)).fields).toEqual({
      'thresholds.warning.value': 'rule.supervision_warning_not_before_yellow',
    });
    const afterDue = rule('deadline', { warning: { ref: 'due', value: 1 } });
    expect(ruleIssues(afterDue)[0]!.path).toBe('thresholds.warning.value');
  });

  it('a mix of % and working days is decided only with the item limit', () => {
    const mixed = rule('deadline', {
      warning: { ref: 'percent', value: 80 },
      yellow: { ref: 'due', value: -1 },
    });
    expect(ruleIssues(mixed)).toEqual([]);
    expect(ruleIssues(mixed, { limit: { amount: 10, unit: 'workday' } })).toEqual([]);
    expect(ruleIssues(mixed, { limit: { amount: 3, unit: 'workday' } })[0]).toMatchObject({
      path: 'thresholds.warning.value',
      kind: 'contradiction',
    });
    const tooEarly = rule('deadline', { warning: { ref: 'due', value: -5 } });
    expect(ruleIssues(tooEarly, { limit: { amount: 5, unit: 'workday' } })[0]!.rule).toBe(
      'rule.supervision_warning_before_start',
    );
  });

  it('comparePoints knows the sides of the due without a limit', () => {
    expect(comparePoints({ ref: 'percent', value: 90 }, { ref: 'due', value: 0 }, null)).toBeLessThan(0);
    expect(comparePoints({ ref: 'percent', value: 100 }, { ref: 'due', value: 0 }, null)).toBe(0);
    expect(comparePoints({ ref: 'percent', value: 120 }, { ref: 'due', value: 2 }, null)).toBeNull();
    expect(comparePoints({ ref: 'percent', value: 120 }, { ref: 'due', value: 2 }, 5)).toBe(-1);
  });

  it('values out of range are VALIDATION_FAILED with the field', () => {
    const r = rule('deadline', { yellow: { ref: 'yellow', value: 1 }, red: { ref: 'yellow', value: 0 } });
    const e = appError(() => assertRuleValid(r));
    expect(e.code).toBe('VALIDATION_FAILED');
    expect(e.fields).toEqual({
      'thresholds.yellow.ref': 'rule.supervision_yellow_ref',
      'thresholds.red.value': 'rule.supervision_point_yellow',
    });
  });

  it('the default rule set is valid', () => {
    for (const code of ruleCodes) expect(ruleIssues(rule<RuleCode>(code))).toEqual([]);
  });
});

describe('other rules', () => {
  it('the 5-day watchdog cannot be longer than the law allows nor warn after its end', () => {
    expect(ruleIssues(rule('five_day', { limitWorkdays: 8 }))[0]).toMatchObject({
      path: 'thresholds.limitWorkdays',
      rule: 'rule.supervision_five_day_legal',
    });
    expect(
      appError(() => assertRuleValid(rule('five_day', { limitWorkdays: 3, warnBeforeWorkdays: 3 }))).fields,
    ).toEqual({
      'thresholds.warnBeforeWorkdays': 'rule.supervision_warning_not_before_limit',
    });
    const sameLevel: Rule = { ...rule('five_day'), level: 'warning' };
    expect(ruleIssues(sameLevel)[0]!.path).toBe('level');
  });

  it('negative and fractional numbers are refused', () => {
    expect(ruleIssues(rule('pause_overrun', { maxWorkdays: 0 }))[0]!.path).toBe('thresholds.maxWorkdays');
    expect(ruleIssues(rule('acceptance_late', { maxMinutes: 2.5 }))[0]!.path).toBe('thresholds.maxMinutes');
    expect(ruleIssues(rule('fee_mismatch', { toleranceFen: -1 }))[0]!.path).toBe('thresholds.toleranceFen');
  });
});
