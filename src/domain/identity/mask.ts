import { isMobilePhone, normalizePhone, parseLandline } from './phone';

/**
 * Masking for lists, receipts, hall displays and logs, where a full ID number or phone number must
 * not appear. Values too short to mask safely are masked entirely rather than partly shown.
 */

const stars = (n: number): string => '*'.repeat(Math.max(0, n));

/** Keeps the first 6 (region) and last 4 characters: 110105********1234. */
export function maskIdNumber(value: string): string {
  const v = value.trim();
  if (v.length <= 10) return stars(v.length);
  return `${v.slice(0, 6)}${stars(v.length - 10)}${v.slice(-4)}`;
}

/**
 * Mobile: first 3 and last 4 (138****5678). Landline: area code and the last 4 of the subscriber
 * number (0571-****1234), extension dropped. Anything else: last 4 only.
 */
export function maskPhone(value: string): string {
  const v = normalizePhone(value);
  if (isMobilePhone(v)) return `${v.slice(0, 3)}****${v.slice(-4)}`;
  const landline = parseLandline(v);
  if (landline) {
    const { areaCode, subscriber } = landline;
    return `${areaCode}-${stars(subscriber.length - 4)}${subscriber.slice(-4)}`;
  }
  if (v.length <= 4) return stars(v.length);
  return `${stars(v.length - 4)}${v.slice(-4)}`;
}
