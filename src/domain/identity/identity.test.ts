import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError } from '../errors';
import {
  CREDIT_CODE_CHARSET,
  assertCreditCode,
  assertIdNumber,
  creditCodeCheckChar,
  creditCodeProblem,
  idNumberCheckChar,
  idNumberProblem,
  isValidCreditCode,
  isValidIdNumber,
  isValidPhone,
  maskIdNumber,
  maskPhone,
  parseIdNumber,
  parseLandline,
  phoneKind,
} from './index';

const provinces = ['11', '12', '31', '33', '44', '50', '65', '81', '82', '83'];

/** A valid 17-digit body: province + 4 digits, a real birth date, a 3-digit sequence. */
const idBody = fc
  .tuple(
    fc.constantFrom(...provinces),
    fc.stringMatching(/^\d{4}$/),
    fc.date({
      min: new Date('1900-01-01T00:00:00Z'),
      max: new Date('2024-12-31T00:00:00Z'),
      noInvalidDate: true,
    }),
    fc.stringMatching(/^\d{3}$/),
  )
  .map(([p, r, d, seq]) => `${p}${r}${d.toISOString().slice(0, 10).replaceAll('-', '')}${seq}`);

const creditChar = fc.constantFrom(...CREDIT_CODE_CHARSET.split(''));
const creditBody = fc
  .tuple(
    fc.array(creditChar, { minLength: 2, maxLength: 2 }),
    fc.stringMatching(/^\d{6}$/),
    fc.array(creditChar, { minLength: 9, maxLength: 9 }),
  )
  .map(([head, region, org]) => `${head.join('')}${region}${org.join('')}`);

/** Replace the character at `i` with a different one from `alphabet`. */
function mutate(value: string, i: number, pick: number, alphabet: string): string {
  const others = alphabet.split('').filter((c) => c !== value[i]);
  return value.slice(0, i) + others[pick % others.length]! + value.slice(i + 1);
}

describe('resident ID numbers (GB 11643)', () => {
  it('accepts the examples of the standard, with an upper- or lowercase X', () => {
    expect(isValidIdNumber('11010519491231002X')).toBe(true);
    expect(isValidIdNumber('11010519491231002x')).toBe(true);
    expect(isValidIdNumber('440524188001010014')).toBe(true);
  });

  it('names the problem', () => {
    expect(idNumberProblem('1101051949123100')).toBe('id_number.format');
    expect(idNumberProblem('11010519491231002Y')).toBe('id_number.format');
    expect(idNumberProblem('990105194912310028')).toBe('id_number.region');
    expect(idNumberProblem('110105194902300021')).toBe('id_number.birth_date'); // 30 February
    expect(idNumberProblem('110105194912310021')).toBe('id_number.check_digit');
  });

  it('accepts 29 February only in leap years', () => {
    const leap = '11010520000229001';
    const notLeap = '11010519000229001'; // 1900 is not a leap year
    expect(isValidIdNumber(leap + idNumberCheckChar(leap))).toBe(true);
    expect(idNumberProblem(notLeap + idNumberCheckChar(notLeap))).toBe('id_number.birth_date');
  });

  it('rejects a birth date after today when today is given', () => {
    const body = '11010520300101001';
    const id = body + idNumberCheckChar(body);
    expect(isValidIdNumber(id)).toBe(true);
    expect(idNumberProblem(id, { today: '2026-03-01' })).toBe('id_number.birth_date');
  });

  it('reads the region, birth date and sex', () => {
    expect(parseIdNumber('11010519491231002X')).toEqual({
      regionCode: '110105',
      birthDate: '1949-12-31',
      sex: 'female',
    });
    expect(parseIdNumber('110105194912310021')).toBeNull();
  });

  it('a valid body with its computed check digit always validates', () => {
    fc.assert(fc.property(idBody, (body) => isValidIdNumber(body + idNumberCheckChar(body))));
  });

  it('changing any one character invalidates', () => {
    fc.assert(
      fc.property(idBody, fc.nat(17), fc.nat(), (body, i, pick) => {
        const id = body + idNumberCheckChar(body);
        const alphabet = i === 17 ? '0123456789X' : '0123456789';
        return !isValidIdNumber(mutate(id, i, pick, alphabet));
      }),
    );
  });

  it('assertIdNumber throws INVALID_ID_NUMBER on the named field', () => {
    expect(() => assertIdNumber('11010519491231002X')).not.toThrow();
    try {
      assertIdNumber('110105194912310021', 'applicant.idNumber');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('INVALID_ID_NUMBER');
      expect((e as AppError).fields).toEqual({ 'applicant.idNumber': 'rule.id_number' });
    }
  });
});

