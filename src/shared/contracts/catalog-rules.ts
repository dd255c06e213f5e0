/**
 * Rules across the fields of an item version, pure and shared: the server enforces them (through the
 * zod contract) and the web app shows the same messages. Each rule yields a rule key of
 * `src/shared/errors/zod-messages.ts` and the path of the offending field.
 */

type Unit = 'workday' | 'day' | 'workhour';
interface Limit {
  amount: number;
  unit: Unit;
}

export interface ContentForRules {
  caseType: 'immediate' | 'promised';
  legalLimit: Limit;
  promisedLimit: Limit;
  handlingModes: readonly string[];
  acceptLevels: readonly string[];
  visitsRequired: number;
  visitsReason?: string | undefined;
  steps: readonly { key: string; limit: Limit }[];
  materials: readonly { key: string; situation?: string | null | undefined }[];
  situations?: readonly { code: string }[] | undefined;
}

export interface RuleIssue {
  path: (string | number)[];
  rule: string;
}

/**
 * Is the promised limit within the legal one (承诺时限 ≤ 法定时限)? Units never mix silently:
 *  - same unit: compare the amounts;
 *  - promised in natural days, legal in working days: N natural days end no later than N working
 *    days (every working day is a natural day), so N ≤ M is a safe comparison;
 *  - a promised limit of 0 (即办件, decided on the day of acceptance) is within any limit;
 *  - any other pair (working days against natural days, hours against days) depends on the calendar
 *    and the center's working hours, so it is refused as incomparable: use the same unit.
 */
export function limitWithin(promised: Limit, legal: Limit): 'ok' | 'exceeds' | 'incomparable' {
  if (promised.amount === 0) return 'ok';
  if (promised.unit === legal.unit || (promised.unit === 'day' && legal.unit === 'workday')) {
    return promised.amount <= legal.amount ? 'ok' : 'exceeds';
  }
  return 'incomparable';
}

function duplicates<T>(
  list: readonly T[],
  keyOf: (x: T) => string,
  path: string,
  field: string,
): RuleIssue[] {
  const seen = new Set<string>();
  const out: RuleIssue[] = [];
  list.forEach((x, i) => {
    const k = keyOf(x);
    if (seen.has(k))
      out.push({
        path: field ? [path, i, field] : [path, i],
        rule: 'rule.duplicate',
      });
    seen.add(k);
  });
  return out;
}

export function itemContentIssues(c: ContentForRules): RuleIssue[] {
  const issues: RuleIssue[] = [];
  const within = limitWithin(c.promisedLimit, c.legalLimit);
  if (within === 'exceeds')
    issues.push({ path: ['promisedLimit', 'amount'], rule: 'rule.promised_exceeds_legal' });
  if (within === 'incomparable')
    issues.push({ path: ['promisedLimit', 'unit'], rule: 'rule.limit_units_incomparable' });

  // 即办件 are decided on the day of acceptance (the acceptance day is not counted, so 0 = same day);
  // a 承诺件 promises at least one unit, otherwise it is an 即办件.
  if (c.caseType === 'immediate' && c.promisedLimit.amount !== 0) {
    issues.push({ path: ['promisedLimit', 'amount'], rule: 'rule.immediate_zero_limit' });
  }
  if (c.caseType === 'promised' && c.promisedLimit.amount === 0) {
    issues.push({ path: ['promisedLimit', 'amount'], rule: 'rule.promised_needs_limit' });
  }

  if (c.visitsRequired > 0 && !c.visitsReason?.trim())
    issues.push({ path: ['visitsReason'], rule: 'rule.visits_reason_required' });
  // 不见面 means zero visits; 跑一次 (最多跑一次) means at most one.
  if (c.handlingModes.includes('no_visit') && c.visitsRequired > 0)
    issues.push({ path: ['visitsRequired'], rule: 'rule.no_visit_visits' });
  if (c.handlingModes.includes('one_visit') && c.visitsRequired > 1)
    issues.push({ path: ['visitsRequired'], rule: 'rule.one_visit_visits' });
  issues.push(...duplicates(c.handlingModes, (m) => m, 'handlingModes', ''));
  issues.push(...duplicates(c.acceptLevels, (m) => m, 'acceptLevels', ''));

  // The procedure steps are what the case clock executes: same unit as the promised limit, and
  // together within it.
  if (c.promisedLimit.amount > 0) {
    let sum = 0;
    c.steps.forEach((s, i) => {
      if (s.limit.unit !== c.promisedLimit.unit)
        issues.push({ path: ['steps', i, 'limit', 'unit'], rule: 'rule.step_unit' });
      else sum += s.limit.amount;
    });
    if (sum > c.promisedLimit.amount) issues.push({ path: ['steps'], rule: 'rule.steps_exceed_promised' });
  } else {
    c.steps.forEach((s, i) => {
      if (s.limit.amount !== 0)
        issues.push({ path: ['steps', i, 'limit', 'amount'], rule: 'rule.steps_exceed_promised' });
    });
  }
  issues.push(...duplicates(c.steps, (s) => s.key, 'steps', 'key'));
  issues.push(...duplicates(c.materials, (m) => m.key, 'materials', 'key'));
  const situations = c.situations ?? [];
  issues.push(...duplicates(situations, (s) => s.code, 'situations', 'code'));
  const codes = new Set(situations.map((s) => s.code));
  c.materials.forEach((m, i) => {
    if (m.situation && !codes.has(m.situation))
      issues.push({ path: ['materials', i, 'situation'], rule: 'rule.unknown_situation' });
  });
  return issues;
}
