export * from './case-states';
export { transition, allowedActions, newCaseSnapshot } from './case-transitions';
export { roleMayPerform, rolesFor } from './case-roles';
export { checkFee, assertFee, fenToYuan, type FeeInput, type FeeCheck } from './case-fees';