describe('unified social credit codes (GB 32100)', () => {
  it('accepts the example of the standard, in any case', () => {
    expect(isValidCreditCode('91350100M000100Y43')).toBe(true);
    expect(isValidCreditCode(' 91350100m000100y43 ')).toBe(true);
  });

  it('names the problem', () => {
    expect(creditCodeProblem('91350100M000100Y4')).toBe('credit_code.format');
    expect(creditCodeProblem('91350100M000100I43')).toBe('credit_code.format'); // I is not in the set
    expect(creditCodeProblem('9135A100M000100Y43')).toBe('credit_code.region');
    expect(creditCodeProblem('91350100M000100Y44')).toBe('credit_code.check_char');
  });

  it('a body with its computed check character always validates', () => {
    fc.assert(fc.property(creditBody, (body) => isValidCreditCode(body + creditCodeCheckChar(body))));
  });

  it('changing any one character invalidates', () => {
    fc.assert(
      fc.property(creditBody, fc.nat(17), fc.nat(), (body, i, pick) => {
        const code = body + creditCodeCheckChar(body);
        return !isValidCreditCode(mutate(code, i, pick, CREDIT_CODE_CHARSET));
      }),
    );
  });

  it('assertCreditCode throws INVALID_CREDIT_CODE', () => {
    expect(() => assertCreditCode('91350100M000100Y44')).toThrow(AppError);
    expect(() => assertCreditCode('91350100M000100Y43')).not.toThrow();
  });
});

describe('phone numbers', () => {
  it.each([
    ['13812345678', 'mobile'],
    ['+86 138 1234 5678', 'mobile'],
    ['19912345678', 'mobile'],
    ['010-62345678', 'landline'],
    ['02162345678', 'landline'],
    ['0571-8800123', 'landline'],
    ['0571-88001234-806', 'landline'],
    ['057188001234-806', 'landline'],
  ])('%s is a %s number', (value, kind) => {
    expect(phoneKind(value)).toBe(kind);
  });

  it.each(['12812345678', '1381234567', '138123456789', '010-1234567', '0571-0800123', '12345', 'abc'])(
    '%s is not a phone number',
    (value) => {
      expect(isValidPhone(value)).toBe(false);
    },
  );

  it('splits a landline into area code, subscriber and extension', () => {
    expect(parseLandline('057188001234-806')).toEqual({
      areaCode: '0571',
      subscriber: '88001234',
      extension: '806',
    });
    expect(parseLandline('01062345678')).toEqual({ areaCode: '010', subscriber: '62345678' });
  });
});

describe('masking', () => {
  it('keeps the first 6 and last 4 characters of an ID number', () => {
    expect(maskIdNumber('11010519491231002X')).toBe('110105********002X');
  });

  it('masks a value too short to mask partly', () => {
    expect(maskIdNumber('1234567890')).toBe('**********');
    expect(maskPhone('123')).toBe('***');
  });

  it('masks phone numbers', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
    expect(maskPhone('+8613812345678')).toBe('138****5678');
    expect(maskPhone('0571-88001234-806')).toBe('0571-****1234');
    expect(maskPhone('01062345678')).toBe('010-****5678');
    expect(maskPhone('12345')).toBe('*2345');
  });

  it('never shows the birth date of an ID number', () => {
    fc.assert(
      fc.property(idBody, (body) => {
        const masked = maskIdNumber(body + idNumberCheckChar(body));
        return masked.slice(6, 14) === '********' && masked.length === 18;
      }),
    );
  });
});
