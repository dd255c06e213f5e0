import { defineMessages } from './i18n';

/** Words many screens share: window numbers, case counts, weekdays. */
export const words = defineMessages({
  windowNo: { zh: '{n}号', en: 'No. {n}' },
  windowNamed: { zh: '{n}号窗口', en: 'window {n}' },
  casesCount: { zh: '（{n} 件）', en: ' ({n} cases)' },
});

/** ISO weekday 1–7 (Monday first), short. */
export const weekdayShort = {
  zh: ['', '周一', '周二', '周三', '周四', '周五', '周六', '周日'],
  en: ['', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'],
} as const;
