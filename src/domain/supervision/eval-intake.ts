import { formatInstant } from '../calendar/civil-time';
import { clockFigures } from './clock-figures';
import { computeDeadline } from '../clock/deadline';
import { cardText, clockFacts, clockSentence, showInstant } from './explain';
import { EPS, isInProcess, type Collector, type EvalContext } from './eval-context';
import type { Rule } from './supervision.types';

/**
 * Rules about how a case enters the center: the 5-working-day watchdog of 行政许可法 第32条, the gap
 * between calling a ticket and entering the acceptance (seed 004: the recorded acceptance time must
 * be the real one), and 即办件 that are not concluded on the day.
 */

const MINUTE_MS = 60_000;

/**
 * 第32条: within 5 working days of receipt the applicant must be accepted, refused, or told at once
 * everything that is missing; otherwise the application counts as accepted from receipt. The first
 * of acceptance, refusal and supplement notice ends the watch.
 */
export function evaluateFiveDay(ctx: EvalContext, rule: Rule<'five_day'>, out: Collector): void {
  const { kase, calendar } = ctx;
  if (!kase.receivedAt || kase.status === 'draft') return;
  const answers = [
    kase.deemedAccepted ? null : kase.acceptedAt,
    kase.refusedAt,
    kase.supplementRequestedAt,
  ].filter((d): d is Date => d !== null && d.getTime() >= kase.receivedAt!.getTime());
  const answeredMs = answers.length ? Math.min(...answers.map((d) => d.getTime())) : null;
  const stoppedAt = answeredMs !== null && answeredMs <= ctx.nowMs ? new Date(answeredMs) : null;
  const limit = { amount: rule.thresholds.limitWorkdays, unit: 'workday' as const };
  const v = clockFigures({ start: kase.receivedAt, limit, stoppedAt, now: ctx.now, calendar });
  const dueMs = v.due.getTime();
  const receivedAt = kase.receivedAt;
  const facts = () => clockFacts(v, receivedAt, limit, 0);
  const sentence = () => clockSentence(facts(), { zh: '收件于', en: 'Received' });
  const breached = kase.deemedAccepted || (stoppedAt ? answeredMs! > dueMs : ctx.nowMs > dueMs);
  if (breached) {
    out.add(
      {
        rule: 'five_day',
        level: rule.level,
        subject: '',
        persistence: 'record',
        thresholdAt: formatInstant(dueMs),
      },
      () => ({
        explanation: cardText(
          'five_day',
          rule.level,
          stoppedAt && !kase.deemedAccepted
            ? {
                zh: `收件后超过 ${limit.amount} 个工作日才作出受理、不予受理或补正告知（${showInstant(answeredMs!)}）`,
                en: `accepted, refused or told what is missing only at ${showInstant(answeredMs!)}, after ${limit.amount} working days`,
              }
            : {
                zh: `收件后 ${limit.amount} 个工作日内未受理、未不予受理、未一次性告知补正，依法视为受理`,
                en: `not accepted, refused or told what is missing within ${limit.amount} working days of receipt: deemed accepted`,
              },
          null,
          sentence(),
        ),
        facts: {
          clock: facts(),
          answeredAt: answeredMs === null ? null : formatInstant(answeredMs),
          deemedAccepted: kase.deemedAccepted,
        },
      }),
    );
    return;
  }
  if (stoppedAt || kase.status !== 'received') return;
  const warnBefore = rule.thresholds.warnBeforeWorkdays;
  if (warnBefore > 0) {
    if (v.remainingWorkingDays <= warnBefore + EPS) {
      out.add(
        {
          rule: 'five_day',
          level: 'warning',
          subject: 'near',
          persistence: 'live',
          thresholdAt: null,
        },
        () => ({
          explanation: cardText(
            'five_day',
            'warning',
            {
              zh: `收件后尚未受理、不予受理或告知补正，${showInstant(dueMs)} 届满 ${limit.amount} 个工作日`,
              en: `received and not yet accepted, refused or told what is missing; ${limit.amount} working days end at ${showInstant(dueMs)}`,
            },
            { zh: `届满前 ${warnBefore} 个工作日`, en: `${warnBefore} working days before the end` },
            sentence(),
          ),
          facts: { clock: facts() },
        }),
      );
    } else {
      const c = calendar.workdayCoordAt(dueMs, 'due') - warnBefore;
      out.recheckAt(calendar.instantAtWorkdayCoord(c, 'now'));
    }
  }
  out.recheckAt(dueMs + 1);
}

