import { describe, expect, it } from 'vitest';
import { ItemCode, ItemContent } from '../../shared/contracts/catalog';
import { itemContentIssues, limitWithin } from '../../shared/contracts/catalog-rules';
import { issueMessage } from '../../shared/errors/zod-messages';
import { sampleContent } from './catalog.fixtures';

const rules = (over: Parameters<typeof sampleContent>[0]) =>
  itemContentIssues(sampleContent(over)).map((i) => `${i.path.join('.')}:${i.rule}`);

describe('promised limit ≤ legal limit', () => {
  it('accepts a promised limit equal to the legal one and refuses a longer one', () => {
    expect(limitWithin({ amount: 20, unit: 'workday' }, { amount: 20, unit: 'workday' })).toBe('ok');
    expect(limitWithin({ amount: 21, unit: 'workday' }, { amount: 20, unit: 'workday' })).toBe('exceeds');
  });

  it('compares natural days against working days safely (N natural days end before N working days)', () => {
    expect(limitWithin({ amount: 20, unit: 'day' }, { amount: 20, unit: 'workday' })).toBe('ok');
    expect(limitWithin({ amount: 21, unit: 'day' }, { amount: 20, unit: 'workday' })).toBe('exceeds');
  });

  it('refuses working days against natural days, and hours against days, as incomparable', () => {
    expect(limitWithin({ amount: 5, unit: 'workday' }, { amount: 30, unit: 'day' })).toBe('incomparable');
    expect(limitWithin({ amount: 4, unit: 'workhour' }, { amount: 1, unit: 'workday' })).toBe('incomparable');
  });

  it('an immediate item (0) is within any limit', () => {
    expect(limitWithin({ amount: 0, unit: 'workday' }, { amount: 3, unit: 'day' })).toBe('ok');
  });

  it('reports the rule on the promised amount, in both languages', () => {
    const r = ItemContent.safeParse(sampleContent({ promisedLimit: { amount: 25, unit: 'workday' } }));
    expect(r.success).toBe(false);
    const issue = r.error!.issues.find((i) => i.path.join('.') === 'promisedLimit.amount')!;
    expect(issueMessage(issue, 'zh-CN')).toBe('承诺时限不能超过法定时限');
    expect(issueMessage(issue, 'en')).toBe('the promised limit must not exceed the legal limit');
  });

  it('an unknown unit is refused with the list of units', () => {
    const r = ItemContent.safeParse({ ...sampleContent(), promisedLimit: { amount: 5, unit: 'week' } });
    const issue = r.error!.issues.find((i) => i.path.join('.') === 'promisedLimit.unit')!;
    expect(issueMessage(issue, 'zh-CN')).toBe('只能是：workday、day、workhour');
  });
});

describe('case type and limit', () => {
  it('an immediate item promises 0 and a promised item at least 1', () => {
    expect(rules({ caseType: 'immediate' })).toContain('promisedLimit.amount:rule.immediate_zero_limit');
    const zero = { amount: 0, unit: 'workday' } as const;
    expect(
      rules({ promisedLimit: zero, steps: [{ key: 's1', name: '受理', role: 'officer', limit: zero }] }),
    ).toContain('promisedLimit.amount:rule.promised_needs_limit');
  });
});

describe('visits', () => {
  it('visits > 0 need a reason', () => {
    expect(rules({ visitsRequired: 2, visitsReason: ' ', handlingModes: ['online'] })).toContain(
      'visitsReason:rule.visits_reason_required',
    );
    expect(rules({ visitsRequired: 0, visitsReason: '' })).toEqual([]);
  });

  it('不见面 means no visit and 跑一次 at most one', () => {
    expect(rules({ handlingModes: ['no_visit'], visitsRequired: 1 })).toContain(
      'visitsRequired:rule.no_visit_visits',
    );
    expect(rules({ handlingModes: ['one_visit'], visitsRequired: 2 })).toContain(
      'visitsRequired:rule.one_visit_visits',
    );
  });
});

describe('steps, materials, situations', () => {
  it('steps use the promised unit and fit in the promised limit', () => {
    const s = sampleContent().steps;
    expect(
      rules({
        steps: [...s, { key: 's4', name: '送达', role: 'officer', limit: { amount: 1, unit: 'workday' } }],
      }),
    ).toContain('steps:rule.steps_exceed_promised');
    expect(rules({ steps: [{ ...s[0]!, limit: { amount: 1, unit: 'day' } }] })).toContain(
      'steps.0.limit.unit:rule.step_unit',
    );
  });

  it('keys are unique and a material names an existing situation', () => {
    const m = sampleContent().materials;
    expect(rules({ materials: [m[0]!, { ...m[1]!, key: 'm1' }] })).toContain(
      'materials.1.key:rule.duplicate',
    );
    expect(rules({ materials: [{ ...m[1]!, situation: 'nobody' }] })).toContain(
      'materials.0.situation:rule.unknown_situation',
    );
  });

  it('the sample content is valid', () => {
    expect(ItemContent.safeParse(sampleContent()).success).toBe(true);
  });
});

describe('codes', () => {
  it('are opaque strings up to 50 characters without spaces', () => {
    expect(ItemCode.safeParse('11349901MB0312A08H010020001000001').success).toBe(true);
    expect(ItemCode.safeParse('XK-本地-001').success).toBe(true);
    expect(ItemCode.safeParse('a'.repeat(51)).success).toBe(false);
    expect(ItemCode.safeParse('01 002').success).toBe(false);
    expect(ItemCode.safeParse('').success).toBe(false);
  });
});
