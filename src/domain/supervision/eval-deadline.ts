import { formatInstant } from '../calendar/civil-time';
import { clockFigures } from './clock-figures';
import type { Pause } from '../clock/clock.types';
import { cardText, clockFacts, clockSentence, limitText, pointText, showInstant, wd } from './explain';
import { EPS, isInProcess, type Collector, type EvalContext } from './eval-context';
import { pointPosition } from './rule-validate';
import type { DeadlinePoint, Level, Rule } from './supervision.types';

/**
 * The deadline rule and the step rule, measured on the axis of *running* working days (E): the
 * working days the clock has used so far, pauses (第45条) excluded, extensions (第42条) included in the
 * budget T. A point is a position on that axis:
 *   due offset k → T + k;  percent p → T·p/100;  "k after the yellow" → yellow + k.
 * Before the due, E grows only while the clock runs; after the due no pause counts any more (the
 * case was already late) and E − T is the clock's overdue working days. So a threshold before the
 * due is reached when E ≥ position, one at or after it when the due has passed (strictly after the
 * due instant) and the overdue working days reach position − T.
 */

interface Placed {
  level: Level;
  point: DeadlinePoint;
  pos: number;
}

/** Order the three points; drop a warning that would not come before the yellow card or before any work. */
function place(th: Rule<'deadline'>['thresholds'], t: number): Placed[] {
  const yellow = pointPosition(th.yellow, t);
  const redRaw = th.red.ref === 'yellow' ? yellow + th.red.value : pointPosition(th.red, t);
  const out: Placed[] = [];
  if (th.warning) {
    const w = pointPosition(th.warning, t);
    if (w > 0 && w < yellow) out.push({ level: 'warning', point: th.warning, pos: w });
  }
  out.push({ level: 'yellow', point: th.yellow, pos: yellow });
  // A center-wide mix of % and working days may put red before yellow for some limit: red then
  // comes with the yellow card, never before it.
  out.push({ level: 'red', point: th.red, pos: Math.max(redRaw, yellow) });
  return out;
}

export function evaluateDeadline(ctx: EvalContext, rule: Rule<'deadline'>, out: Collector): void {
  const { kase, clock: v, calendar } = ctx;
  if (!v || !kase.acceptedAt || !kase.limit || !isInProcess(kase.status)) return;
  // An 即办件 has its own rule (same day); its zero limit gives no meaningful percentages.
  if (kase.immediate && kase.limit.amount === 0) return;
  const late = v.state === 'overdue';
  const e = v.elapsedWorkingDays;
  const t = late ? e - v.overdueWorkingDays : e + v.remainingWorkingDays;
  const acceptedAt = kase.acceptedAt;
  const limit = kase.limit;
  // Built only when a finding needs them: most sweeps of most cases find nothing.
  const facts = () => clockFacts(v, acceptedAt, limit, ctx.extensionWorkingDays);
  const dueMs = v.due.getTime();
  const dueCoord = calendar.workdayCoordAt(dueMs, 'due');

  for (const p of place(rule.thresholds, t)) {
    const afterDue = p.pos >= t - EPS;
    const active = afterDue ? late && e - t >= p.pos - t - EPS : e >= p.pos - EPS;
    if (active) {
      const thresholdMs = afterDue
        ? Math.abs(p.pos - t) < EPS
          ? dueMs
          : calendar.instantAtWorkdayCoord(dueCoord + (p.pos - t), 'due')
        : null;
      out.add(
        {
          rule: 'deadline',
          level: p.level,
          subject: '',
          persistence: 'live',
          thresholdAt: thresholdMs === null ? null : formatInstant(thresholdMs),
        },
        () => {
          const what =
            p.level === 'warning'
              ? {
                  zh: `承诺期限将至（${showInstant(dueMs)} 到期）`,
                  en: `the promised due is near (${showInstant(dueMs)})`,
                }
              : late
                ? {
                    zh: `已超过承诺期限仍未办结（超期 ${wd(v.overdueWorkingDays)} 个工作日）`,
                    en: `past the promised due and not concluded (overdue by ${wd(v.overdueWorkingDays)} working days)`,
                  }
                : {
                    zh: `时限已用去 ${wd((e / t) * 100)}% 仍未办结`,
                    en: `${wd((e / t) * 100)} % of the limit used and not concluded`,
                  };
          return {
            explanation: cardText('deadline', p.level, what, pointText(p.point), clockSentence(facts())),
            facts: { clock: facts(), point: p.point, positionWorkingDays: Math.round(p.pos * 1e6) / 1e6 },
          };
        },
      );
      continue;
    }
    // While paused (and not yet late) the clock stands still: nothing can happen before it resumes,
    // and resuming changes the case, which brings it back to the sweep.
    if (v.state === 'paused') continue;
    // Running: everything between now and the due is running time (pauses all lie in the past).
    if (!afterDue) out.recheckAt(calendar.instantAtWorkdayCoord(dueCoord - (t - p.pos), 'due'));
    else if (Math.abs(p.pos - t) < EPS) out.recheckAt(dueMs + 1);
    else out.recheckAt(calendar.instantAtWorkdayCoord(dueCoord + (p.pos - t), 'due'));
  }
}

/** 环节超时: the step's own clock, from entering the step, with the case's pauses taken out. */
export function evaluateStep(ctx: EvalContext, rule: Rule<'step_overdue'>, out: Collector): void {
  const { kase, calendar } = ctx;
  const step = kase.step;
  if (!step || !step.limit || !isInProcess(kase.status)) return;
  const limit = step.limit;
  if (step.enteredAt.getTime() > ctx.nowMs) return;
  const from = step.enteredAt.getTime();
  const pauses: Pause[] = [];
  for (const p of kase.pauses) {
    if (p.to && p.to.getTime() <= from) continue;
    pauses.push({ from: new Date(Math.max(p.from.getTime(), from)), to: p.to, kind: p.kind });
  }
  const v = clockFigures({ start: step.enteredAt, limit: step.limit, pauses, now: ctx.now, calendar });
  const grace = rule.thresholds.graceWorkdays;
  const dueMs = v.due.getTime();
  if (v.state === 'overdue' && v.overdueWorkingDays >= grace - EPS) {
    const facts = clockFacts(v, step.enteredAt, limit, 0);
    const caseLate = ctx.clock?.state === 'overdue';
    out.add(
      {
        rule: 'step_overdue',
        level: rule.level,
        subject: `step:${step.index}`,
        persistence: 'live',
        thresholdAt: formatInstant(dueMs),
      },
      () => ({
        explanation: cardText(
          'step_overdue',
          rule.level,
          {
            zh: `第 ${step.index + 1} 环节「${step.name}」超过环节时限 ${limitText(limit).zh}${caseLate ? '' : '，办件总时限尚未到期'}`,
            en: `step ${step.index + 1} "${step.name}" is past its step limit of ${limitText(limit).en}${caseLate ? '' : '; the case as a whole is not overdue'}`,
          },
          grace > 0 ? { zh: `宽限 ${grace} 个工作日`, en: `grace ${grace} working days` } : null,
          clockSentence(facts, { zh: '进入环节于', en: 'Step entered' }),
        ),
        facts: { clock: facts, stepIndex: step.index, stepName: step.name, caseOverdue: caseLate },
      }),
    );
    return;
  }
  if (v.state === 'paused') return;
  if (grace === 0) out.recheckAt(dueMs + 1);
  else out.recheckAt(calendar.instantAtWorkdayCoord(calendar.workdayCoordAt(dueMs, 'due') + grace, 'due'));
}
