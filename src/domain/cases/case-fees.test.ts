import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import { assertFee, checkFee, fenToYuan } from './case-fees';

describe('checkFee', () => {
  it('a fee equal to the standard needs no reason', () => {
    expect(checkFee({ charged: 5000, standard: 5000 })).toEqual({ ok: true, mismatch: false });
  });

  it('a different fee needs a reason, even a lower one', () => {
    expect(checkFee({ charged: 4000, standard: 5000 })).toEqual({
      ok: false,
      error: 'CASE_FEE_REASON_REQUIRED',
    });
    expect(checkFee({ charged: 6000, standard: 5000, reason: '  ' })).toEqual({
      ok: false,
      error: 'CASE_FEE_REASON_REQUIRED',
    });
    expect(checkFee({ charged: 100, standard: 0, reason: null })).toEqual({
      ok: false,
      error: 'CASE_FEE_REASON_REQUIRED',
    });
  });

  it('with a reason the fee is accepted but still marked as a mismatch for supervision', () => {
    expect(checkFee({ charged: 2500, standard: 5000, reason: '小微企业减半收取' })).toEqual({
      ok: true,
      mismatch: true,
    });
  });

  it('amounts are non-negative integer fen', () => {
    expect(() => checkFee({ charged: 12.5, standard: 1000 })).toThrow(AppError);
    expect(() => checkFee({ charged: 100, standard: -1 })).toThrow(AppError);
  });

  it('assertFee throws CASE_FEE_REASON_REQUIRED with the amounts in yuan', () => {
    try {
      assertFee({ charged: 12345, standard: 5 });
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('CASE_FEE_REASON_REQUIRED');
      expect((e as AppError).params).toEqual({ charged: '123.45', standard: '0.05' });
      expect((e as AppError).fields).toEqual({ feeReason: 'rule.required' });
    }
    expect(assertFee({ charged: 5, standard: 5 })).toEqual({ mismatch: false });
  });

  it('formats fen as yuan', () => {
    expect(fenToYuan(0)).toBe('0.00');
    expect(fenToYuan(100)).toBe('1.00');
    expect(fenToYuan(-250)).toBe('-2.50');
  });
});
