/**
 * Phone numbers as applicants write them. Mobile: 11 digits 1[3-9]xxxxxxxxx (an optional +86 / 86
 * prefix is accepted and dropped by `normalizePhone`). Landline: trunk prefix 0 + area code (010 and
 * 02x are three digits with an 8-digit subscriber number; the others four digits with 7 or 8), an
 * optional hyphen, and an optional extension "-1234". Subscriber numbers never start with 0 or 1.
 */

export type PhoneKind = 'mobile' | 'landline';
export type PhoneProblem = 'phone.format';

const MOBILE = /^1[3-9]\d{9}$/;
const LANDLINE_3 = /^(0(?:10|2\d))-?([2-9]\d{7})(?:-(\d{1,6}))?$/;
const LANDLINE_4 = /^(0[3-9]\d{2})-?([2-9]\d{6,7})(?:-(\d{1,6}))?$/;

export interface Landline {
  readonly areaCode: string;
  readonly subscriber: string;
  readonly extension?: string;
}

/** Trims, drops spaces, and drops a +86 / 86 country prefix in front of a mobile number. */
export function normalizePhone(value: string): string {
  const v = value.trim().replace(/\s+/g, '');
  const m = /^(?:\+?86-?)(1\d{10})$/.exec(v);
  return m ? m[1]! : v;
}

export function isMobilePhone(value: string): boolean {
  return MOBILE.test(normalizePhone(value));
}

/** The parts of a landline number, or null when it is not one. */
export function parseLandline(value: string): Landline | null {
  const v = normalizePhone(value);
  const m = LANDLINE_3.exec(v) ?? LANDLINE_4.exec(v);
  if (!m) return null;
  const [, areaCode = '', subscriber = '', extension] = m;
  return extension === undefined ? { areaCode, subscriber } : { areaCode, subscriber, extension };
}

export function isLandline(value: string): boolean {
  return parseLandline(value) !== null;
}

export function phoneKind(value: string): PhoneKind | null {
  if (isMobilePhone(value)) return 'mobile';
  if (isLandline(value)) return 'landline';
  return null;
}

/** For zod: `z.string().refine(isValidPhone, 'rule.phone')`. */
export function isValidPhone(value: string): boolean {
  return phoneKind(value) !== null;
}

export function phoneProblem(value: string): PhoneProblem | null {
  return isValidPhone(value) ? null : 'phone.format';
}
