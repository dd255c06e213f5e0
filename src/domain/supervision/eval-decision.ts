import { formatInstant } from '../calendar/civil-time';
import { fenToYuan } from '../cases/case-fees';
import { computeDeadline } from '../clock/deadline';
import { cardText, showInstant } from './explain';
import type { Collector, EvalContext } from './eval-context';
import type { Rule } from './supervision.types';

/**
 * Rules about the decision and its money: a refusal (不予受理, 第32条) or a denial (不予许可, 第38条)
 * must state its reasons in writing and be reported to supervision (否定报备); a fee must match the
 * catalog standard (擅自收费 / 不按标准收费, 某市电子监察办法 第六条).
 */

export function evaluateNegative(ctx: EvalContext, rule: Rule<'negative_unreported'>, out: Collector): void {
  const { kase, calendar } = ctx;
  const refused = kase.status === 'refused';
  const denied = kase.outcome === 'denied';
  if (!refused && !denied) return;
  const decidedAt = refused ? kase.refusedAt : kase.concludedAt;
  if (!decidedAt) return;
  const what = refused ? { zh: '不予受理', en: 'refusal' } : { zh: '不予许可', en: 'denial' };
  if ((kase.decisionReason ?? '').trim() === '') {
    out.add(
      {
        rule: 'negative_unreported',
        level: rule.level,
        subject: 'reason',
        persistence: 'record',
        thresholdAt: formatInstant(decidedAt.getTime()),
      },
      () => ({
        explanation: cardText(
          'negative_unreported',
          rule.level,
          {
            zh: `${showInstant(decidedAt.getTime())} 作出${what.zh}决定，未书面说明理由`,
            en: `${what.en} decided at ${showInstant(decidedAt.getTime())} without a written reason`,
          },
          null,
          null,
        ),
        facts: { decidedAt: formatInstant(decidedAt.getTime()), decision: refused ? 'refused' : 'denied' },
      }),
    );
  }
  const n = rule.thresholds.reportWithinWorkdays;
  // 0 working days = by the end of the working hours of the day of the decision.
  const dueMs = computeDeadline({
    start: decidedAt,
    limit: { amount: n, unit: 'workday' },
    calendar,
  }).due.getTime();
  const reportedMs = kase.negativeReportedAt?.getTime() ?? null;
  const late = reportedMs !== null ? reportedMs > dueMs : ctx.nowMs > dueMs;
  if (!late) {
    if (reportedMs === null) out.recheckAt(dueMs + 1);
    return;
  }
  out.add(
    {
      rule: 'negative_unreported',
      level: rule.level,
      subject: 'report',
      persistence: 'record',
      thresholdAt: formatInstant(dueMs),
    },
    () => ({
      explanation: cardText(
        'negative_unreported',
        rule.level,
        reportedMs === null
          ? {
              zh: `${showInstant(decidedAt.getTime())} 作出${what.zh}决定，${showInstant(dueMs)} 前未否定报备`,
              en: `${what.en} decided at ${showInstant(decidedAt.getTime())} and not reported by ${showInstant(dueMs)}`,
            }
          : {
              zh: `${what.zh}决定于 ${showInstant(reportedMs)} 才报备，超过 ${showInstant(dueMs)}`,
              en: `the ${what.en} was reported only at ${showInstant(reportedMs)}, after ${showInstant(dueMs)}`,
            },
        n === 0
          ? { zh: '决定当日报备', en: 'report on the day of the decision' }
          : { zh: `${n} 个工作日内报备`, en: `report within ${n} working days` },
        null,
      ),
      facts: {
        decidedAt: formatInstant(decidedAt.getTime()),
        reportDue: formatInstant(dueMs),
        reportedAt: reportedMs === null ? null : formatInstant(reportedMs),
      },
    }),
  );
}

export function evaluateFee(ctx: EvalContext, rule: Rule<'fee_mismatch'>, out: Collector): void {
  const fee = ctx.kase.fee;
  if (!fee) return;
  const diff = fee.chargedFen - fee.standardFen;
  if (Math.abs(diff) <= rule.thresholds.toleranceFen) return;
  const reason = (fee.reason ?? '').trim();
  out.add(
    {
      rule: 'fee_mismatch',
      level: rule.level,
      subject: 'fee',
      persistence: 'record',
      thresholdAt: null,
    },
    () => ({
      explanation: cardText(
        'fee_mismatch',
        rule.level,
        {
          zh: `实收 ${fenToYuan(fee.chargedFen)} 元，收费标准 ${fenToYuan(fee.standardFen)} 元，${diff > 0 ? '多收' : '少收'} ${fenToYuan(Math.abs(diff))} 元${reason ? `（说明：${reason}）` : '，未说明原因'}`,
          en: `charged ${fenToYuan(fee.chargedFen)} yuan against a standard of ${fenToYuan(fee.standardFen)} yuan, ${fenToYuan(Math.abs(diff))} yuan ${diff > 0 ? 'too much' : 'too little'}${reason ? ` (reason given: ${reason})` : ', no reason given'}`,
        },
        rule.thresholds.toleranceFen > 0
          ? {
              zh: `允许误差 ${fenToYuan(rule.thresholds.toleranceFen)} 元`,
              en: `tolerance ${fenToYuan(rule.thresholds.toleranceFen)} yuan`,
            }
          : null,
        null,
      ),
      facts: {
        chargedFen: fee.chargedFen,
        standardFen: fee.standardFen,
        differenceFen: diff,
        reason: reason || null,
      },
    }),
  );
}
