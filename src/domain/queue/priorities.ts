import { priorityKinds, type PriorityKind } from './ticket-states';

/**
 * Priority weights (优先权重). A priority is an attribute of a ticket verified by staff at the guide
 * desk or the window (a district's 特殊群体优先办 is verified at the consultation desk), never
 * self-declared at the kiosk. Weights are per-hall data; these are only the defaults a new hall gets.
 * 0 means "no priority", so every real priority weighs at least 1.
 */
export const defaultPriorityWeights: Readonly<Record<PriorityKind, number>> = {
  elderly: 2,
  disabled: 3,
  military: 3, // 军人抚恤优待条例 第三十四条: 现役军人、残疾军人 依法优先
  pregnant: 3,
};

export type PriorityWeights = Readonly<Record<PriorityKind, number>>;

/** A hall's weights: its stored overrides on top of the defaults; out-of-range values are ignored. */
export function resolvePriorityWeights(overrides: Partial<Record<string, unknown>>): PriorityWeights {
  const out: Record<PriorityKind, number> = { ...defaultPriorityWeights };
  for (const k of priorityKinds) {
    const v = overrides[k];
    if (typeof v === 'number' && Number.isInteger(v) && v >= 1 && v <= 100) out[k] = v;
  }
  return out;
}

/** The weight a ticket gets for a verified priority (0 without one). */
export const priorityWeight = (weights: PriorityWeights, p: PriorityKind | null): number =>
  p === null ? 0 : weights[p];
