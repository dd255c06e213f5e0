import type { ErrorCatalog } from './types';

/**
 * Errors of hours and schedules (排班, AB岗), appointments (预约), enterprise bulk appointments
 * (批量办证) and the enterprise reception (企业接待). Messages say what to do next.
 */
export const appointmentsErrors = {
  SCHEDULE_ROSTER_CLASH: {
    status: 409,
    zh: '{name} 在 {date} 已排在 {window} 号窗口值班，一人一天只能排一个窗口',
    en: '{name} is already rostered at window {window} on {date}: one window per person per day',
  },
  SCHEDULE_STAND_IN_UNAVAILABLE: {
    status: 409,
    zh: '{name} 在该时段不在岗或已在为他人顶岗，请另选 B 岗人员',
    en: '{name} is absent or already standing in for someone then: choose another stand-in',
  },
  SCHEDULE_NO_WINDOW: {
    status: 422,
    zh: '{name} 没有固定窗口，无需安排 B 岗顶岗',
    en: '{name} has no window of their own: there is no post to stand in for',
  },
  APPOINTMENT_CATEGORY_NOT_BOOKABLE: {
    status: 422,
    zh: '业务类别「{name}」暂不接受预约',
    en: 'The category "{name}" takes no appointments',
  },
  APPOINTMENT_DAY_NOT_BOOKABLE: {
    status: 422,
    zh: '只能预约 {first} 至 {last} 的时段',
    en: 'You can book slots from {first} to {last} only',
  },
  APPOINTMENT_NO_SUCH_SLOT: {
    status: 422,
    zh: '{time} 不是可预约的时段，请从列表中选择',
    en: '{time} is not a bookable slot: pick one from the list',
  },
  APPOINTMENT_SLOT_FULL: {
    status: 409,
    zh: '{time} 时段已约满，请选择其他时段',
    en: 'The slot {time} is fully booked: choose another one',
  },
  APPOINTMENT_PER_DAY_LIMIT: {
    status: 409,
    zh: '每人每天最多预约 {max} 次，您在 {date} 已有预约',
    en: 'At most {max} booking(s) per person per day: you already have one on {date}',
  },
  APPOINTMENT_BLACKLISTED: {
    status: 403,
    zh: '因 {days} 天内失约 {count} 次，{until} 前暂停预约服务，请直接到大厅取号',
    en: 'After {count} missed appointments within {days} days you cannot book before {until}: take a ticket in the hall',
  },
  APPOINTMENT_CANCEL_TOO_LATE: {
    status: 409,
    zh: '预约须在开始前 {hours} 小时取消（截止 {deadline}），现已不能取消',
    en: 'Bookings can be cancelled up to {hours} hours before the slot (until {deadline}): too late now',
  },
  APPOINTMENT_INVALID_STATE: {
    status: 409,
    zh: '该预约当前为「{statusZh}」，不能{actionZh}',
    en: 'The booking is "{statusEn}": you cannot {actionEn} it',
  },
  APPOINTMENT_CHECK_IN_TOO_EARLY: {
    status: 409,
    zh: '您预约的时段为 {slot}，请于 {from} 之后签到取号',
    en: 'Your slot is {slot}: check in from {from}',
  },
  APPOINTMENT_CHECK_IN_TOO_LATE: {
    status: 409,
    zh: '您预约的时段 {slot} 已过，预约已失效，请重新取号',
    en: 'Your slot {slot} has passed and the booking lapsed: take a ticket',
  },
  APPOINTMENT_NONE_TODAY: {
    status: 404,
    zh: '没有找到今天的有效预约，请核对身份证号或预约码',
    en: 'No booking for today: check the ID number or booking code',
  },
  APPOINTMENT_HALL_UNAVAILABLE: {
    status: 503,
    zh: '取号服务暂不可用，请到咨询台办理',
    en: 'Ticket issuing is not available: please go to the information desk',
  },
  BULK_BELOW_THRESHOLD: {
    status: 422,
    zh: '同一事项超过 {threshold} 件才能预约批量办证服务室，{count} 件请按普通预约办理',
    en: 'The bulk-service room is for more than {threshold} applications of one item; book {count} as ordinary appointments',
  },
  BULK_NO_ROOM: {
    status: 422,
    zh: '尚未设置批量办证服务室，请管理员在预约设置中指定',
    en: 'No bulk-service room is set: an administrator must choose one in the appointment settings',
  },
  BULK_INVALID_STATE: {
    status: 409,
    zh: '该批量预约当前为「{statusZh}」，不能{actionZh}',
    en: 'The bulk request is "{statusEn}": you cannot {actionEn} now',
  },
  BULK_BLOCKS_COUNT: {
    status: 422,
    zh: '各时段安排的件数合计 {sum} 件，与申请的 {count} 件不符',
    en: 'The blocks plan {sum} applications, the request is for {count}',
  },
  BULK_ROSTER_NOT_XLSX: {
    status: 415,
    zh: '名册必须是 Excel 工作簿（.xlsx），请下载模板填写后上传',
    en: 'The roster must be an Excel workbook (.xlsx): fill in the template and upload it',
  },
  BULK_ROSTER_NO_FILE: {
    status: 400,
    zh: '请选择要上传的名册文件',
    en: 'Choose the roster file to upload',
  },
  BULK_ROSTER_REJECTED: {
    status: 422,
    zh: '名册有 {count} 行有误，未导入任何数据，请改正后重新上传',
    en: '{count} row(s) of the roster are wrong; nothing was imported: correct them and upload again',
  },
  BULK_NOT_THE_DAY: {
    status: 409,
    zh: '今天（{today}）没有该批量预约的办理时段（安排在 {dates}）',
    en: 'No block of this bulk request is today ({today}); they are on {dates}',
  },
  BULK_NO_ROSTER: {
    status: 409,
    zh: '企业尚未上传名册，不能收件',
    en: 'The enterprise has not uploaded its roster yet',
  },
  RECEPTION_FULL: {
    status: 409,
    zh: '{date} {leader} 的接待已约满，请选择其他日期',
    en: 'The reception of {leader} on {date} is fully booked: choose another date',
  },
  RECEPTION_WRONG_DAY: {
    status: 422,
    zh: '{leader} 的接待日为每周{weekday}，{date} 不能预约',
    en: '{leader} receives on weekday {weekday}: {date} cannot be booked',
  },
  RECEPTION_INVALID_STATE: {
    status: 409,
    zh: '该接待当前为「{status}」，不能执行此操作',
    en: 'The reception is "{status}": this cannot be done now',
  },
} as const satisfies ErrorCatalog;

/** Field rules of schedules and appointments (see zod-messages.ts). */
export const appointmentsRuleMessages: Record<string, { zh: string; en: string }> = {
  'rule.id_or_code': {
    zh: '请输入身份证号或预约码（二选一）',
    en: 'give either the ID number or the booking code',
  },
  'rule.roster_name': { zh: '姓名必填', en: 'the name is required' },
  'rule.roster_duplicate': { zh: '身份证号与前面的行重复', en: 'the ID number repeats an earlier row' },
  'rule.roster_too_many': { zh: '名册行数超过申请件数', en: 'more rows than applications requested' },
  'rule.bulk_threshold': { zh: '件数未超过批量办证的门槛', en: 'not above the bulk threshold' },
};
