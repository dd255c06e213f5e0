import { z } from 'zod';
import { CalendarYearView, HoursView, PublicCenterView } from '../../shared/contracts/calendar';
import { api } from '../api/client';
import { useApi } from '../api/use-api';

export const useCalendarYear = (centerId: string | undefined, year: number) =>
  useApi(
    () =>
      centerId
        ? api('GET', '/calendar/days', { query: { centerId, year }, schema: CalendarYearView })
        : Promise.resolve(undefined),
    [centerId, year],
  );

export const useWorkingHours = (centerId: string | undefined) =>
  useApi(
    () =>
      centerId
        ? api('GET', '/calendar/hours', { query: { centerId }, schema: HoursView })
        : Promise.resolve(undefined),
    [centerId],
  );

/** Every center (public list, no login needed), in tree order. */
export const usePublicCenters = () =>
  useApi(() => api('GET', '/calendar/centers', { schema: z.array(PublicCenterView) }), []);

/** '2026-03-09T17:30:00+08:00' → '2026-03-09 17:30' (answers are already in China Standard Time). */
export const localDateTime = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
