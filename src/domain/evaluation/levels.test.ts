import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../errors';
import {
  channelNationalCode,
  indicatorsForChannel,
  isBadReview,
  levelFromCode,
  levelScore,
  levelToCode,
  satisfactionLevels,
  type LevelCodeSystem,
} from './levels';

describe('satisfaction codes differ between standards (domain.md rule 5)', () => {
  it('GB/T 39046 A.8 codes 1 = 非常满意 … 5 = 非常不满意', () => {
    expect(satisfactionLevels.map((l) => levelToCode(l, 'gbt39046'))).toEqual([1, 2, 3, 4, 5]);
    expect(levelFromCode(1, 'gbt39046')).toBe('very_satisfied');
    expect(levelFromCode('5', 'gbt39046')).toBe('very_dissatisfied');
  });

  it('the provincial interface codes 1 = 非常不满意 … 5 = 非常满意', () => {
    expect(satisfactionLevels.map((l) => levelToCode(l, 'provincial'))).toEqual([5, 4, 3, 2, 1]);
    expect(levelFromCode(1, 'provincial')).toBe('very_dissatisfied');
    expect(levelFromCode(5, 'provincial')).toBe('very_satisfied');
  });

  it('the same code means opposite levels in the two systems, except 3 = 基本满意', () => {
    expect(levelFromCode(1, 'gbt39046')).not.toBe(levelFromCode(1, 'provincial'));
    expect(levelFromCode(3, 'gbt39046')).toBe('basic');
    expect(levelFromCode(3, 'provincial')).toBe('basic');
  });

  it('mapping to a code and back is the identity in both systems, and converting between them reverses', () => {
    const system = fc.constantFrom<LevelCodeSystem>('gbt39046', 'provincial');
    fc.assert(
      fc.property(fc.constantFrom(...satisfactionLevels), system, (level, sys) => {
        expect(levelFromCode(levelToCode(level, sys), sys)).toBe(level);
        expect(levelToCode(level, 'gbt39046') + levelToCode(level, 'provincial')).toBe(6);
      }),
    );
  });

  it.each([0, 6, -1, 2.5, 'x', '', '1a'])('refuses the unknown code %j, never guesses', (code) => {
    let err: unknown;
    try {
      levelFromCode(code, 'gbt39046');
    } catch (e) {
      err = e;
    }
    expect(isAppError(err) && err.code).toBe('EVALUATION_LEVEL_CODE_UNKNOWN');
  });
});

describe('levels', () => {
  it('差评 is exactly the bottom two levels', () => {
    expect(satisfactionLevels.filter(isBadReview)).toEqual(['dissatisfied', 'very_dissatisfied']);
  });

  it('scores run 5 (非常满意) to 1 (非常不满意)', () => {
    expect(satisfactionLevels.map(levelScore)).toEqual([5, 4, 3, 2, 1]);
  });

  it('the evaluator tablet asks the offline indicators, the web the online ones', () => {
    expect(indicatorsForChannel('window_device')).toContain('service_attitude');
    expect(indicatorsForChannel('web')).toContain('platform_usability');
  });

  it('channels map to the national pf codes (4 = 政务大厅平板电脑)', () => {
    expect(channelNationalCode.window_device).toBe(4);
    expect(channelNationalCode.qr).toBe(3);
    expect(channelNationalCode.web).toBe(1);
  });
});
