import type { WorkingHours } from '../../shared/contracts/calendar';
import type { Queryable } from '../db/db';
import type { DemoContext } from '../demo/demo-context';
import * as repo from './calendar.repository';
import { chineseDaysSeed } from './calendar.seed-data';
import { yearRowsFromSchedule, type YearSchedule } from './calendar.schedule';

/**
 * The demo calendar: every root (county) center gets the State Council schedules of 2004–2026 from
 * chinese-days (~8,400 days, one INSERT) and its working hours, with the summer variant many county
 * centers use (夏令作息: afternoons half an hour later from May to September). Townships and villages
 * inherit both. Runs before the catalog step: later demo data may compute deadlines.
 */
export const DEMO_WORKING_HOURS: WorkingHours = {
  periods: [
    { start: '08:30', end: '11:30' },
    { start: '14:00', end: '17:30' },
  ],
  seasons: [
    {
      from: '05-01',
      to: '09-30',
      periods: [
        { start: '08:30', end: '11:30' },
        { start: '14:30', end: '18:00' },
      ],
    },
  ],
};

/**
 * 2027 in the demo: chinese-days stops at 2026 and the State Council's 2027 notice is entered by an
 * administrator when it is published (every November). So that the demo can accept cases today whose
 * limits run into 2027, the demo enters only what the law itself fixes — the statutory holiday days of
 * 全国年节及纪念日放假办法 (2024 revision) on their 2027 dates — and no guessed 调休 make-up days. The
 * names say so, and an administrator replaces the year with the published schedule.
 */
export const DEMO_2027_STATUTORY: YearSchedule = {
  holidays: [
    { from: '2027-01-01', to: '2027-01-01', name: '元旦（法定，调休待公布）' },
    { from: '2027-02-05', to: '2027-02-08', name: '春节（法定，调休待公布）' },
    { from: '2027-04-05', to: '2027-04-05', name: '清明节（法定，调休待公布）' },
    { from: '2027-05-01', to: '2027-05-02', name: '劳动节（法定，调休待公布）' },
    { from: '2027-06-09', to: '2027-06-09', name: '端午节（法定，调休待公布）' },
    { from: '2027-09-15', to: '2027-09-15', name: '中秋节（法定，调休待公布）' },
    { from: '2027-10-01', to: '2027-10-03', name: '国庆节（法定，调休待公布）' },
  ],
  workdays: [],
};

export async function calendarDemoStep(tx: Queryable, ctx: DemoContext): Promise<void> {
  const seed = chineseDaysSeed().map((d) => ({ day: d.day, isWorkday: d.isWorkday, name: d.name }));
  const roots = await tx.query<{ id: string; path: string }>(
    'SELECT id, path FROM centers WHERE parent_id IS NULL',
  );
  for (const root of roots) {
    await repo.upsertDays(tx, root.id, seed, 'seed', null, ctx.now);
    await repo.upsertDays(
      tx,
      root.id,
      yearRowsFromSchedule(2027, DEMO_2027_STATUTORY),
      'admin',
      null,
      ctx.now,
    );
    await repo.upsertHours(tx, root.id, DEMO_WORKING_HOURS, null, ctx.now);
    await repo.bumpVersions(tx, root.path, ctx.now);
  }
}
