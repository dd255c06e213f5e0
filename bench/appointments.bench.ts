/**
 * Benchmark of appointments (issue 8), on PostgreSQL and on PGlite (on disk), with the demo center
 * grown to 30 ticket categories:
 *  - slot availability of a whole month for every category of the center (the staff planning view
 *    and the portal's worst case): hours × duty roster × absences × skills → slots, plus the places
 *    taken. Target: < 50 ms.
 *  - the overbooking race: 500 concurrent bookings for the last 10 places of one slot. Reports the
 *    booking attempts per second and checks that exactly 10 got a place (never more).
 *
 * `npx tsx bench/appointments.bench.ts` runs it standalone; `appointmentsBench()` returns the report.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { instantOfCivil } from '../src/domain/calendar';
import { idNumberCheckChar } from '../src/domain/identity';
import { isAppError } from '../src/domain/errors';
import { bookAppointment } from '../src/server/appointments/appointments.service';
import { availability, categorySlotsView } from '../src/server/appointments/appointments.views';
import type { Db } from '../src/server/db/db';
import { migrate } from '../src/server/db/migrate';
import { openPglite } from '../src/server/db/pglite';
import { openPostgres } from '../src/server/db/postgres';
import { loadDemoData } from '../src/server/demo/demo.loader';
import { startPgCluster } from '../src/server/test/pg-cluster';

/** Monday 2 March 2026, 09:00 in Beijing. */
const NOW = new Date('2026-03-02T01:00:00Z');
const CATEGORIES = 30;
const RACE = 500;
const LAST_PLACES = 10;
const RUNS = 15;

/** Grow the demo halls to 30 categories, each bound to a share of the county's items. */
async function thirtyCategories(db: Db): Promise<string> {
  const [county] = await db.query<{ id: string }>("SELECT id FROM centers WHERE level = 'county'");
  const centerId = county!.id;
  const existing = await db.query<{ id: string }>('SELECT id FROM ticket_categories WHERE center_id = $1', [
    centerId,
  ]);
  const halls = await db.query<{ id: string }>('SELECT id FROM halls WHERE center_id = $1 ORDER BY name', [
    centerId,
  ]);
  const items = await db.query<{ id: string }>(
    'SELECT id FROM items WHERE center_id = $1 ORDER BY impl_code',
    [centerId],
  );
  const letters = 'NOPQRSTUVWXYZ';
  let made = existing.length;
  for (let i = 0; made < CATEGORIES; i++, made++) {
    const hall = halls[i % halls.length]!.id;
    const prefix = letters[i % letters.length]!;
    const [c] = await db.query<{ id: string }>(
      `INSERT INTO ticket_categories (center_id, hall_id, prefix, name, number_from, number_to, daily_reset, daily_cap,
         expected_service_minutes, created_at, updated_at)
       VALUES ($1, $2, $3, $4, 1, 999, true, 500, 10, $5, $5)
       ON CONFLICT (hall_id, prefix) DO UPDATE SET name = EXCLUDED.name RETURNING id`,
      [centerId, hall, prefix, `压测类别${i + 1}`, NOW],
    );
    const share = items.filter((_, k) => k % 18 === i % 18).slice(0, 3);
    await db.query(
      `INSERT INTO ticket_category_items (category_id, item_id, center_id) SELECT $1, x, $2 FROM unnest($3::uuid[]) x
       ON CONFLICT DO NOTHING`,
      [c!.id, centerId, share.map((s) => s.id)],
    );
  }
  return centerId;
}

async function monthAvailability(db: Db, centerId: string) {
  const first = await availability(db, centerId, '2026-03-01', '2026-03-31');
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await availability(db, centerId, '2026-03-01', '2026-03-31');
    times.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  const slots = first.categories.reduce((s, c) => s + c.days.filter((d) => d.capacity > 0).length, 0);
  return {
    categories: first.categories.length,
    bookableDays: slots,
    median: times[Math.floor(RUNS / 2)]!,
    worst: times[RUNS - 1]!,
    /** CPU of this process per call (PGlite's engine runs in it too), less sensitive to a busy machine. */
    cpu: (cpu.user + cpu.system) / 1000 / RUNS,
  };
}

