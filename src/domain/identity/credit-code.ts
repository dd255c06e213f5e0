import { AppError } from '../errors';

/**
 * 统一社会信用代码 (GB 32100-2015): 18 characters from a 31-character set (digits and capitals
 * without I, O, S, V, Z): registration authority (1), organisation category (1), administrative
 * region code (6 digits), the organisation code of GB 11714 (9), and a check character.
 *
 * Checked: the character set, the 6 region digits and the check character. Not checked: the
 * authority/category pair and the embedded GB 11714 check digit, because lists and practice vary
 * (e.g. codes re-issued to 个体工商户) and rejecting a real enterprise at the window is worse than
 * letting a typo through to the registry lookup; the check character catches every single typo.
 */

export type CreditCodeProblem = 'credit_code.format' | 'credit_code.region' | 'credit_code.check_char';

export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
/** 3^i mod 31 for positions i = 0…16. */
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;

const FORMAT = /^[0-9A-HJ-NP-RTUWXY]{18}$/;

export function normalizeCreditCode(value: string): string {
  return value.trim().toUpperCase();
}

/** The check character of a 17-character body. Throws when the body has characters outside the set. */
export function creditCodeCheckChar(body17: string): string {
  if (body17.length !== 17) throw new RangeError('a credit code body is 17 characters');
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const n = CREDIT_CODE_CHARSET.indexOf(body17[i]!);
    if (n < 0) throw new RangeError(`not a credit code character: ${body17[i]}`);
    sum += n * WEIGHTS[i]!;
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31]!;
}

/** null when valid, else the first problem found. */
export function creditCodeProblem(value: string): CreditCodeProblem | null {
  const v = normalizeCreditCode(value);
  if (!FORMAT.test(v)) return 'credit_code.format';
  if (!/^\d{6}$/.test(v.slice(2, 8))) return 'credit_code.region';
  if (creditCodeCheckChar(v.slice(0, 17)) !== v[17]) return 'credit_code.check_char';
  return null;
}

/** For zod: `z.string().refine(isValidCreditCode, 'rule.credit_code')`. */
export function isValidCreditCode(value: string): boolean {
  return creditCodeProblem(value) === null;
}

/** For services: throws INVALID_CREDIT_CODE naming `field`. */
export function assertCreditCode(value: string, field = 'creditCode'): void {
  const problem = creditCodeProblem(value);
  if (problem)
    throw new AppError('INVALID_CREDIT_CODE', { reason: problem }, { [field]: 'rule.credit_code' });
}
