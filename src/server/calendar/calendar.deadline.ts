import { civilDateOfInstant, formatInstant, parseCivilDate } from '../../domain/calendar/civil-time';
import { AppError, isAppError } from '../../domain/errors';
import { explainDeadline } from '../../domain/clock/clock.explain';
import type { Extension, Limit, LimitUnit } from '../../domain/clock/clock.types';
import {
  instantMs,
  validateExtensions,
  validateLimit,
  validatePauses,
} from '../../domain/clock/clock.validate';
import { traceDeadline } from '../../domain/clock/deadline';
import { renderExplanation } from '../../shared/clock/explain';
import type { DeadlineView, WorkdaysView } from '../../shared/contracts/calendar';
import type { Lang } from '../../shared/errors';
import type { Queryable } from '../db/db';
import { getCalendarIndex } from './calendar.service';

/**
 * The deadline calculator (办结期限计算, staff and public portal): "accepted at `start` with a limit of
 * `amount` `unit`, these pauses and extensions — when is it due, and why?". The arithmetic is the
 * clock core's (src/domain/clock, rules in docs/clock.md); this file loads the center's calendar,
 * names the request's fields in errors and renders the explanation in the request's language.
 */
export interface DeadlineRequest {
  start: string;
  amount: number;
  unit: LimitUnit;
  pauses: readonly { from: string; to: string; kind?: string | undefined }[];
  extensions: readonly {
    amount: number;
    unit: LimitUnit;
    approvedBy?: string | undefined;
    reason?: string | undefined;
  }[];
}

/** The core names the limit `limit.amount` / `limit.unit`; the calculator's body has them at the top. */
const FIELD_RENAMES: Record<string, string> = {
  'limit.amount': 'amount',
  'limit.unit': 'unit',
  fromExclusive: 'from',
  toInclusive: 'to',
};
const rename = (field: string): string => FIELD_RENAMES[field] ?? field;

function withRequestFields<T>(fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (!isAppError(e)) throw e;
    const params = { ...e.params };
    if (typeof params.field === 'string') params.field = rename(params.field);
    const fields = e.fields
      ? Object.fromEntries(Object.entries(e.fields).map(([k, v]) => [rename(k), v]))
      : undefined;
    throw new AppError(e.code, params, fields);
  }
}

export async function calculateDeadline(
  q: Queryable,
  centerId: string,
  input: DeadlineRequest,
  lang: Lang,
): Promise<DeadlineView> {
  const calendar = await getCalendarIndex(q, centerId);
  const limit: Limit = { amount: input.amount, unit: input.unit };
  const extensions = input.extensions.map((e): Extension => ({
    amount: e.amount,
    // The core accepts only working days for an extension and says so, naming the field.
    unit: e.unit as Extension['unit'],
    approvedBy: e.approvedBy ?? null,
    reason: e.reason ?? null,
  }));
  const entries = withRequestFields(() => {
    const startMs = instantMs(new Date(input.start), 'start');
    validateLimit(limit, 'limit');
    const pauses = validatePauses(
      input.pauses.map((p) => ({ from: new Date(p.from), to: new Date(p.to) })),
      startMs,
      null,
      null,
    );
    const extensionDays = validateExtensions(extensions);
    const trace = traceDeadline(calendar, startMs, limit, pauses, extensionDays);
    return {
      trace,
      explanation: explainDeadline({
        calendar,
        limit,
        pauses,
        kinds: input.pauses.map((p) => p.kind ?? null),
        extensions,
        trace,
      }),
    };
  });
  const text = renderExplanation(entries.explanation, lang);
  const dueMs = entries.trace.dueMs;
  return {
    centerId,
    start: formatInstant(entries.trace.startMs),
    due: formatInstant(dueMs),
    dueDay: civilDateOfInstant(dueMs),
    amount: input.amount,
    unit: input.unit,
    explanation: entries.explanation.map((e, i) => ({ ...e, text: text[i]! })),
  };
}

/** Working days in [from, to], both ends included ("how many working days from the 2nd to the 6th?"). */
export async function countWorkdays(
  q: Queryable,
  centerId: string,
  from: string,
  to: string,
): Promise<WorkdaysView> {
  const a = parseCivilDate(from);
  const b = parseCivilDate(to);
  if (a === null) throw new AppError('VALIDATION_FAILED', {}, { from: 'rule.date' });
  if (b === null) throw new AppError('VALIDATION_FAILED', {}, { to: 'rule.date' });
  if (b < a) throw new AppError('VALIDATION_FAILED', {}, { to: 'rule.not_before_from' });
  const calendar = await getCalendarIndex(q, centerId);
  const workdays = withRequestFields(
    () => calendar.countWorkingDays(from, to) + (calendar.isWorkday(from, 'from') ? 1 : 0),
  );
  return { centerId, from, to, workdays, days: b - a + 1 };
}
