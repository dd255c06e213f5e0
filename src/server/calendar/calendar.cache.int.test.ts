import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Queryable } from '../db/db';
import { createTestApp, type TestApp } from '../test/test-app';
import * as repo from './calendar.repository';
import { calendarYearsConfigured, getCalendarIndex } from './calendar.service';

let t: TestApp;
let county: { id: string; path: string };
let township: string;
let village: string;

beforeAll(async () => {
  t = await createTestApp();
  const one = async (code: string) =>
    (
      await t.db.query<{ id: string; path: string }>('SELECT id, path FROM centers WHERE code = $1', [code])
    )[0]!;
  county = await one('yunxi');
  township = (await one('yunxi-luqiao')).id;
  village = (await one('yunxi-luqiao-huanglong')).id;
});
afterAll(() => t.close());

describe('getCalendarIndex: the calendar other features use', () => {
  it('returns the cached index while nothing changed, shared by centers without days of their own', async () => {
    const a = await getCalendarIndex(t.db, county.id);
    expect(await getCalendarIndex(t.db, county.id)).toBe(a);
    expect(await getCalendarIndex(t.db, township)).toBe(a);
    expect(await getCalendarIndex(t.db, village)).toBe(a);
    expect(a.addWorkingDays('2026-09-30', 1)).toBe('2026-10-08');
  });

  it('notices an edit made by another process through the version in the database', async () => {
    const before = await getCalendarIndex(t.db, village);
    // Another server process edits the county calendar: it writes the row and bumps the versions of
    // the county and every center below it, in one transaction. This process's cache is untouched.
    await t.db.transaction(async (tx) => {
      await repo.bumpVersions(tx, county.path, new Date());
      await repo.upsertDay(
        tx,
        county.id,
        { day: '2026-10-08', isWorkday: false, name: '加休' },
        'admin',
        null,
        new Date(),
      );
    });
    const after = await getCalendarIndex(t.db, village);
    expect(after).not.toBe(before);
    expect(after.addWorkingDays('2026-09-30', 1)).toBe('2026-10-09');
    expect(after.dayName('2026-10-08')).toBe('加休');
    expect(await getCalendarIndex(t.db, village)).toBe(after);
  });

  it('answers from the cache with one primary-key lookup per call', async () => {
    await getCalendarIndex(t.db, county.id);
    const statements: string[] = [];
    const counting: Queryable = {
      query: (sql, params) => {
        statements.push(sql);
        return t.db.query(sql, params);
      },
    };
    for (let i = 0; i < 10; i++) await getCalendarIndex(counting, county.id);
    expect(statements).toHaveLength(10);
    expect(new Set(statements).size).toBe(1);
    expect(statements[0]).toMatch(/FROM calendar_versions WHERE center_id = \$1/);
  });

  it('refuses an unknown center', async () => {
    await expect(getCalendarIndex(t.db, '00000000-0000-4000-8000-000000000000')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });
});

describe('calendarYearsConfigured', () => {
  it('lists the seeded years 2004–2026 and the demo 2027 for every center of the network', async () => {
    const years = await calendarYearsConfigured(t.db, village);
    expect(years[0]).toBe(2004);
    expect(years.at(-1)).toBe(2027);
    expect(years).toHaveLength(24);
    expect(years).not.toContain(2028);
  });
});
