import type { Queryable } from '../db/db';
import { maybeOne, one } from '../db/db';

/** Thin typed SQL for what hangs off a case: materials, pauses, extensions, documents, bundles. */

export interface MaterialRow {
  id: string;
  seq: number;
  material_key: string | null;
  name: string;
  necessity: 'mandatory' | 'optional' | 'deferrable';
  originals_required: number;
  copies_required: number;
  originals_received: number;
  copies_received: number;
  status: 'received' | 'missing' | 'deferred' | 'not_applicable';
  note: string;
  supplied_at: Date | null;
}

export type NewMaterial = Omit<MaterialRow, 'id' | 'supplied_at'>;

export async function insertMaterials(
  q: Queryable,
  caseId: string,
  centerId: string,
  rows: readonly NewMaterial[],
): Promise<void> {
  if (rows.length === 0) return;
  // One statement for all rows: a case has up to ~20 materials and receiving must stay fast.
  const params: unknown[] = [caseId, centerId];
  const tuples = rows.map((m) => {
    const base = params.length;
    params.push(
      m.seq,
      m.material_key,
      m.name,
      m.necessity,
      m.originals_required,
      m.copies_required,
      m.originals_received,
      m.copies_received,
      m.status,
      m.note,
    );
    return `($1, $2, ${Array.from({ length: 10 }, (_, i) => `$${base + i + 1}`).join(', ')})`;
  });
  await q.query(
    `INSERT INTO case_materials (case_id, center_id, seq, material_key, name, necessity, originals_required,
       copies_required, originals_received, copies_received, status, note)
     VALUES ${tuples.join(', ')}`,
    params,
  );
}

export const listMaterials = (q: Queryable, caseId: string) =>
  q.query<MaterialRow>('SELECT * FROM case_materials WHERE case_id = $1 ORDER BY seq', [caseId]);

/** A missing or deferred material was brought: it counts as received from now on. */
export async function markSupplied(
  q: Queryable,
  caseId: string,
  ids: readonly string[],
  at: Date,
): Promise<void> {
  await q.query(
    `UPDATE case_materials SET status = 'received', supplied_at = $3,
       originals_received = greatest(originals_received, originals_required),
       copies_received = greatest(copies_received, copies_required)
     WHERE case_id = $1 AND id = ANY($2::uuid[])`,
    [caseId, ids, at],
  );
}

export async function insertExtraMissing(
  q: Queryable,
  caseId: string,
  centerId: string,
  seq: number,
  name: string,
  note: string,
): Promise<void> {
  await q.query(
    `INSERT INTO case_materials (case_id, center_id, seq, material_key, name, necessity, status, note)
     VALUES ($1, $2, $3, NULL, $4, 'mandatory', 'missing', $5)`,
    [caseId, centerId, seq, name, note],
  );
}

export async function setMaterialsMissing(
  q: Queryable,
  caseId: string,
  ids: readonly string[],
  notes: readonly string[],
): Promise<void> {
  if (ids.length === 0) return;
  await q.query(
    `UPDATE case_materials m SET status = 'missing', note = CASE WHEN x.note = '' THEN m.note ELSE x.note END
     FROM unnest($2::uuid[], $3::text[]) AS x(id, note)
     WHERE m.case_id = $1 AND m.id = x.id`,
    [caseId, ids, notes],
  );
}

export interface PauseRow {
  id: string;
  kind: string;
  expected_working_days: number;
  reason: string;
  started_at: Date;
  ended_at: Date | null;
  result: string;
}

