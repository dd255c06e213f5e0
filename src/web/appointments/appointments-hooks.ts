import { z } from 'zod';
import {
  AppointmentView,
  AvailabilityView,
  BlacklistView,
  BookableCategory,
  BulkDetailView,
  BulkView,
  ReceptionView,
  SettingsView,
  TimetableView,
} from '../../shared/contracts/appointments';
import { api } from '../api/client';
import { useApi } from '../api/use-api';

const whenCenter = <T>(centerId: string | undefined, load: () => Promise<T>, empty: T) =>
  centerId ? load() : Promise.resolve(empty);

export const useCategories = (centerId: string | undefined) =>
  useApi(
    () =>
      whenCenter(
        centerId,
        () =>
          api('GET', '/public/appointments/categories', {
            query: { centerId },
            schema: z.array(BookableCategory),
          }),
        [],
      ),
    [centerId],
  );
export const useAppointments = (centerId: string | undefined, day: string, categoryId?: string, q?: string) =>
  useApi(
    () =>
      whenCenter(
        centerId,
        () =>
          api('GET', '/appointments', {
            query: { centerId, day, categoryId, q },
            schema: z.array(AppointmentView),
          }),
        [],
      ),
    [centerId, day, categoryId, q],
  );
export const useAvailability = (centerId: string | undefined, from: string, to: string) =>
  useApi(
    () =>
      whenCenter(
        centerId,
        () =>
          api('GET', '/appointments/availability', {
            query: { centerId, from, to },
            schema: AvailabilityView,
          }),
        null,
      ),
    [centerId, from, to],
  );
export const useBlacklist = (centerId: string | undefined) =>
  useApi(
    () =>
      whenCenter(
        centerId,
        () => api('GET', '/appointments/blacklist', { query: { centerId }, schema: BlacklistView }),
        null,
      ),
    [centerId],
  );
export const useSettings = (centerId: string | undefined) =>
  useApi(
    () =>
      whenCenter(
        centerId,
        () => api('GET', '/appointments/settings', { query: { centerId }, schema: SettingsView }),
        null,
      ),
    [centerId],
  );
export const useBulkList = (centerId: string | undefined) =>
  useApi(
    () =>
      whenCenter(
        centerId,
        () => api('GET', '/appointments/bulk', { query: { centerId }, schema: z.array(BulkView) }),
        [],
      ),
    [centerId],
  );
/** An enterprise's own bulk requests (the server scopes them by its credit code). */
export const useOwnBulkList = (enabled: boolean) =>
  useApi(
    () => (enabled ? api('GET', '/appointments/bulk', { schema: z.array(BulkView) }) : Promise.resolve([])),
    [enabled],
  );
export const useBulk = (id: string | null) =>
  useApi(
    () => (id ? api('GET', `/appointments/bulk/${id}`, { schema: BulkDetailView }) : Promise.resolve(null)),
    [id],
  );
export const useTimetable = (centerId: string | undefined) =>
  useApi(
    () =>
      whenCenter(
        centerId,
        () => api('GET', '/reception/timetable', { query: { centerId }, schema: z.array(TimetableView) }),
        [],
      ),
    [centerId],
  );
export const useReceptions = (centerId: string | undefined, overdue: boolean) =>
  useApi(
    () =>
      whenCenter(
        centerId,
        () =>
          api('GET', '/reception/bookings', {
            query: { centerId, overdue: overdue ? 'true' : undefined },
            schema: z.array(ReceptionView),
          }),
        [],
      ),
    [centerId, overdue],
  );

/** Today in China time, 'YYYY-MM-DD'. */
export const todayCn = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
export const addDaysCn = (date: string, n: number) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/** Upload one file as multipart/form-data (the JSON client does not do files). */
export async function uploadFile(
  path: string,
  file: File,
  csrf: string,
  lang: string,
): Promise<{ ok: boolean; status: number; body: unknown }> {
  const data = new FormData();
  data.append('file', file);
  const res = await fetch(`/api${path}`, {
    method: 'POST',
    body: data,
    headers: { 'x-csrf-token': csrf, 'accept-language': lang },
    credentials: 'same-origin',
  });
  return { ok: res.ok, status: res.status, body: (await res.json()) as unknown };
}
