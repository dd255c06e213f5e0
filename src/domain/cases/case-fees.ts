import { AppError } from '../errors';

/**
 * A fee charged on a case is compared with the catalog's fee standard (收费标准, one of the
 * "八公开" of the guide). Any difference needs a written reason; e-supervision still sees the
 * mismatch (the "fee mismatch" rule) even when a reason is given.
 * Amounts are integer fen (分) so no rounding ever enters the comparison.
 */
export interface FeeInput {
  /** Amount charged, in fen. */
  readonly charged: number;
  /** The catalog standard, in fen; 0 for an item that charges nothing (不收费). */
  readonly standard: number;
  readonly reason?: string | null;
}

export type FeeCheck =
  | { readonly ok: true; readonly mismatch: boolean }
  | { readonly ok: false; readonly error: 'CASE_FEE_REASON_REQUIRED' };

function assertFen(value: number, field: string): void {
  if (!Number.isSafeInteger(value) || value < 0) throw new AppError('VALIDATION_FAILED', {}, { [field]: '' });
}

export function checkFee({ charged, standard, reason }: FeeInput): FeeCheck {
  assertFen(charged, 'charged');
  assertFen(standard, 'standard');
  if (charged === standard) return { ok: true, mismatch: false };
  if (reason == null || reason.trim() === '') return { ok: false, error: 'CASE_FEE_REASON_REQUIRED' };
  return { ok: true, mismatch: true };
}

/** Yuan with two decimals, for messages: 12345 fen → "123.45". */
export function fenToYuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** `checkFee` for services: throws CASE_FEE_REASON_REQUIRED (field `feeReason`) instead of returning it. */
export function assertFee(input: FeeInput): { mismatch: boolean } {
  const r = checkFee(input);
  if (!r.ok) {
    throw new AppError(
      'CASE_FEE_REASON_REQUIRED',
      { charged: fenToYuan(input.charged), standard: fenToYuan(input.standard) },
      { feeReason: 'rule.required' },
    );
  }
  return { mismatch: r.mismatch };
}
