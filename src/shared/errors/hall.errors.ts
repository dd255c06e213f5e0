import type { ErrorCatalog } from './types';

/**
 * Errors of the hall queue (排队叫号). They are read aloud by officers to visitors, so they say what
 * happened and what to do next.
 */
export const hallErrors = {
  HALL_NO_TICKET_WAITING: {
    status: 409,
    zh: '{window}号窗口当前没有可叫的号',
    en: 'Nobody that window {window} can serve is waiting',
  },
  HALL_WINDOW_CANNOT_SERVE: {
    status: 409,
    zh: '{window}号窗口不能办理「{category}」业务，请选择其他窗口',
    en: 'Window {window} cannot serve "{category}": choose another window',
  },
  HALL_TICKET_NOT_TODAY: {
    status: 409,
    zh: '{number} 号是 {date} 的号，已失效，请重新取号',
    en: 'Ticket {number} was issued on {date} and is no longer valid: take a new ticket',
  },
  HALL_DAILY_CAP_REACHED: {
    status: 409,
    zh: '「{category}」今日号源已取完（每日限 {cap} 个），请明日再来或咨询引导台',
    en: 'All {cap} tickets of "{category}" for today have been taken: come back tomorrow or ask at the guide desk',
  },
  HALL_INVALID_TRANSITION: {
    status: 409,
    zh: '{number} 号当前为「{statusZh}」，不能{actionZh}',
    en: 'Ticket {number} is {statusEn}: you cannot {actionEn} it now',
  },
  HALL_RECALL_LIMIT: {
    status: 409,
    zh: '{number} 号已重呼 {max} 次，请按过号处理',
    en: 'Ticket {number} has been recalled {max} times: mark it as a no-show',
  },
  HALL_REQUEUE_LIMIT: {
    status: 409,
    zh: '{number} 号过号后已重新排队 {max} 次，不能再次排队，请重新取号',
    en: 'Ticket {number} was already re-queued {max} time(s) after a no-show: take a new ticket',
  },
  HALL_TICKET_RESERVED: {
    status: 409,
    zh: '{number} 号已转到其他窗口办理',
    en: 'Ticket {number} was transferred to another window',
  },
  HALL_WINDOW_PAUSED: {
    status: 409,
    zh: '{window}号窗口已暂停服务，请先恢复服务',
    en: 'Window {window} is paused: resume it first',
  },
  HALL_WINDOW_BUSY: {
    status: 409,
    zh: '{window}号窗口正在办理 {number} 号，请先办理完毕、转窗或按过号处理',
    en: 'Window {window} is still handling ticket {number}: finish, transfer or mark it as a no-show first',
  },
  HALL_NOT_AT_WINDOW: {
    status: 403,
    zh: '您不在{window}号窗口上岗，不能在此窗口叫号',
    en: 'You are not on duty at window {window}',
  },
  HALL_WINDOW_NOT_IN_HALL: {
    status: 400,
    zh: '{window}号窗口不在本大厅',
    en: 'Window {window} is not in this hall',
  },
  HALL_CATEGORY_CLOSED: {
    status: 409,
    zh: '「{category}」暂停取号',
    en: '"{category}" is not issuing tickets at the moment',
  },
  HALL_CATEGORY_NOT_OPEN: {
    status: 409,
    zh: '「{category}」现在没有窗口办理，请于 {reopens} 再来',
    en: 'No window serves "{category}" right now; please come back {reopens}',
  },
  HALL_CATEGORY_NOT_SCHEDULED: {
    status: 409,
    zh: '「{category}」近期没有窗口排班办理，请咨询导办台',
    en: 'No window is scheduled to serve "{category}" soon; please ask at the guide desk',
  },
  HALL_TICKET_LINKED: {
    status: 409,
    zh: '{number} 号已关联办件 {caseNumber}',
    en: 'Ticket {number} is already linked to case {caseNumber}',
  },
} as const satisfies ErrorCatalog;
