import type { ExplanationEntry, LimitUnit, PauseNote } from '../../domain/clock/clock.types';
import type { Lang } from '../errors';

/**
 * Renders a clock's explanation (see ExplanationEntry) as lines of text in zh-CN or en, for the case
 * page, the acceptance notice and supervision. No Node imports: the web app uses it as is.
 */

type Text = { zh: string; en: string };

/** Pause kinds of 第45条 (plus 现场核查 and in-process 补正); unknown kinds are shown as given. */
export const pauseKindNames: Record<string, Text> = {
  hearing: { zh: '听证', en: 'hearing' },
  tender: { zh: '招标', en: 'tender' },
  auction: { zh: '拍卖', en: 'auction' },
  inspection: { zh: '检验', en: 'inspection' },
  testing: { zh: '检测', en: 'testing' },
  quarantine: { zh: '检疫', en: 'quarantine' },
  appraisal: { zh: '鉴定', en: 'appraisal' },
  expert_review: { zh: '专家评审', en: 'expert review' },
  site_check: { zh: '现场核查', en: 'site check' },
  supplement: { zh: '补正', en: 'supplement request' },
};

const unitNames: Record<LimitUnit, Text> = {
  workday: { zh: '个工作日', en: ' working days' },
  day: { zh: '个自然日', en: ' natural days' },
  workhour: { zh: '个工作小时', en: ' working hours' },
};

const noteNames: Record<PauseNote, Text> = {
  open: { zh: '尚未恢复计时，计至当前', en: 'not resumed yet, counted up to now' },
  overlapsEarlierPause: {
    zh: '与前一暂停重叠部分只计一次',
    en: 'the overlap with an earlier pause counts once',
  },
  beforeCounting: { zh: '起算日之前的部分不计', en: 'the part before counting starts gives nothing back' },
  afterDue: {
    zh: '到期后才开始的部分不计（已超期）',
    en: 'the part begun after the due gives nothing back (already overdue)',
  },
  outsideWorkingTime: { zh: '全部在非工作时间，不影响期限', en: 'entirely outside working time: no effect' },
};

const stateNames: Record<string, Text> = {
  running: { zh: '计时中', en: 'running' },
  paused: { zh: '暂停计时', en: 'paused' },
  overdue: { zh: '已超期', en: 'overdue' },
  stopped: { zh: '已办结', en: 'stopped' },
};

/** '2025-02-07T17:30:00+08:00' → '2025-02-07 17:30' (the instants are already in China Standard Time). */
const hm = (iso: string): string => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
const num = (x: number): string => String(Math.round(x * 100) / 100);

function line(e: ExplanationEntry, zh: boolean): string {
  const t = (m: Text): string => (zh ? m.zh : m.en);
  switch (e.kind) {
    case 'start': {
      const limit = `${e.amount}${t(unitNames[e.unit])}`;
      const from = e.unit === 'workhour' ? hm(e.countingFrom) : e.countingFrom.slice(0, 10);
      const notes = [
        e.startDayIsWorkday ? null : zh ? '受理日为非工作日' : 'accepted on a non-working day',
        e.afterWorkingHours ? (zh ? '受理时间在下班后' : 'accepted after working hours') : null,
      ].filter((x) => x !== null);
      const suffix = notes.length ? (zh ? `（${notes.join('；')}）` : ` (${notes.join('; ')})`) : '';
      return zh
        ? `受理时间 ${hm(e.at)}，时限 ${limit}，自 ${from} 起计算${suffix}`
        : `Accepted ${hm(e.at)}; limit ${limit}, counted from ${from}${suffix}`;
    }
    case 'makeUpWorkday':
      return zh
        ? `${e.day} ${e.name ?? ''} 为工作日，计入`
        : `${e.day} ${e.name ?? ''} is a working day and counts`;
    case 'holidaySkipped':
      return zh
        ? `跳过${e.name} ${e.from} 至 ${e.to}（${e.days} 天）`
        : `Skipped ${e.name} ${e.from} – ${e.to} (${e.days} days)`;
    case 'weekendsSkipped':
      return zh ? `跳过休息日 ${e.days} 天` : `Skipped ${e.days} weekend days`;
    case 'rolledToWorkday':
      return zh
        ? `期满日 ${e.from} 为非工作日，顺延至 ${e.to}`
        : `The limit ends on ${e.from}, a non-working day: moved to ${e.to}`;
    case 'pause': {
      const kind = e.pauseKind
        ? t(pauseKindNames[e.pauseKind] ?? { zh: e.pauseKind, en: e.pauseKind })
        : zh
          ? '暂停'
          : 'pause';
      const to = e.to ? hm(e.to) : zh ? '至今' : 'now';
      const back = `${num(e.addedBack)}${t(unitNames[e.unit])}`;
      const notes = e.notes.map((n) => t(noteNames[n]));
      const suffix = notes.length ? (zh ? `（${notes.join('；')}）` : ` (${notes.join('; ')})`) : '';
      return zh
        ? `暂停计时（${kind}）${hm(e.from)} 至 ${to}，不计入 ${back}${suffix}`
        : `Paused (${kind}) ${hm(e.from)} – ${to}: ${back} not counted${suffix}`;
    }
    case 'dueBeforeExtensions':
      return zh ? `延期前到期时间 ${hm(e.at)}` : `Due before extensions: ${hm(e.at)}`;
    case 'extension': {
      const who = [
        e.approvedBy ? (zh ? `批准人：${e.approvedBy}` : `approved by ${e.approvedBy}`) : null,
        e.reason ? (zh ? `理由：${e.reason}` : `reason: ${e.reason}`) : null,
        e.approvedAt ? (zh ? `批准时间：${hm(e.approvedAt)}` : `on ${hm(e.approvedAt)}`) : null,
        e.approvedAfterDue ? (zh ? '超期后批准' : 'approved when already overdue') : null,
      ].filter((x) => x !== null);
      const detail = who.length ? (zh ? `（${who.join('；')}）` : ` (${who.join('; ')})`) : '';
      return zh
        ? `延期 ${e.amount} 个工作日${detail}，到期时间顺延至 ${hm(e.dueAfter)}`
        : `Extended by ${e.amount} working days${detail}: due ${hm(e.dueAfter)}`;
    }
    case 'due':
      return zh ? `到期时间：${hm(e.at)}` : `Due: ${hm(e.at)}`;
    case 'legalDue':
      return zh
        ? `法定到期时间：${hm(e.at)}（法定时限 ${e.amount}${unitNames[e.unit].zh}）`
        : `Legal due: ${hm(e.at)} (legal limit ${e.amount}${unitNames[e.unit].en})`;
    case 'stopped':
      return zh
        ? `办结于 ${hm(e.at)}，${e.onTime ? '按期办结' : '超期办结'}`
        : `Concluded ${hm(e.at)}, ${e.onTime ? 'on time' : 'late'}`;
    case 'state':
      return zh
        ? `截至 ${hm(e.at)}：${t(stateNames[e.state]!)}`
        : `As of ${hm(e.at)}: ${t(stateNames[e.state]!)}`;
  }
}

/** One line per explanation entry, in the user's language. */
export function renderExplanation(entries: readonly ExplanationEntry[], lang: Lang): string[] {
  return entries.map((e) => line(e, lang !== 'en'));
}
