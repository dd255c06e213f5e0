import type { ItemContent } from '../../shared/contracts/catalog';

/**
 * What changed between two versions of an item, for the history view ("承诺时限 20 → 5 个工作日,
 * approved by …"). Lists with stable keys (steps, materials, situations) are compared entry by entry,
 * so adding one material shows as one change, not as a rewritten list.
 */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

const keyed: Partial<Record<keyof ItemContent, (x: never) => string>> = {
  steps: (s: { key: string }) => s.key,
  materials: (m: { key: string }) => m.key,
  situations: (s: { code: string }) => s.code,
};

const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function diffContent(before: ItemContent | null, after: ItemContent): FieldChange[] {
  if (!before) return [];
  const changes: FieldChange[] = [];
  for (const field of Object.keys(after) as (keyof ItemContent)[]) {
    const a = before[field];
    const b = after[field];
    if (same(a, b)) continue;
    const keyOf = keyed[field] as ((x: unknown) => string) | undefined;
    if (keyOf && Array.isArray(a) && Array.isArray(b)) {
      const old = new Map((a as unknown[]).map((x) => [keyOf(x), x]));
      const neu = new Map((b as unknown[]).map((x) => [keyOf(x), x]));
      for (const [k, x] of neu)
        if (!same(old.get(k), x))
          changes.push({ field: `${field}.${k}`, before: old.get(k) ?? null, after: x });
      for (const [k, x] of old)
        if (!neu.has(k)) changes.push({ field: `${field}.${k}`, before: x, after: null });
    } else {
      changes.push({ field, before: a, after: b });
    }
  }
  return changes;
}