/** 受理与录入不同步: the case must be entered as accepted while the applicant is at the window. */
export function evaluateAcceptanceLate(
  ctx: EvalContext,
  rule: Rule<'acceptance_late'>,
  out: Collector,
): void {
  const { kase } = ctx;
  if (!kase.ticketCalledAt || !kase.acceptedAt || kase.deemedAccepted) return;
  const calledAt = kase.ticketCalledAt;
  const acceptedAt = kase.acceptedAt;
  const gapMin = (acceptedAt.getTime() - calledAt.getTime()) / MINUTE_MS;
  if (gapMin <= rule.thresholds.maxMinutes) return;
  out.add(
    {
      rule: 'acceptance_late',
      level: rule.level,
      subject: 'ticket',
      persistence: 'record',
      thresholdAt: formatInstant(calledAt.getTime() + rule.thresholds.maxMinutes * MINUTE_MS),
    },
    () => ({
      explanation: cardText(
        'acceptance_late',
        rule.level,
        {
          zh: `${showInstant(calledAt.getTime())} 叫号，${showInstant(acceptedAt.getTime())} 才录入受理，相隔 ${Math.round(gapMin)} 分钟`,
          en: `the ticket was called at ${showInstant(calledAt.getTime())} and the acceptance entered at ${showInstant(acceptedAt.getTime())}, ${Math.round(gapMin)} minutes later`,
        },
        { zh: `${rule.thresholds.maxMinutes} 分钟`, en: `${rule.thresholds.maxMinutes} minutes` },
        null,
      ),
      facts: {
        ticketCalledAt: formatInstant(calledAt.getTime()),
        acceptedAt: formatInstant(acceptedAt.getTime()),
        gapMinutes: Math.round(gapMin),
      },
    }),
  );
}

/** 即办件: decided on the spot, i.e. by the end of the working hours of the day of acceptance. */
export function evaluateImmediate(
  ctx: EvalContext,
  rule: Rule<'immediate_not_same_day'>,
  out: Collector,
): void {
  const { kase, calendar } = ctx;
  if (!kase.immediate || !kase.acceptedAt) return;
  const acceptedAt = kase.acceptedAt;
  // A limit of 0 working days means "within the day of acceptance" (or the next working day).
  const sameDay = computeDeadline({
    start: kase.acceptedAt,
    limit: { amount: 0, unit: 'workday' },
    calendar,
  }).due;
  const endMs = sameDay.getTime() + rule.thresholds.graceMinutes * MINUTE_MS;
  const doneMs = kase.concludedAt?.getTime() ?? null;
  const lateMs = doneMs ?? (isInProcess(kase.status) ? ctx.nowMs : null);
  if (lateMs === null) return;
  if (lateMs > endMs) {
    out.add(
      {
        rule: 'immediate_not_same_day',
        level: rule.level,
        subject: '',
        persistence: 'record',
        thresholdAt: formatInstant(endMs),
      },
      () => ({
        explanation: cardText(
          'immediate_not_same_day',
          rule.level,
          doneMs !== null
            ? {
                zh: `即办件 ${showInstant(acceptedAt.getTime())} 受理，${showInstant(doneMs)} 才办结，未在受理当日（${showInstant(sameDay.getTime())} 前）办结`,
                en: `immediate case accepted ${showInstant(acceptedAt.getTime())}, concluded only at ${showInstant(doneMs)}, not by ${showInstant(sameDay.getTime())}`,
              }
            : {
                zh: `即办件 ${showInstant(acceptedAt.getTime())} 受理，受理当日（${showInstant(sameDay.getTime())} 前）未办结`,
                en: `immediate case accepted ${showInstant(acceptedAt.getTime())} and not concluded by ${showInstant(sameDay.getTime())}`,
              },
          rule.thresholds.graceMinutes > 0
            ? {
                zh: `宽限 ${rule.thresholds.graceMinutes} 分钟`,
                en: `grace ${rule.thresholds.graceMinutes} minutes`,
              }
            : null,
          null,
        ),
        facts: {
          acceptedAt: formatInstant(acceptedAt.getTime()),
          sameDayEnd: formatInstant(sameDay.getTime()),
          concludedAt: doneMs === null ? null : formatInstant(doneMs),
          hoursLate: Math.round(((lateMs - endMs) / 3_600_000) * 100) / 100,
        },
      }),
    );
    return;
  }
  if (doneMs === null) out.recheckAt(endMs + 1);
}
