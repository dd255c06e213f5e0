/** One changed field of an audited object: its key and the values before and after the change. */
export interface AuditChange {
  key: string;
  before: unknown;
  after: unknown;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The fields that differ between the before and after snapshots of an audit row. A creation has no
 * before (every field is new), a removal no after; snapshots that are not objects compare as a whole
 * under the empty key.
 */
export function auditChanges(before: unknown, after: unknown): AuditChange[] {
  const b = before ?? undefined;
  const a = after ?? undefined;
  if ((isRecord(b) || b === undefined) && (isRecord(a) || a === undefined) && (b || a)) {
    const keys = [...new Set([...Object.keys(b ?? {}), ...Object.keys(a ?? {})])];
    return keys.filter((k) => !same(b?.[k], a?.[k])).map((k) => ({ key: k, before: b?.[k], after: a?.[k] }));
  }
  return same(b, a) ? [] : [{ key: '', before: b, after: a }];
}

/** A snapshot value as one line of text; absent values show as an em dash. */
export function formatAuditValue(v: unknown): string {
  if (v === undefined || v === null) return '—';
  return typeof v === 'string' ? v : JSON.stringify(v);
}
