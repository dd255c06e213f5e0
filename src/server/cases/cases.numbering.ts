import { CENTER_UTC_OFFSET_MS } from '../../domain/calendar';
import type { Queryable } from '../db/db';
import type { CaseDocumentKind } from '../../shared/contracts/cases';

/**
 * Human-readable numbers: a case number per center and day (`YUNXI-20260302-0007`) and a document
 * number per center, kind and year (`YUNXI受〔2026〕00012号`), each from a counter row taken with
 * `INSERT … ON CONFLICT DO UPDATE … RETURNING`: the row lock serialises concurrent takers, so a
 * number is never given twice.
 *
 * A counter row taken inside a transaction stays locked until it ends. Receipts (the hot path: every
 * window of a center, all day) therefore take their numbers before their transaction opens, in one
 * autocommit statement on PostgreSQL (`preNumber` in cases.commit.ts; a failed receipt leaves a
 * gap, as a sequence would). Never from inside an open transaction on another connection: with
 * every pooled connection held by a transaction waiting for one more, the pool starves. Actions on
 * existing cases take document numbers inside their transaction, after all their reads.
 */

/** Numbers taken for each scope, in order. */
export type Numbers = Map<string, number[]>;
export async function takeNumbers(
  q: Queryable,
  centerId: string,
  scopes: readonly string[],
): Promise<Numbers> {
  const counts = new Map<string, number>();
  for (const s of scopes) counts.set(s, (counts.get(s) ?? 0) + 1);
  // Sorted, so two takers always lock the rows in the same order (no deadlock).
  const keys = [...counts.keys()].sort();
  const out: Numbers = new Map();
  if (keys.length === 0) return out;
  const rows = await q.query<{ scope: string; last: number }>(
    `INSERT INTO case_counters (center_id, scope, last)
     SELECT $1, x.scope, x.n FROM unnest($2::text[], $3::int[]) AS x(scope, n) ORDER BY x.scope
     ON CONFLICT (center_id, scope) DO UPDATE SET last = case_counters.last + EXCLUDED.last
     RETURNING scope, last`,
    [centerId, keys, keys.map((k) => counts.get(k)!)],
  );
  for (const r of rows) {
    const n = counts.get(r.scope)!;
    out.set(
      r.scope,
      Array.from({ length: n }, (_, i) => r.last - n + 1 + i),
    );
  }
  return out;
}

export const caseScopeOf = (day: string) => `case:${day}`;
export const documentScopeOf = (kind: CaseDocumentKind, at: Date) =>
  `doc:${kind}:${new Date(at.getTime() + CENTER_UTC_OFFSET_MS).getUTCFullYear()}`;

/** `YUNXI-20260302-0007`: center code, the day of receipt (China time), the day's sequence. */
export function caseNumber(centerCode: string, day: string, seq: number): string {
  return `${centerCode.toUpperCase()}-${day.replaceAll('-', '')}-${String(seq).padStart(4, '0')}`;
}

/** Prefix of a document number, 〔year〕 and the sequence follow: 云溪受〔2026〕00012号. */
const numberMark: Record<CaseDocumentKind, string> = {
  material_receipt: '收',
  supplement_notice: '补',
  acceptance_notice: '受',
  refusal_notice: '不受',
  special_procedure_notice: '特',
  extension_notice: '延',
  decision_approve: '准',
  decision_deny: '不准',
  delivery_receipt: '送',
  pickup_notice: '领',
};

export function documentNumber(centerCode: string, kind: CaseDocumentKind, at: Date, seq: number): string {
  const year = new Date(at.getTime() + CENTER_UTC_OFFSET_MS).getUTCFullYear();
  const prefix = centerCode
    .split('-')
    .map((s) => s.toUpperCase())
    .join('');
  return `${prefix}${numberMark[kind]}〔${year}〕${String(seq).padStart(5, '0')}号`;
}
