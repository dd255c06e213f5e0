import type { ErrorCatalog } from './types';

export const commonErrors = {
  VALIDATION_FAILED: {
    status: 400,
    zh: '输入有误，请检查标出的字段',
    en: 'Invalid input: check the fields marked',
  },
  MALFORMED_JSON: { status: 400, zh: '请求内容不是合法的 JSON', en: 'The request body is not valid JSON' },
  PAYLOAD_TOO_LARGE: {
    status: 413,
    zh: '请求内容过大（上限 {limit}）',
    en: 'The request body is too large (limit {limit})',
  },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, zh: '不支持的内容类型', en: 'Unsupported content type' },
  NOT_FOUND: { status: 404, zh: '未找到{entity}', en: '{entity} not found' },
  ROUTE_NOT_FOUND: { status: 404, zh: '接口不存在', en: 'No such endpoint' },
  UNAUTHENTICATED: { status: 401, zh: '请先登录', en: 'Please log in' },
  FORBIDDEN: { status: 403, zh: '无权执行此操作', en: 'You are not allowed to do this' },
  CSRF_FAILED: {
    status: 403,
    zh: '安全校验失败，请刷新页面后重试',
    en: 'Security check failed: reload the page and try again',
  },
  CONFLICT: {
    status: 409,
    zh: '数据已被修改，请刷新后重试',
    en: 'The data changed meanwhile: reload and try again',
  },
  DUPLICATE: { status: 409, zh: '{field}「{value}」已存在', en: '{field} "{value}" already exists' },
  IDEMPOTENCY_KEY_REUSED: {
    status: 422,
    zh: '幂等键已用于另一个不同的请求',
    en: 'This idempotency key was used for a different request',
  },
  RATE_LIMITED: {
    status: 429,
    zh: '操作过于频繁，请 {seconds} 秒后再试',
    en: 'Too many requests: try again in {seconds} s',
  },
  INTERNAL: { status: 500, zh: '服务器内部错误', en: 'Internal server error' },
  DEV_CLOCK_DISABLED: { status: 404, zh: '未启用手动时钟', en: 'The manual clock is not enabled' },
  CALENDAR_NOT_CONFIGURED: {
    status: 422,
    zh: '{year} 年的工作日历尚未配置（日期 {date}），请管理员先录入当年节假日安排',
    en: 'The working-day calendar for {year} is not configured (date {date}): an administrator must enter that year first',
  },
} as const satisfies ErrorCatalog;
