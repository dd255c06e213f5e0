import { describe, expect, it } from 'vitest';
import { formatChangeField, formatChangeValue } from './change-format';

describe('history values in words', () => {
  it('reads limits, enumerations, named entries and lists', () => {
    expect(formatChangeValue({ amount: 20, unit: 'workday' }, 'zh-CN')).toBe('20 个工作日');
    expect(formatChangeValue({ amount: 0, unit: 'workday' }, 'en')).toBe('on the spot');
    expect(formatChangeValue('immediate', 'zh-CN', 'caseType')).toBe('即办件');
    expect(formatChangeValue(['online', 'nearby'], 'zh-CN', 'handlingModes')).toBe('网上办、就近办');
    expect(formatChangeValue({ key: 'm3', name: '经营场所证明' }, 'zh-CN', 'materials.m3')).toBe(
      '经营场所证明',
    );
    expect(formatChangeValue(null, 'zh-CN')).toBe('—');
  });

  it('names the fields', () => {
    expect(formatChangeField('promisedLimit', 'zh-CN')).toBe('承诺时限');
    expect(formatChangeField('materials.m3', 'en')).toBe('Material m3');
  });
});