const idOf = (n: number) => {
  const body = `3499011990${String(1 + (n % 12)).padStart(2, '0')}${String(1 + (n % 28)).padStart(2, '0')}${String(n).padStart(3, '0').slice(-3)}`;
  return body + idNumberCheckChar(body);
};

async function race(db: Db, centerId: string) {
  const [cat] = await db.query<{ id: string }>(
    "SELECT id FROM ticket_categories WHERE center_id = $1 AND name = '人社业务'",
    [centerId],
  );
  const startsAt = instantOfCivil('2026-03-05', '10:30');
  const view = await categorySlotsView(db, {
    categoryId: cat!.id,
    from: '2026-03-05',
    to: '2026-03-05',
    now: NOW,
  });
  const capacity = view.days[0]!.slots.find((s) => Date.parse(s.startsAt) === startsAt.getTime())!.capacity;
  // Everything but the last 10 places is taken already.
  await db.query(
    'INSERT INTO appointment_slot_counts (category_id, starts_at, center_id, booked) VALUES ($1, $2, $3, $4)',
    [cat!.id, startsAt, centerId, capacity - LAST_PLACES],
  );
  const t0 = performance.now();
  const results = await Promise.allSettled(
    Array.from({ length: RACE }, (_, i) =>
      db.transaction((tx) =>
        bookAppointment(
          tx,
          { now: NOW, actor: null },
          {
            categoryId: cat!.id,
            startsAt: startsAt.toISOString(),
            name: `压测${i}`,
            idNumber: idOf(i),
            phone: `139${String(10_000_000 + i)}`,
          },
        ),
      ),
    ),
  );
  const seconds = (performance.now() - t0) / 1000;
  const ok = results.filter((r) => r.status === 'fulfilled').length;
  const full = results.filter(
    (r) => r.status === 'rejected' && isAppError(r.reason) && r.reason.code === 'APPOINTMENT_SLOT_FULL',
  ).length;
  const [{ booked }] = (await db.query<{ booked: number }>(
    'SELECT count(*)::int AS booked FROM appointments WHERE category_id = $1 AND starts_at = $2',
    [cat!.id, startsAt],
  )) as [{ booked: number }];
  return { capacity, ok, full, other: RACE - ok - full, rows: booked, seconds, perSecond: RACE / seconds };
}

async function measure(db: Db, label: string): Promise<string[]> {
  await migrate(db);
  await loadDemoData(db, NOW);
  const centerId = await thirtyCategories(db);
  const a = await monthAvailability(db, centerId);
  const r = await race(db, centerId);
  return [
    `| ${label} | ${a.categories} | ${a.median.toFixed(1)} | ${a.worst.toFixed(1)} | ${a.cpu.toFixed(1)} | ${r.perSecond.toFixed(0)} | ${r.ok} of ${RACE} (capacity ${r.capacity}, ${LAST_PLACES} left) | ${r.rows === r.ok && r.ok === LAST_PLACES ? 'none' : `OVERBOOKED: ${r.rows} rows`} |`,
  ];
}

export async function appointmentsBench(): Promise<string> {
  const lines = [
    `availability = every slot of a month (31 days) of every category of the county center, with places taken (${RUNS} runs after a warm-up); race = ${RACE} concurrent booking transactions for the last ${LAST_PLACES} places of one slot.`,
    '',
    '| database | categories | availability median ms | worst ms | CPU ms/call | race bookings/s | got a place | overbooking |',
    '|---|---|---|---|---|---|---|---|',
  ];
  const cluster = await startPgCluster();
  try {
    const admin = await openPostgres(cluster.url());
    await admin.query('CREATE DATABASE bench');
    await admin.close();
    const db = await openPostgres(cluster.url('bench'), { max: 16 });
    lines.push(...(await measure(db, 'PostgreSQL')));
    await db.close();
  } finally {
    cluster.stop();
  }
  const dir = mkdtempSync(join(tmpdir(), 'ow-bench-appointments-'));
  try {
    const db = await openPglite(dir);
    lines.push(...(await measure(db, 'PGlite (on disk)')));
    await db.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  console.log(await appointmentsBench());
}
