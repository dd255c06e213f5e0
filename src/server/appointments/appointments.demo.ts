import { civilDateOfInstant, instantOfCivil } from '../../domain/calendar';
import { defaultAppointmentPolicy, type DayKind, type HoursMode } from '../../domain/schedule';
import type { WorkingPeriod } from '../../domain/calendar';
import { getCalendarIndex } from '../calendar/calendar.service';
import type { Queryable } from '../db/db';
import type { DemoContext } from '../demo/demo-context';
import { demoApplicants } from '../demo/data/org';
import { addDays, datesBetween } from '../schedule/schedule.engine';
import * as sched from '../schedule/schedule.repository';
import { bookAppointment } from './appointments.service';
import * as repo from './appointments.repository';
import * as bulk from './bulk.repository';
import * as reception from './reception.repository';
import { nextMonthStart } from '../schedule/schedule.views';

/**
 * Demo hours, duty and appointments of the county hall, following the seeds:
 * - seed 001 (平湖): 8:30–11:30, 14:00–17:30; 中午部分窗口实行错时服务; 周日部分窗口实行轮值服务;
 *   公安窗口全年无休, 周六、节假日 9:00–11:00, 14:00–16:00;
 * - seed 004: 周末便民服务 (房产、规土、公安、民政 every Saturday all day), 批量办证服务室, 企业接待制度;
 * - AB岗: 王婷 (window 1) is on leave on the next working day and 黄凯, her B post, stands in.
 * The duty roster covers this month and the next.
 */
const MORNING_AFTERNOON: WorkingPeriod[] = [
  { start: '08:30', end: '11:30' },
  { start: '14:00', end: '17:30' },
];
const DUTY_HOURS: WorkingPeriod[] = [
  { start: '09:00', end: '11:00' },
  { start: '14:00', end: '16:00' },
];
const LUNCH: WorkingPeriod[] = [{ start: '11:30', end: '14:00' }];

const rules: { windows: string[]; days: DayKind; mode: HoursMode; periods: WorkingPeriod[]; note: string }[] =
  [
    {
      windows: ['1', '3', '7', '17'],
      days: 'workday',
      mode: 'add',
      periods: LUNCH,
      note: '错时服务（中午不休息）',
    },
    {
      windows: ['7'],
      days: 'restday',
      mode: 'replace',
      periods: DUTY_HOURS,
      note: '公安窗口全年无休：双休日、节假日值班',
    },
    {
      windows: ['14', '17', '19'],
      days: 'saturday',
      mode: 'replace',
      periods: MORNING_AFTERNOON,
      note: '周末便民服务（每周六全天）',
    },
    { windows: ['3', '4'], days: 'sunday', mode: 'replace', periods: DUTY_HOURS, note: '周日轮值服务' },
  ];

export async function appointmentsDemoStep(tx: Queryable, ctx: DemoContext): Promise<void> {
  const county = ctx.centerIds.get('yunxi')!;
  const windowId = (n: string) => ctx.windowIds.get(`yunxi:${n}`)!;
  const by = '杜丽华';
  for (const r of rules)
    for (const n of r.windows)
      await sched.insertHoursRule(tx, {
        center_id: county,
        window_id: windowId(n),
        days: r.days,
        date: null,
        valid_from: null,
        valid_to: null,
        mode: r.mode,
        periods: r.periods,
        note: r.note,
        created_by_name: by,
        created_at: ctx.now,
      });

  await demoRoster(tx, ctx, county, windowId, by);

  // The bulk-service room: a room of its own upstairs, not a queue window of either hall.
  const [room] = await tx.query<{ id: string }>(
    `INSERT INTO windows (center_id, number, name, kind, hall, phone, created_at, updated_at)
     VALUES ($1, 'P1', '批量办证服务室', 'comprehensive', '二楼东侧', '0550-7012399', $2, $2) RETURNING id`,
    [county, ctx.now],
  );
  ctx.windowIds.set('yunxi:P1', room!.id);
  await repo.upsertSettings(tx, {
    centerId: county,
    policy: defaultAppointmentPolicy,
    bulkRoomWindowId: room!.id,
    by,
    now: ctx.now,
  });

  const calendar = await getCalendarIndex(tx, county);
  const today = civilDateOfInstant(ctx.now.getTime());
  const next = calendar.addWorkingDays(today, 1);

  // AB岗: 王婷 on leave the next working day; 黄凯 (her B post) stands in at window 1.
  const leaveFrom = instantOfCivil(next, '08:00');
  const leaveTo = instantOfCivil(next, '18:00');
  const absence = await sched.insertAbsence(tx, {
    centerId: county,
    staffId: ctx.staffIds.get('wangting')!,
    kind: 'leave',
    from: leaveFrom,
    to: leaveTo,
    note: '事假',
    by,
    now: ctx.now,
  });
  await sched.insertSubstitution(tx, {
    centerId: county,
    absentId: ctx.staffIds.get('wangting')!,
    standInId: ctx.staffIds.get('huangkai')!,
    windowId: windowId('1'),
    absenceId: absence,
    from: leaveFrom,
    to: leaveTo,
    reason: '事假，B 岗顶岗',
    by,
    now: ctx.now,
  });

  // 张三 booked 人社 for the next working day.
  const zhang = demoApplicants.find((a) => a.username === 'zhangsan')!;
  const [rs] = await tx.query<{ id: string }>(
    "SELECT id FROM ticket_categories WHERE center_id = $1 AND name = '人社业务'",
    [county],
  );
  if (rs)
    await bookAppointment(
      tx,
      { now: ctx.now, actor: null },
      {
        categoryId: rs.id,
        startsAt: instantOfCivil(next, '09:30').toISOString(),
        name: zhang.name,
        idNumber: zhang.idNumber,
        phone: '13855001234',
      },
    );

  await demoBulk(tx, ctx, county);
  await demoReception(tx, ctx, county, today);
}

