import { instantOfCivil } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import { hhmm, periodsToIntervals, type Interval } from '../../domain/schedule';
import {
  dayKindLabels,
  hoursModeLabels,
  type DirectoryView,
  type RosterMonthView,
} from '../../shared/contracts/schedule';
import type { Lang } from '../../shared/errors';
import type { Queryable } from '../db/db';
import { maybeOne } from '../db/db';
import { addDays, datesBetween, loadCenterHours, loadSchedule, windowDuty } from './schedule.engine';
import * as repo from './schedule.repository';

const span = (xs: readonly Interval[]) => xs.map((x) => `${hhmm(x.start)}-${hhmm(x.end)}`);

/** The roster calendar of a month: per day and window, open hours and who is on duty. */
export async function rosterMonth(q: Queryable, centerId: string, month: string): Promise<RosterMonthView> {
  const from = `${month}-01`;
  const to = addDays(nextMonthStart(month), -1);
  const data = await loadSchedule(q, centerId, from, to);
  const days = datesBetween(from, to).map((date) => {
    const dayStart = instantOfCivil(date).getTime();
    const dayEnd = dayStart + 86_400_000;
    const cells = data.windows.map((w) => {
      const duty = windowDuty(data, w.id, date);
      const onDuty = [...new Set(duty.segments.flatMap((s) => s.staffIds))].sort();
      const standIns = data.substitutions
        .filter((s) => s.windowId === w.id && s.fromMs < dayEnd && s.toMs > dayStart)
        .map((s) => s.standInId);
      const people = new Set([...(data.roster.get(`${date}|${w.id}`) ?? []), ...onDuty]);
      for (const s of data.staff) if (s.window_id === w.id && data.calendar.isWorkday(date)) people.add(s.id);
      const absent = data.absences
        .filter((a) => people.has(a.staffId) && a.fromMs < dayEnd && a.toMs > dayStart)
        .map((a) => a.staffId);
      return {
        windowId: w.id,
        open: span(duty.segments),
        rostered: data.roster.get(`${date}|${w.id}`) ?? null,
        onDuty,
        absent: [...new Set(absent)].sort(),
        standIns: [...new Set(standIns)].sort(),
      };
    });
    return { date, isWorkday: data.calendar.isWorkday(date), name: data.calendar.dayName(date), cells };
  });
  return {
    centerId,
    month,
    windows: data.windows.map((w) => ({
      id: w.id,
      number: w.number,
      name: w.name,
      hall: w.hall,
      phone: w.phone,
    })),
    staff: data.staff
      .filter((s) => s.active)
      .map((s) => ({ id: s.id, name: s.name, windowId: s.window_id, backupOfId: s.backup_of_id })),
    days,
  };
}

export function nextMonthStart(month: string): string {
  const y = Number(month.slice(0, 4));
  const m = Number(month.slice(5, 7));
  return m === 12 ? `${y + 1}-01-01` : `${y}-${m + 1 < 10 ? '0' : ''}${m + 1}-01`;
}

/**
 * 窗口服务电话表: every window with its hall, department, phone, the items it accepts and the
 * exceptions to the center hours in words. Public: no personal data.
 */
export async function windowDirectory(q: Queryable, centerId: string, lang: Lang): Promise<DirectoryView> {
  const center = await maybeOne<{ id: string; name: string; phone: string }>(
    q,
    'SELECT id, name, phone FROM centers WHERE id = $1',
    [centerId],
  );
  if (!center) throw new AppError('NOT_FOUND', { entity: 'center' });
  const [hours, windows, rules, items] = await Promise.all([
    loadCenterHours(q, centerId),
    repo.listWindows(q, centerId),
    repo.listHoursRules(q, centerId),
    q.query<{ window_id: string; name: string }>(
      `SELECT iw.window_id, v.name FROM item_windows iw JOIN items i ON i.id = iw.item_id
       JOIN item_versions v ON v.id = i.current_version_id WHERE iw.center_id = $1 ORDER BY v.name`,
      [centerId],
    ),
  ]);
  const en = lang === 'en';
  const words = (r: repo.HoursRuleRow) => {
    const when =
      r.days === 'date' ? (r.date ?? '') : en ? dayKindLabels[r.days].en : dayKindLabels[r.days].zh;
    const what =
      r.mode === 'close'
        ? `${en ? hoursModeLabels.close.en : hoursModeLabels.close.zh}${r.periods.length ? ` ${span(periodsToIntervals(r.periods)).join(', ')}` : ''}`
        : `${r.mode === 'add' ? (en ? 'also ' : '增加 ') : ''}${span(periodsToIntervals(r.periods)).join(', ')}`;
    const range = r.valid_from || r.valid_to ? ` (${r.valid_from ?? '…'}–${r.valid_to ?? '…'})` : '';
    return `${when} ${what}${range}`;
  };
  return {
    centerId,
    centerName: center.name,
    centerPhone: center.phone,
    hours: span(periodsToIntervals(hours.periods)).join(', '),
    windows: windows.map((w) => ({
      id: w.id,
      number: w.number,
      name: w.name,
      hall: w.hall,
      departmentName: w.department_name,
      phone: w.phone,
      hoursNotes: rules.filter((r) => r.window_id === w.id).map(words),
      items: items.filter((i) => i.window_id === w.id).map((i) => i.name),
    })),
  };
}
