import { formatInstant } from '../calendar/civil-time';
import { cardText, showInstant, wd } from './explain';
import { EPS, STEP, isInProcess, type Collector, type EvalContext } from './eval-context';
import type { SpecialProcedureKind } from '../cases/case-states';
import { specialProcedureLabels } from '../../shared/cases/labels';
import type { Rule } from './supervision.types';

const kindText = (kind: string): { zh: string; en: string } =>
  specialProcedureLabels[kind as SpecialProcedureKind] ?? { zh: kind, en: kind };

/**
 * Special procedures (特别程序, 行政许可法 第45条) stop the clock, which makes them the easiest way to
 * hide a late case: supervision watches how long each one runs in working days against the duration
 * announced to the applicant (告知书) and the center's maximum, and that each ends with a result.
 */

export function evaluatePauseOverrun(ctx: EvalContext, rule: Rule<'pause_overrun'>, out: Collector): void {
  const { kase, calendar } = ctx;
  if (!isInProcess(kase.status)) return;
  const { graceWorkdays, maxWorkdays } = rule.thresholds;
  const nowCoord = calendar.workdayCoordAt(ctx.nowMs, 'now');
  for (const p of kase.pauses) {
    if (p.to !== null) continue;
    const fromMs = p.from.getTime();
    const fromCoord = calendar.workdayCoordAt(fromMs, 'pauses.from');
    const age = nowCoord - fromCoord;
    const expected = p.expectedWorkingDays === null ? Infinity : p.expectedWorkingDays + graceWorkdays;
    const limit = Math.min(expected, maxWorkdays);
    const byMax = maxWorkdays <= expected;
    if (age > limit + EPS) {
      const thresholdMs = calendar.instantAtWorkdayCoord(fromCoord + limit, 'pauses.from');
      out.add(
        {
          rule: 'pause_overrun',
          level: rule.level,
          subject: `pause:${p.id}`,
          persistence: 'live',
          thresholdAt: formatInstant(thresholdMs),
        },
        () => ({
          explanation: cardText(
            'pause_overrun',
            rule.level,
            byMax
              ? {
                  zh: `特别程序「${kindText(p.kind).zh}」自 ${showInstant(fromMs)} 起已暂停 ${wd(age)} 个工作日，超过中心规定的最长 ${maxWorkdays} 个工作日`,
                  en: `the special procedure (${kindText(p.kind).en}) has paused the clock since ${showInstant(fromMs)} for ${wd(age)} working days, longer than the center maximum of ${maxWorkdays}`,
                }
              : {
                  zh: `特别程序「${kindText(p.kind).zh}」自 ${showInstant(fromMs)} 起已暂停 ${wd(age)} 个工作日，超过告知的预计 ${p.expectedWorkingDays} 个工作日`,
                  en: `the special procedure (${kindText(p.kind).en}) has paused the clock since ${showInstant(fromMs)} for ${wd(age)} working days, past the announced ${p.expectedWorkingDays} working days`,
                },
            graceWorkdays > 0 && !byMax
              ? { zh: `宽限 ${graceWorkdays} 个工作日`, en: `grace ${graceWorkdays} working days` }
              : null,
            null,
          ),
          facts: {
            pauseId: p.id,
            pauseKind: p.kind,
            pausedSince: formatInstant(fromMs),
            ageWorkingDays: Math.round(age * 1e6) / 1e6,
            expectedWorkingDays: p.expectedWorkingDays,
            graceWorkdays,
            maxWorkdays,
            byMax,
          },
        }),
      );
    } else {
      // Past the limit = the first working moment after the end of its last working day.
      out.recheckAt(calendar.instantAtWorkdayCoord(fromCoord + limit + STEP, 'pauses.from'));
    }
  }
}

export function evaluatePauseNoResult(ctx: EvalContext, rule: Rule<'pause_no_result'>, out: Collector): void {
  for (const p of ctx.kase.pauses) {
    if (p.to === null || (p.result ?? '').trim() !== '') continue;
    const endMs = p.to.getTime();
    out.add(
      {
        rule: 'pause_no_result',
        level: rule.level,
        subject: `pause:${p.id}`,
        persistence: 'record',
        thresholdAt: formatInstant(endMs),
      },
      () => ({
        explanation: cardText(
          'pause_no_result',
          rule.level,
          {
            zh: `特别程序「${kindText(p.kind).zh}」于 ${showInstant(endMs)} 恢复计时，未录入特别程序结果`,
            en: `the special procedure (${kindText(p.kind).en}) ended at ${showInstant(endMs)} without a recorded result`,
          },
          null,
          null,
        ),
        facts: {
          pauseId: p.id,
          pauseKind: p.kind,
          from: formatInstant(p.from.getTime()),
          to: formatInstant(endMs),
        },
      }),
    );
  }
}
