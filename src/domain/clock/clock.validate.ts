import { AppError } from '../errors';
import type { Extension, Limit, LimitUnit, Pause } from './clock.types';

/**
 * Upper bounds that reject absurd input (a typo of 2000 for 20) while leaving room for every real
 * limit: the longest statutory limits are months, not years.
 */
export const LIMIT_MAX: Readonly<Record<LimitUnit, number>> = { workday: 2000, day: 3660, workhour: 10_000 };
export const EXTENSION_MAX = 1000;

/** A pause validated and turned into epoch ms; `to` of an open pause is the close-at instant. */
export interface PauseMs {
  index: number;
  from: number;
  to: number;
  open: boolean;
}

export function instantMs(value: unknown, field: string): number {
  const ms = value instanceof Date ? value.getTime() : Number.NaN;
  if (Number.isNaN(ms))
    throw new AppError('CLOCK_INVALID_INSTANT', { field }, { [field]: 'rule.invalid_instant' });
  return ms;
}

export function validateLimit(limit: Limit, field: string): void {
  const unit = (limit as Partial<Limit> | null)?.unit;
  if (unit !== 'workday' && unit !== 'day' && unit !== 'workhour') {
    throw new AppError(
      'CLOCK_INVALID_UNIT',
      { field: `${field}.unit`, unit: String(unit) },
      { [`${field}.unit`]: 'rule.clock_unit' },
    );
  }
  const a = limit.amount;
  // Day-based limits are whole days, 0 meaning "within the day of acceptance" (即办件); hours may be
  // fractional down to a whole minute (0.5 h) and must be positive.
  const ok =
    typeof a === 'number' &&
    a <= LIMIT_MAX[unit] &&
    (unit === 'workhour' ? a > 0 && Number.isInteger(a * 60) : a >= 0 && Number.isInteger(a));
  if (!ok) {
    throw new AppError(
      'CLOCK_INVALID_AMOUNT',
      {
        field: `${field}.amount`,
        value: String(a),
        min: unit === 'workhour' ? '1/60' : 0,
        max: LIMIT_MAX[unit],
      },
      { [`${field}.amount`]: unit === 'workhour' ? 'rule.clock_amount_minutes' : 'rule.clock_amount_days' },
    );
  }
}

/**
 * Validate pauses and convert them to ms, sorted by start. An open pause is counted up to `closeAt`
 * (the clock's now, or its stop); without `closeAt` an open pause is an error because the due would be
 * unknown. Pauses must lie after the start (the clock was not running before) and not after `latest`.
 */
export function validatePauses(
  pauses: readonly Pause[] | null | undefined,
  startMs: number,
  closeAt: number | null,
  latest: number | null,
): PauseMs[] {
  const out: PauseMs[] = [];
  if (!pauses) return out;
  // Plain loops and module-level helpers: this runs on every deadline computation.
  for (let index = 0; index < pauses.length; index++) {
    const p = pauses[index]!;
    const from = instantMs(p.from, `pauses.${index}.from`);
    if (from < startMs) throw pauseError(index, 'from', 'rule.clock_pause_before_start');
    if (latest !== null && from > latest) throw pauseError(index, 'from', 'rule.clock_after_now');
    if (p.to === null || p.to === undefined) {
      if (closeAt === null) throw pauseError(index, 'to', 'rule.clock_open_pause_needs_now');
      out.push({ index, from, to: Math.max(from, closeAt), open: true });
      continue;
    }
    const to = instantMs(p.to, `pauses.${index}.to`);
    if (to < from) throw pauseError(index, 'to', 'rule.after_from');
    if (latest !== null && to > latest) throw pauseError(index, 'to', 'rule.clock_after_now');
    out.push({ index, from, to, open: false });
  }
  // Sorting by start lets overlaps be removed in one pass ("overlapping pauses count once").
  return out.length > 1 ? out.sort(byFrom) : out;
}

function byFrom(a: PauseMs, b: PauseMs): number {
  return a.from - b.from || a.index - b.index;
}

function pauseError(index: number, field: 'from' | 'to', rule: string): AppError {
  const path = `pauses.${index}.${field}`;
  return new AppError('CLOCK_INVALID_PAUSE', { index, field: path }, { [path]: rule });
}

/** Validate extensions; returns the working days they add. */
export function validateExtensions(extensions: readonly Extension[] | null | undefined): number {
  if (!extensions || extensions.length === 0) return 0;
  let total = 0;
  for (let i = 0; i < extensions.length; i++) {
    const e = extensions[i]!;
    if ((e as Partial<Extension>).unit !== 'workday') {
      throw new AppError(
        'CLOCK_INVALID_UNIT',
        { field: `extensions.${i}.unit`, unit: String((e as Partial<Extension>).unit) },
        { [`extensions.${i}.unit`]: 'rule.clock_extension_unit' },
      );
    }
    const a = e.amount;
    if (typeof a !== 'number' || !Number.isInteger(a) || a < 1 || a > EXTENSION_MAX) {
      throw new AppError(
        'CLOCK_INVALID_AMOUNT',
        { field: `extensions.${i}.amount`, value: String(a), min: 1, max: EXTENSION_MAX },
        { [`extensions.${i}.amount`]: 'rule.clock_amount_days' },
      );
    }
    if (e.approvedAt !== null && e.approvedAt !== undefined)
      instantMs(e.approvedAt, `extensions.${i}.approvedAt`);
    total += a;
  }
  return total;
}
