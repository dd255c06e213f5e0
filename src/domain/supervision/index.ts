export * from './supervision.types';
export { evaluateCase, effectiveRules, caseClock, type EvaluateInput } from './evaluate';
export { assertRuleValid, ruleIssues, comparePoints, pointPosition, type RuleIssue } from './rule-validate';
export { ruleLabels, levelLabels, type Label } from './supervision.labels';
export { showInstant } from './explain';
export { findingKey } from './eval-context';
export { clockFigures, type ClockFigures } from './clock-figures';
