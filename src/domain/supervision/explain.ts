import { formatInstant } from '../calendar/civil-time';
import type { Limit } from '../clock/clock.types';
import type { ClockFigures } from './clock-figures';
import { levelLabels, ruleLabels } from './supervision.labels';
import type { ClockFacts, DeadlinePoint, Level, RuleCode } from './supervision.types';

/**
 * The text of a card, in both languages, built from the same figures stored in its facts, so the
 * explanation always cites the clock a person can check by hand (due, working days used, paused,
 * left or overdue, extensions).
 */

export interface Text {
  zh: string;
  en: string;
}

/** '2026-03-09 17:30' in China Standard Time. */
export const showInstant = (ms: number): string => formatInstant(ms).slice(0, 16).replace('T', ' ');

/** Working days with at most two decimals: 1, 2.5, 0.38. */
export const wd = (x: number): string => String(Math.round(x * 100) / 100);

const unitText: Record<Limit['unit'], Text> = {
  workday: { zh: '个工作日', en: 'working days' },
  day: { zh: '个自然日', en: 'calendar days' },
  workhour: { zh: '个工作小时', en: 'working hours' },
};

export const limitText = (l: Limit): Text => ({
  zh: `${l.amount} ${unitText[l.unit].zh}`,
  en: `${l.amount} ${unitText[l.unit].en}`,
});

export function clockFacts(
  v: ClockFigures,
  start: Date,
  limit: Limit,
  extensionWorkingDays: number,
): ClockFacts {
  return {
    start: formatInstant(start.getTime()),
    limit,
    due: formatInstant(v.due.getTime()),
    state: v.state,
    elapsedWorkingDays: v.elapsedWorkingDays,
    remainingWorkingDays: v.remainingWorkingDays,
    pausedWorkingDays: v.pausedWorkingDays,
    overdueWorkingDays: v.overdueWorkingDays,
    extensionWorkingDays,
  };
}

/** "Accepted …, limit …, due …; x working days used (y paused), z left / overdue by w." */
export function clockSentence(f: ClockFacts, startWord: Text = { zh: '受理于', en: 'Accepted' }): Text {
  const start = showInstant(Date.parse(f.start));
  const due = showInstant(Date.parse(f.due));
  const lim = limitText(f.limit);
  const ext = f.extensionWorkingDays > 0;
  const paused = f.pausedWorkingDays > 0;
  const tailZh =
    f.state === 'overdue'
      ? `已超期 ${wd(f.overdueWorkingDays)} 个工作日`
      : `剩余 ${wd(f.remainingWorkingDays)} 个工作日${f.state === 'paused' ? '（特别程序中，暂停计时）' : ''}`;
  const tailEn =
    f.state === 'overdue'
      ? `overdue by ${wd(f.overdueWorkingDays)} working days`
      : `${wd(f.remainingWorkingDays)} working days left${f.state === 'paused' ? ' (paused: special procedure)' : ''}`;
  return {
    zh:
      `${startWord.zh} ${start}，时限 ${lim.zh}${ext ? `（含延期 ${f.extensionWorkingDays} 个工作日）` : ''}，` +
      `${due} 到期；已用 ${wd(f.elapsedWorkingDays)} 个工作日` +
      `${paused ? `（特别程序 ${wd(f.pausedWorkingDays)} 个工作日不计）` : ''}，${tailZh}。`,
    en:
      `${startWord.en} ${start}; limit ${lim.en}${ext ? ` (incl. an extension of ${f.extensionWorkingDays} working days)` : ''}, ` +
      `due ${due}; ${wd(f.elapsedWorkingDays)} working days used` +
      `${paused ? ` (${wd(f.pausedWorkingDays)} working days of special procedures not counted)` : ''}, ${tailEn}.`,
  };
}

/** A deadline point in words: "到期前 1 个工作日", "时限用去 90%", "黄牌后 3 个工作日". */
export function pointText(p: DeadlinePoint): Text {
  if (p.ref === 'percent') return { zh: `时限用去 ${p.value}%`, en: `${p.value} % of the limit used` };
  if (p.ref === 'yellow')
    return { zh: `黄牌后 ${p.value} 个工作日`, en: `${p.value} working days after the yellow card` };
  if (p.value < 0)
    return { zh: `到期前 ${-p.value} 个工作日`, en: `${-p.value} working days before the due` };
  if (p.value === 0) return { zh: '到期时', en: 'at the due' };
  return { zh: `超期 ${p.value} 个工作日`, en: `${p.value} working days after the due` };
}

/** "黄牌 · 承诺时限预警与亮牌：<what>（阈值：<threshold>）。<clock>" */
export function cardText(
  rule: RuleCode,
  level: Level,
  what: Text,
  threshold: Text | null,
  clock: Text | null,
): Text {
  const l = levelLabels[level];
  const r = ruleLabels[rule];
  return {
    zh: `${l.zh} · ${r.zh}：${what.zh}${threshold ? `（阈值：${threshold.zh}）` : ''}。${clock ? clock.zh : ''}`,
    en: `${l.en} · ${r.en}: ${what.en}${threshold ? ` (threshold: ${threshold.en})` : ''}.${clock ? ` ${clock.en}` : ''}`,
  };
}
