import type { Limit } from '../clock/clock.types';
import type { SatisfactionLevel } from './levels';

/**
 * Every deadline and option of evaluation, complaints and the 12345 hotline, as data per center
 * (domain.md rule 8). The national text fixes none of the rectification deadlines (domain-facts §3.3:
 * they are local), so the defaults below follow the most common local rules and say where from.
 */

/** Order categories of the 12345 hotline (诉求类别): 紧急 / 一般 / 复杂. */
export const hotlineCategories = ['urgent', 'ordinary', 'complex'] as const;
export type HotlineCategory = (typeof hotlineCategories)[number];

export interface HotlineLimits {
  /** 签收: the unit acknowledges the order (某市: 1 个工作日内签收). */
  sign: Limit;
  /** 回复: the unit replies to the caller and the hotline (山东: 5 个工作日). */
  reply: Limit;
  /** One extension of the reply limit, at most this many working days (山东: 一般不超过 10 个工作日 in all). */
  extensionMaxWorkdays: number;
  /** A wrongly routed order may be returned (回退) only within this limit of the dispatch (山东: 2 个工作日). */
  returnWithin: Limit;
}

export interface EvaluationPolicy {
  /** 广东 2019 试行办法: no evaluation within 7 natural days of the service ⇒ 默认"基本满意". */
  defaultRating: {
    enabled: boolean;
    afterDays: number;
    level: SatisfactionLevel;
    /** Whether default ratings count in satisfaction rates and rankings (the flag is always stored). */
    countInRates: boolean;
  };
  /** A 追评 is accepted up to this many natural days after the first evaluation (浙江: 追评 1 次). */
  followUpWithinDays: number;
  /** How long an evaluation link (QR code, SMS) stays valid after the service ends, in natural days. */
  invitationValidDays: number;
  /** How long the window evaluator keeps asking about a finished ticket or case, in minutes. */
  devicePromptMinutes: number;
  /** A 差评 must name at least one tag (GB/T 39734 附录 A: 差评评价内容). */
  badReviewTagRequired: boolean;
  /** 差评 → 回访 (浙江: 1 日内回访). */
  returnVisit: Limit;
  /** 回访 → 核实 and the decision: rectify, explain or appeal. */
  verification: Limit;
  /** 整改 (四川某市: 15 个工作日内整改到位). */
  rectification: Limit;
  /** The one extension of a rectification, at most this many working days, approved by the supervisor. */
  rectificationExtensionMaxWorkdays: number;
  /** 申诉复核: the supervisor decides within this limit. */
  appealDecision: Limit;
  /** 回访抽样: every 差评 is called, and this share of the other evaluated or concluded cases. */
  samplingPercent: number;
  /** 群众满意窗口 ranking: windows with fewer evaluations in the month are not ranked. */
  rankingMinEvaluations: number;
}

export interface ComplaintPolicy {
  /** 投诉/举报/建议 answered within this limit of the assignment. */
  replyLimit: Limit;
}

export interface CenterPolicies {
  evaluation: EvaluationPolicy;
  complaints: ComplaintPolicy;
  hotline: Record<HotlineCategory, HotlineLimits>;
}

const workdays = (amount: number): Limit => ({ amount, unit: 'workday' });

export const DEFAULT_POLICIES: CenterPolicies = {
  evaluation: {
    defaultRating: { enabled: true, afterDays: 7, level: 'basic', countInRates: false },
    followUpWithinDays: 30,
    invitationValidDays: 30,
    devicePromptMinutes: 30,
    badReviewTagRequired: true,
    returnVisit: workdays(1),
    verification: workdays(3),
    rectification: workdays(15),
    rectificationExtensionMaxWorkdays: 10,
    appealDecision: workdays(5),
    samplingPercent: 10,
    rankingMinEvaluations: 5,
  },
  complaints: { replyLimit: workdays(5) },
  hotline: {
    // 北京: 水电气热 24 小时, 突发 2 小时 — urgent orders run on working hours.
    urgent: {
      sign: { amount: 2, unit: 'workhour' },
      reply: workdays(1),
      extensionMaxWorkdays: 0,
      returnWithin: { amount: 4, unit: 'workhour' },
    },
    ordinary: { sign: workdays(1), reply: workdays(5), extensionMaxWorkdays: 5, returnWithin: workdays(2) },
    // 某局: 投诉举报 13 个工作日; 北京: 复杂 15 天.
    complex: { sign: workdays(1), reply: workdays(15), extensionMaxWorkdays: 10, returnWithin: workdays(2) },
  },
};

type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
export type StoredPolicies = DeepPartial<CenterPolicies>;

type Plain = Record<string, unknown>;
const isPlain = (v: unknown): v is Plain => typeof v === 'object' && v !== null && !Array.isArray(v);

function merge(base: Plain, over: Plain | undefined): Plain {
  if (!over) return base;
  const out: Plain = { ...base };
  for (const [k, v] of Object.entries(over)) {
    if (v === undefined) continue;
    const b = base[k];
    // A Limit ({amount, unit}) is replaced whole, so a unit change never mixes with an old amount.
    out[k] = isPlain(v) && !('unit' in v) && isPlain(b) ? merge(b, v) : v;
  }
  return out;
}

/** The effective policies: the center's stored overrides over the defaults. */
export const resolvePolicies = (stored: StoredPolicies | null | undefined): CenterPolicies =>
  merge(DEFAULT_POLICIES as unknown as Plain, stored ?? undefined) as unknown as CenterPolicies;
