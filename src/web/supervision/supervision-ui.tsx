import { Tag } from 'antd';
import { useEffect } from 'react';
import { levelLabels, ruleLabels } from '../../domain/supervision/supervision.labels';
import type { Level, OrderLevel, RuleCode } from '../../shared/contracts/supervision';
import { defineMessages, useLang, type Msg } from '../i18n/i18n';

/** Shared pieces of the supervision screens: labels, colour tags, the live refresh. */

export const levelColor: Record<Level, string> = { warning: 'blue', yellow: 'gold', red: 'red' };
export const orderColor: Record<OrderLevel, string> = { blue: 'blue', orange: 'orange', red: 'red' };

export const sm = defineMessages({
  desk: { zh: '监察台', en: 'Supervision desk' },
  rules: { zh: '监察规则', en: 'Supervision rules' },
  orders: { zh: '督办单', en: 'Supervision orders' },
  warning: { zh: '预警', en: 'Warnings' },
  yellow: { zh: '黄牌', en: 'Yellow cards' },
  red: { zh: '红牌', en: 'Red cards' },
  case: { zh: '办件编号', en: 'Case' },
  item: { zh: '事项', en: 'Item' },
  rule: { zh: '规则', en: 'Rule' },
  level: { zh: '信号', en: 'Level' },
  department: { zh: '责任部门', en: 'Department' },
  window: { zh: '窗口', en: 'Window' },
  // The officer who received the case (steps are assigned to a department's role, not a person).
  officer: { zh: '受理人', en: 'Received by' },
  issuedAt: { zh: '发出时间', en: 'Issued' },
  clearedAt: { zh: '解除时间', en: 'Cleared' },
  explanation: { zh: '说明', en: 'Explanation' },
  open: { zh: '未解除', en: 'Open' },
  cleared: { zh: '已解除', en: 'Cleared' },
  all: { zh: '全部', en: 'All' },
  content: { zh: '督办内容', en: 'Content' },
  responseDue: { zh: '回复期限', en: 'Response due' },
  status: { zh: '状态', en: 'Status' },
  number: { zh: '编号', en: 'Number' },
  overdue: { zh: '已逾期', en: 'Overdue' },
  none: { zh: '暂无', en: 'None' },
  saved: { zh: '已保存', en: 'Saved' },
  refreshEvery: { zh: '每 15 秒自动刷新', en: 'Refreshes every 15 s' },
});

export const orderStatusLabels: Record<'open' | 'responded' | 'closed', Msg> = {
  open: { zh: '待回复', en: 'Awaiting response' },
  responded: { zh: '已回复待评定', en: 'Responded' },
  closed: { zh: '已办结', en: 'Closed' },
};
export const orderLevelLabels: Record<OrderLevel, Msg> = {
  blue: { zh: '蓝色', en: 'Blue' },
  orange: { zh: '橙色', en: 'Orange' },
  red: { zh: '红色', en: 'Red' },
};
export const orderKindLabels: Record<'reminder' | 'order', Msg> = {
  reminder: { zh: '催办', en: 'Reminder' },
  order: { zh: '督办', en: 'Order' },
};

/** A label in the current language. */
export function useLabel() {
  const { lang } = useLang();
  return (m: { zh: string; en: string }) => (lang === 'en' ? m.en : m.zh);
}

export function LevelTag({ level }: { level: Level }) {
  const label = useLabel();
  return (
    <Tag color={levelColor[level]} data-testid={`level-${level}`}>
      {label(levelLabels[level])}
    </Tag>
  );
}

export const ruleName = (code: RuleCode, lang: string) =>
  lang === 'en' ? ruleLabels[code].en : ruleLabels[code].zh;

/** '2026-03-09 17:30' in China time, whatever the browser's time zone. */
export function cst(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(Date.parse(iso) + 8 * 3_600_000);
  return d.toISOString().slice(0, 16).replace('T', ' ');
}

/** Call `fn` every `ms` while the screen is open (the desk's live counts). */
export function usePoll(fn: () => void, ms = 15_000) {
  useEffect(() => {
    const timer = setInterval(fn, ms);
    return () => clearInterval(timer);
  }, [fn, ms]);
}