/** Weekend and holiday duty: police alternate at window 7; Saturday service; the Sunday rotation of windows 3/4. */
async function demoRoster(
  tx: Queryable,
  ctx: DemoContext,
  county: string,
  windowId: (n: string) => string,
  by: string,
) {
  const calendar = await getCalendarIndex(tx, county);
  const month = civilDateOfInstant(ctx.now.getTime()).slice(0, 7);
  const from = `${month}-01`;
  const to = addDays(nextMonthStart(nextMonthStart(month).slice(0, 7)), -1);
  const staffOf = async (n: string) =>
    (
      await tx.query<{ id: string }>(
        'SELECT id FROM staff WHERE window_id = $1 ORDER BY backup_of_id NULLS FIRST, badge_number',
        [windowId(n)],
      )
    ).map((r) => r.id);
  const police = [ctx.staffIds.get('zhengqiang')!, ctx.staffIds.get('fengxue')!];
  const set = (n: string, day: string, staffIds: string[]) =>
    sched.insertRoster(tx, {
      centerId: county,
      windowId: windowId(n),
      days: [day],
      staffIds,
      note: '',
      by,
      now: ctx.now,
    });
  let rest = 0;
  let sunday = 0;
  for (const day of datesBetween(from, to)) {
    if (calendar.isWorkday(day)) continue;
    await set('7', day, [police[rest++ % 2]!]);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (calendar.dayName(day)) continue;
    if (weekday === 6) for (const n of ['14', '17', '19']) await set(n, day, (await staffOf(n)).slice(0, 1));
    if (weekday === 0) {
      const n = sunday++ % 2 === 0 ? '3' : '4';
      await set(n, day, (await staffOf(n)).slice(0, 1));
    }
  }
}

async function demoBulk(tx: Queryable, ctx: DemoContext, county: string) {
  const qiye = demoApplicants.find((a) => a.username === 'qiye')!;
  const [item] = await tx.query<{ id: string }>(
    `SELECT i.id FROM items i JOIN departments d ON d.id = i.department_id JOIN item_versions v ON v.id = i.current_version_id
     WHERE i.center_id = $1 AND d.code = 'SCJG' ORDER BY i.impl_code LIMIT 1`,
    [county],
  );
  if (!item) return;
  const day = civilDateOfInstant(ctx.now.getTime());
  const start = instantOfCivil(day);
  await bulk.insertBulk(tx, {
    centerId: county,
    number: await bulk.nextBulkNumber(tx, county, day, start, new Date(start.getTime() + 86_400_000)),
    creditCode: qiye.idNumber,
    enterpriseName: qiye.name,
    contactName: '王经理',
    phone: '13855007788',
    itemId: item.id,
    count: 24,
    note: '新设 24 家门店，集中办理',
    userId: ctx.userIds.get('qiye') ?? null,
    now: ctx.now,
  });
}

async function demoReception(tx: Queryable, ctx: DemoContext, county: string, today: string) {
  const dept = (c: string) => ctx.departmentIds.get(c) ?? null;
  const entries = [
    { leader: '周建国', title: '中心主任', dept: null, weekday: 1, start: '09:00', end: '11:30' },
    {
      leader: '蒋文斌',
      title: '市场监管局副局长',
      dept: dept('SCJG'),
      weekday: 3,
      start: '14:30',
      end: '17:00',
    },
    {
      leader: '石磊',
      title: '不动产登记中心负责人',
      dept: dept('BDC'),
      weekday: 4,
      start: '09:00',
      end: '11:30',
    },
  ];
  const ids: string[] = [];
  for (const e of entries)
    ids.push(
      await reception.insertTimetable(
        tx,
        {
          center_id: county,
          leader_name: e.leader,
          leader_title: e.title,
          department_id: e.dept,
          weekday: e.weekday,
          start_time: e.start,
          end_time: e.end,
          room: '企业接待室（一楼东侧）',
          capacity: 3,
          active: true,
        },
        ctx.now,
      ),
    );
  // A reception a week ago whose follow-up is overdue: supervisors see it.
  const qiye = demoApplicants.find((a) => a.username === 'qiye')!;
  const id = await reception.insertReception(tx, {
    centerId: county,
    timetableId: ids[1]!,
    day: addDays(today, -5),
    code: 'JD2026DEMO',
    creditCode: qiye.idNumber,
    enterpriseName: qiye.name,
    contactName: '王经理',
    phone: '13855007788',
    matter: '冷链仓库的食品经营许可变更，希望了解能否容缺受理、加快办理。',
    now: ctx.now,
  });
  await reception.recordReception(tx, id, {
    record: '蒋文斌副局长听取企业情况，明确可按容缺受理办理，材料后补；由市场监管局登记注册科跟进。',
    by: '周建国',
    departmentId: dept('SCJG'),
    due: addDays(today, -1),
    now: ctx.now,
  });
}