export async function openPause(
  q: Queryable,
  p: {
    caseId: string;
    centerId: string;
    kind: string;
    expectedWorkingDays: number;
    reason: string;
    at: Date;
    by: string;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO case_pauses (case_id, center_id, kind, expected_working_days, reason, started_at, started_by_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [p.caseId, p.centerId, p.kind, p.expectedWorkingDays, p.reason, p.at, p.by],
  );
}

export async function closePause(
  q: Queryable,
  caseId: string,
  at: Date,
  result: string,
  by: string,
): Promise<void> {
  await q.query(
    `UPDATE case_pauses SET ended_at = $2, result = $3, ended_by_name = $4 WHERE case_id = $1 AND ended_at IS NULL`,
    [caseId, at, result, by],
  );
}

export const listPauses = (q: Queryable, caseId: string) =>
  q.query<PauseRow>(
    'SELECT id, kind, expected_working_days, reason, started_at, ended_at, result FROM case_pauses WHERE case_id = $1 ORDER BY started_at',
    [caseId],
  );

export interface ExtensionRow {
  working_days: number;
  approved_by: string;
  reason: string;
  approved_at: Date;
}

export async function insertExtension(
  q: Queryable,
  e: {
    caseId: string;
    centerId: string;
    workingDays: number;
    approvedBy: string;
    reason: string;
    at: Date;
    by: string;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO case_extensions (case_id, center_id, working_days, approved_by, reason, approved_at, recorded_by_name)
     VALUES ($1, $2, $3, $4, $5, $6, $7)`,
    [e.caseId, e.centerId, e.workingDays, e.approvedBy, e.reason, e.at, e.by],
  );
}

export const listExtensions = (q: Queryable, caseId: string) =>
  q.query<ExtensionRow>(
    'SELECT working_days, approved_by, reason, approved_at FROM case_extensions WHERE case_id = $1 ORDER BY approved_at',
    [caseId],
  );

export interface DocumentRow {
  id: string;
  case_id: string;
  center_id: string;
  kind: string;
  number: string;
  event_id: number;
  event_seq: number;
  data: Record<string, unknown>;
  issued_at: Date;
  issued_by_name: string;
}

export interface NewDocument {
  caseId: string;
  centerId: string;
  kind: string;
  number: string;
  eventId: number;
  data: unknown;
  at: Date;
  by: string;
}

/** The documents of one commit, in one statement; ids in the order given. */
export async function insertDocuments(q: Queryable, docs: readonly NewDocument[]): Promise<string[]> {
  if (docs.length === 0) return [];
  const params: unknown[] = [];
  const tuples = docs.map((d) => {
    const b = params.length;
    params.push(d.caseId, d.centerId, d.kind, d.number, d.eventId, JSON.stringify(d.data), d.at, d.by);
    return `(${Array.from({ length: 8 }, (_, i) => `$${b + i + 1}`).join(', ')})`;
  });
  const rows = await q.query<{ id: string; number: string }>(
    `INSERT INTO case_documents (case_id, center_id, kind, number, event_id, data, issued_at, issued_by_name)
     VALUES ${tuples.join(', ')} RETURNING id, number`,
    params,
  );
  const byNumber = new Map(rows.map((r) => [r.number, r.id]));
  return docs.map((d) => byNumber.get(d.number)!);
}

const documentSelect = `SELECT d.id, d.case_id, d.center_id, d.kind, d.number, d.event_id, e.seq AS event_seq, d.data,
  d.issued_at, d.issued_by_name FROM case_documents d JOIN case_events e ON e.id = d.event_id`;

export const listDocuments = (q: Queryable, caseId: string) =>
  q.query<DocumentRow>(`${documentSelect} WHERE d.case_id = $1 ORDER BY e.seq, d.issued_at`, [caseId]);

export const findDocument = (q: Queryable, caseId: string, id: string) =>
  maybeOne<DocumentRow>(q, `${documentSelect} WHERE d.case_id = $1 AND d.id = $2`, [caseId, id]);

export const findPdf = (q: Queryable, id: string) =>
  maybeOne<{ pdf: Uint8Array | null }>(q, 'SELECT pdf FROM case_documents WHERE id = $1', [id]);

/** The PDF is rendered once, on first print, from the stored snapshot; later prints return the same bytes. */
export async function storePdf(q: Queryable, id: string, pdf: Buffer, sha256: string): Promise<void> {
  await q.query('UPDATE case_documents SET pdf = $2, sha256 = $3 WHERE id = $1 AND pdf IS NULL', [
    id,
    pdf,
    sha256,
  ]);
}

export interface BundleRow {
  id: string;
  center_id: string;
  name: string;
  ready_at: Date | null;
}

export const insertBundle = (q: Queryable, centerId: string, name: string, now: Date) =>
  one<BundleRow>(
    q,
    'INSERT INTO case_bundles (center_id, name, created_at) VALUES ($1, $2, $3) RETURNING id, center_id, name, ready_at',
    [centerId, name, now],
  );

export const findBundle = (q: Queryable, id: string) =>
  maybeOne<BundleRow>(q, 'SELECT id, center_id, name, ready_at FROM case_bundles WHERE id = $1', [id]);

export const markBundleReady = (q: Queryable, id: string, at: Date) =>
  q.query('UPDATE case_bundles SET ready_at = $2 WHERE id = $1 AND ready_at IS NULL', [id, at]);

export interface BundlePartRow {
  id: string;
  number: string;
  item_name: string;
  status: string;
  outcome: string | null;
}

export const listBundleParts = (q: Queryable, bundleId: string) =>
  q.query<BundlePartRow>(
    'SELECT id, number, item_name, status, outcome FROM cases WHERE bundle_id = $1 ORDER BY number',
    [bundleId],
  );
