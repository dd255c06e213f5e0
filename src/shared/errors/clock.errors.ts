import type { ErrorCatalog } from './types';

/** Errors of the working-day clock (src/domain/clock). `field` is the dotted path of the bad input. */
export const clockErrors = {
  CLOCK_INVALID_INSTANT: { status: 422, zh: '时间无效（{field}）', en: 'Invalid instant ({field})' },
  CLOCK_INVALID_UNIT: {
    status: 422,
    zh: '不支持的时限单位「{unit}」（{field}），只能是工作日、自然日或工作小时',
    en: 'Unknown limit unit "{unit}" ({field}): use working days, natural days or working hours',
  },
  CLOCK_INVALID_AMOUNT: {
    status: 422,
    zh: '时限数值「{value}」无效（{field}），应在 {min} 到 {max} 之间',
    en: 'Invalid limit amount "{value}" ({field}): it must be between {min} and {max}',
  },
  CLOCK_INVALID_PAUSE: {
    status: 422,
    zh: '第 {index} 段暂停计时有误（{field}）',
    en: 'Pause {index} is invalid ({field})',
  },
} as const satisfies ErrorCatalog;
