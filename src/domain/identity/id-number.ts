import { AppError } from '../errors';

/**
 * 居民身份证号码 (GB 11643-1999): 6-digit address code, 8-digit birth date YYYYMMDD, 3-digit
 * sequence (odd = male), and a check character computed with ISO 7064 MOD 11-2.
 * Only the 18-character form is accepted; 15-digit numbers were replaced by 2013. Birth years from
 * 1850 pass (the standard's own example, 440524188001010014, was born in 1880).
 */

/** Why a value is not a valid ID number; use as a reason key or log detail. */
export type IdNumberProblem =
  'id_number.format' | 'id_number.region' | 'id_number.birth_date' | 'id_number.check_digit';

/** ISO 7064 MOD 11-2 weights: 2^(17-i) mod 11 for positions i = 0…16. */
const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Check character for (sum of weighted digits) mod 11. */
const CHECK_CHARS = '10X98765432';

/**
 * Province-level codes of GB/T 2260 (first two digits), plus 71 台湾, 81 香港, 82 澳门 and 83 (residence
 * permits of Taiwan residents). Only the province is checked: the address code is the one at first
 * issue and stays valid after the county is renamed or merged, and residence permits use 810000,
 * 820000 and 830000, so no county list can be authoritative.
 */
const PROVINCES = new Set(
  `11 12 13 14 15 21 22 23 31 32 33 34 35 36 37 41 42 43 44 45 46
   50 51 52 53 54 61 62 63 64 65 71 81 82 83`.split(/\s+/),
);

/** Trimmed and with a lowercase x made uppercase; store ID numbers in this form. */
export function normalizeIdNumber(value: string): string {
  return value.trim().toUpperCase();
}

/** The check character of a 17-digit body. Throws on a body that is not 17 digits. */
export function idNumberCheckChar(body17: string): string {
  if (!/^\d{17}$/.test(body17)) throw new RangeError('an ID number body is 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(body17[i]) * WEIGHTS[i]!;
  return CHECK_CHARS[sum % 11]!;
}

function isRealDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  return d <= days;
}

export interface IdNumberOptions {
  /** Today as YYYY-MM-DD; when given, a birth date after it is rejected. Domain code takes no clock. */
  readonly today?: string;
}

/** null when valid, else the first problem found (format, region, birth date, check digit). */
export function idNumberProblem(value: string, opts: IdNumberOptions = {}): IdNumberProblem | null {
  const v = normalizeIdNumber(value);
  if (!/^\d{17}[\dX]$/.test(v)) return 'id_number.format';
  if (!PROVINCES.has(v.slice(0, 2)) || v.slice(0, 6) === '000000') return 'id_number.region';
  const y = Number(v.slice(6, 10));
  const m = Number(v.slice(10, 12));
  const d = Number(v.slice(12, 14));
  const birth = `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`;
  if (y < 1850 || !isRealDate(y, m, d) || (opts.today !== undefined && birth > opts.today))
    return 'id_number.birth_date';
  if (idNumberCheckChar(v.slice(0, 17)) !== v[17]) return 'id_number.check_digit';
  return null;
}

/** For zod: `z.string().refine((v) => isValidIdNumber(v), 'rule.id_number')`. */
export function isValidIdNumber(value: string, opts: IdNumberOptions = {}): boolean {
  return idNumberProblem(value, opts) === null;
}

export interface IdNumberFacts {
  readonly regionCode: string;
  /** YYYY-MM-DD */
  readonly birthDate: string;
  /** GB 11643: the 17th digit (sequence code) is odd for men, even for women. */
  readonly sex: 'male' | 'female';
}

/** What a valid ID number says about its holder, or null when it is not valid. */
export function parseIdNumber(value: string, opts: IdNumberOptions = {}): IdNumberFacts | null {
  if (!isValidIdNumber(value, opts)) return null;
  const v = normalizeIdNumber(value);
  return {
    regionCode: v.slice(0, 6),
    birthDate: `${v.slice(6, 10)}-${v.slice(10, 12)}-${v.slice(12, 14)}`,
    sex: Number(v[16]) % 2 === 1 ? 'male' : 'female',
  };
}

/** For services: throws INVALID_ID_NUMBER naming `field`. */
export function assertIdNumber(value: string, field = 'idNumber', opts: IdNumberOptions = {}): void {
  const problem = idNumberProblem(value, opts);
  if (problem) throw new AppError('INVALID_ID_NUMBER', { reason: problem }, { [field]: 'rule.id_number' });
}
