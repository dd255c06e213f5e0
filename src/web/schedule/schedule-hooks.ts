import { z } from 'zod';
import {
  AbsenceView,
  HoursRuleView,
  RosterMonthView,
  StandInsView,
  SubstitutionView,
} from '../../shared/contracts/schedule';
import { api } from '../api/client';
import { useApi } from '../api/use-api';

export const useRoster = (centerId: string | undefined, month: string) =>
  useApi(
    () =>
      centerId
        ? api('GET', '/schedule/roster', { query: { centerId, month }, schema: RosterMonthView })
        : Promise.resolve(null),
    [centerId, month],
  );
export const useHoursRules = (centerId: string | undefined) =>
  useApi(
    () =>
      centerId
        ? api('GET', '/schedule/hours-rules', { query: { centerId }, schema: z.array(HoursRuleView) })
        : Promise.resolve([]),
    [centerId],
  );
export const useAbsences = (centerId: string | undefined, from: string, to: string) =>
  useApi(
    () =>
      centerId
        ? api('GET', '/schedule/absences', { query: { centerId, from, to }, schema: z.array(AbsenceView) })
        : Promise.resolve([]),
    [centerId, from, to],
  );
export const useSubstitutions = (centerId: string | undefined, from: string, to: string) =>
  useApi(
    () =>
      centerId
        ? api('GET', '/schedule/substitutions', {
            query: { centerId, from, to },
            schema: z.array(SubstitutionView),
          })
        : Promise.resolve([]),
    [centerId, from, to],
  );
export const useMyStandIns = () =>
  useApi(() => api('GET', '/schedule/me/stand-ins', { schema: StandInsView }), []);

/** 'YYYY-MM' of today (China time) and month arithmetic for the month switcher. */
export function thisMonth(): string {
  return new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 7);
}
export function shiftMonth(month: string, by: number): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7)) - 1 + by;
  const d = new Date(Date.UTC(y, m, 1));
  return d.toISOString().slice(0, 7);
}
export function monthRange(month: string): { from: string; to: string } {
  const next = shiftMonth(month, 1);
  const last = new Date(Date.parse(`${next}-01T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
  return { from: `${month}-01`, to: last };
}
/** An <input type="datetime-local"> value as an instant in China time. */
export const localToIso = (v: string) => `${v.length === 16 ? `${v}:00` : v}+08:00`;
/** '2026-03-02T09:00:00+08:00' → '03-02 09:00'. */
export const shortInstant = (iso: string) => `${iso.slice(5, 10)} ${iso.slice(11, 16)}`;
