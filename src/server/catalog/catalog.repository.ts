import type { ItemContent, VersionStatus } from '../../shared/contracts/catalog';
import type { Queryable } from '../db/db';
import { maybeOne } from '../db/db';

/** Thin typed SQL for items and their versions. Scope is a center path prefix (own center and below). */

export interface ItemRow {
  id: string;
  center_id: string;
  department_id: string;
  department_name: string;
  basic_code: string;
  impl_code: string;
  current_version_id: string | null;
  next_version_id: string | null;
  next_effective_from: string | null;
}

export interface VersionRow {
  id: string;
  item_id: string;
  center_id: string;
  version_no: number;
  status: VersionStatus;
  campaign_id: string | null;
  change_note: string;
  effective_from: string | null;
  name: string;
  item_type: string;
  exercise_level: string;
  accept_levels: string[];
  case_type: string;
  legal_limit_amount: number;
  legal_limit_unit: string;
  legal_limit_note: string;
  promised_limit_amount: number;
  promised_limit_unit: string;
  handling_modes: string[];
  visits_required: number;
  visits_reason: string;
  online_depth: number;
  legal_basis: string;
  conditions: string;
  special_procedures: string[];
  result_name: string;
  result_kind: string;
  location: string;
  hours: string;
  phone: string;
  complaint_phone: string;
  themes: string[];
  steps: unknown;
  fees: unknown;
  materials: unknown;
  situations: unknown;
  faq: unknown;
  created_by_name: string;
  created_at: Date;
  submitted_at: Date | null;
  department_reviewed_by_name: string | null;
  department_reviewed_at: Date | null;
  approved_by_name: string | null;
  approved_at: Date | null;
  published_at: Date | null;
  // joined from the item
  department_id: string;
  department_name: string;
  basic_code: string;
  impl_code: string;
  item_type_code: string;
}

const inScope = (alias: string, n: number) => `${alias}.path LIKE $${n} || '%'`;

const itemSelect = `SELECT i.id, i.center_id, i.department_id, d.name AS department_name, i.basic_code, i.impl_code,
    i.current_version_id, i.next_version_id, i.next_effective_from
  FROM items i JOIN centers c ON c.id = i.center_id JOIN departments d ON d.id = i.department_id`;

export const findItem = (q: Queryable, scopePath: string, id: string) =>
  maybeOne<ItemRow>(q, `${itemSelect} WHERE i.id = $2 AND ${inScope('c', 1)}`, [scopePath, id]);

/** Lock the item row: version numbers and pointers of one item change one transaction at a time. */
export const lockItem = (q: Queryable, id: string) =>
  q.query('SELECT id FROM items WHERE id = $1 FOR UPDATE', [id]);

export async function insertItem(
  q: Queryable,
  i: { centerId: string; departmentId: string; basicCode: string; implCode: string; now: Date },
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO items (center_id, department_id, basic_code, impl_code, created_at, updated_at)
     VALUES ($1, $2, $3, $4, $5, $5) RETURNING id`,
    [i.centerId, i.departmentId, i.basicCode, i.implCode, i.now],
  );
  return row!.id;
}

export async function updateItemIdentity(
  q: Queryable,
  id: string,
  p: { departmentId: string; basicCode: string; implCode: string },
  now: Date,
): Promise<void> {
  await q.query(
    'UPDATE items SET department_id = $2, basic_code = $3, impl_code = $4, updated_at = $5 WHERE id = $1',
    [id, p.departmentId, p.basicCode, p.implCode, now],
  );
}

export async function setItemPointers(
  q: Queryable,
  id: string,
  p: { current: string | null; next: string | null; nextEffectiveFrom: string | null },
  now: Date,
): Promise<void> {
  await q.query(
    'UPDATE items SET current_version_id = $2, next_version_id = $3, next_effective_from = $4, updated_at = $5 WHERE id = $1',
    [id, p.current, p.next, p.nextEffectiveFrom, now],
  );
}

export const codeTaken = async (
  q: Queryable,
  centerId: string,
  column: 'basic_code' | 'impl_code',
  code: string,
  exceptId?: string,
) =>
  (
    await q.query(
      `SELECT 1 FROM items WHERE center_id = $1 AND ${column} = $2 AND ($3::uuid IS NULL OR id <> $3)`,
      [centerId, code, exceptId ?? null],
    )
  ).length > 0;

export const versionSelect = `SELECT v.*, i.department_id, d.name AS department_name, i.basic_code, i.impl_code,
    t.code AS item_type_code
  FROM item_versions v JOIN items i ON i.id = v.item_id JOIN centers c ON c.id = v.center_id
  JOIN departments d ON d.id = i.department_id
  LEFT JOIN item_type_codes t ON t.item_type = v.item_type AND t.system = 'gbt39046'`;

export const findVersion = (q: Queryable, scopePath: string, id: string) =>
  maybeOne<VersionRow>(q, `${versionSelect} WHERE v.id = $2 AND ${inScope('c', 1)}`, [scopePath, id]);

/** Any version by id, without scope: for services of other features that already hold a pinned id. */
export const findVersionById = (q: Queryable, id: string) =>
  maybeOne<VersionRow>(q, `${versionSelect} WHERE v.id = $1`, [id]);

/** The published version in force on `day` (see catalog.versions.ts for the rule, kept the same here). */
export const findVersionInForce = (q: Queryable, itemId: string, day: string) =>
  maybeOne<VersionRow>(
    q,
    `${versionSelect} WHERE v.item_id = $1 AND v.status = 'published' AND v.effective_from <= $2::date
     ORDER BY v.effective_from DESC, v.version_no DESC LIMIT 1`,
    [itemId, day],
  );

export const listVersions = (q: Queryable, itemId: string) =>
  q.query<VersionRow>(`${versionSelect} WHERE v.item_id = $1 ORDER BY v.version_no`, [itemId]);

export const openVersion = (q: Queryable, itemId: string) =>
  maybeOne<{ id: string; version_no: number; status: VersionStatus }>(
    q,
    `SELECT id, version_no, status FROM item_versions WHERE item_id = $1 AND status IN ('draft', 'department_review', 'center_review')`,
    [itemId],
  );

/** Text searched by the catalog lists: lower-cased so ILIKE-free LIKE matches Chinese substrings. */
export function searchText(c: ItemContent, basicCode: string, implCode: string): string {
  return [c.name, basicCode, implCode, ...c.themes].join(' ').toLowerCase();
}

const contentColumns = `name, item_type, exercise_level, accept_levels, case_type, legal_limit_amount, legal_limit_unit,
  legal_limit_note, promised_limit_amount, promised_limit_unit, handling_modes, visits_required, visits_reason, online_depth,
  legal_basis, conditions, special_procedures, result_name, result_kind, location, hours, phone, complaint_phone, themes,
  steps, fees, materials, situations, faq, search_text`;

function contentParams(c: ItemContent, search: string): unknown[] {
  return [
    c.name,
    c.itemType,
    c.exerciseLevel,
    c.acceptLevels,
    c.caseType,
    c.legalLimit.amount,
    c.legalLimit.unit,
    c.legalLimitNote,
    c.promisedLimit.amount,
    c.promisedLimit.unit,
    c.handlingModes,
    c.visitsRequired,
    c.visitsReason,
    c.onlineDepth,
    c.legalBasis,
    c.conditions,
    c.specialProcedures,
    c.result.name,
    c.result.kind,
    c.location,
    c.hours,
    c.phone,
    c.complaintPhone,
    c.themes,
    JSON.stringify(c.steps),
    JSON.stringify(c.fees),
    JSON.stringify(c.materials),
    JSON.stringify(c.situations),
    JSON.stringify(c.faq),
    search,
  ];
}
const CONTENT_COUNT = 30;
const placeholders = (from: number, n: number) =>
  Array.from({ length: n }, (_, i) => `$${from + i}`).join(', ');

export async function insertVersion(
  q: Queryable,
  v: {
    itemId: string;
    centerId: string;
    versionNo: number;
    status: VersionStatus;
    campaignId: string | null;
    changeNote: string;
    content: ItemContent;
    search: string;
    createdByName: string;
    now: Date;
  },
): Promise<string> {
  const [row] = await q.query<{ id: string }>(
    `INSERT INTO item_versions (item_id, center_id, version_no, status, campaign_id, change_note, created_by_name,
       created_at, updated_at, ${contentColumns})
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8, ${placeholders(9, CONTENT_COUNT)}) RETURNING id`,
    [
      v.itemId,
      v.centerId,
      v.versionNo,
      v.status,
      v.campaignId,
      v.changeNote,
      v.createdByName,
      v.now,
      ...contentParams(v.content, v.search),
    ],
  );
  return row!.id;
}

export async function updateVersionContent(
  q: Queryable,
  id: string,
  p: { changeNote: string; content: ItemContent; search: string; now: Date },
): Promise<void> {
  const sets = contentColumns
    .split(',')
    .map((c, i) => `${c.trim()} = $${i + 4}`)
    .join(', ');
  await q.query(`UPDATE item_versions SET change_note = $2, updated_at = $3, ${sets} WHERE id = $1`, [
    id,
    p.changeNote,
    p.now,
    ...contentParams(p.content, p.search),
  ]);
}

/** Refresh the search text of every version of an item after its codes changed (drafts and reviews only: published ones are frozen). */
export async function refreshOpenSearchText(
  q: Queryable,
  itemId: string,
  basicCode: string,
  implCode: string,
): Promise<void> {
  await q.query(
    `UPDATE item_versions SET search_text = lower(name || ' ' || $2 || ' ' || $3 || ' ' || array_to_string(themes, ' '))
     WHERE item_id = $1 AND status IN ('draft', 'department_review', 'center_review')`,
    [itemId, basicCode, implCode],
  );
}

export interface StatusPatch {
  status: VersionStatus;
  now: Date;
  submitted?: boolean;
  departmentReviewer?: { id: string; name: string };
  approver?: { id: string; name: string };
  effectiveFrom?: string;
  cancelled?: boolean;
}

export async function setVersionStatus(q: Queryable, id: string, p: StatusPatch): Promise<void> {
  await q.query(
    `UPDATE item_versions SET status = $2, updated_at = $3,
       submitted_at = CASE WHEN $4::boolean THEN $3 ELSE submitted_at END,
       department_reviewed_by = coalesce($5, department_reviewed_by),
       department_reviewed_by_name = coalesce($6, department_reviewed_by_name),
       department_reviewed_at = CASE WHEN $5::uuid IS NULL THEN department_reviewed_at ELSE $3 END,
       approved_by = coalesce($7, approved_by), approved_by_name = coalesce($8, approved_by_name),
       approved_at = CASE WHEN $7::uuid IS NULL THEN approved_at ELSE $3 END,
       effective_from = coalesce($9::date, effective_from),
       published_at = CASE WHEN $2 = 'published' THEN $3 ELSE published_at END,
       cancelled_at = CASE WHEN $2 = 'cancelled' THEN $3 ELSE cancelled_at END
     WHERE id = $1`,
    [
      id,
      p.status,
      p.now,
      p.submitted ?? false,
      p.departmentReviewer?.id ?? null,
      p.departmentReviewer?.name ?? null,
      p.approver?.id ?? null,
      p.approver?.name ?? null,
      p.effectiveFrom ?? null,
    ],
  );
}

export interface EventRow {
  id: number;
  action: string;
  from_status: VersionStatus | null;
  to_status: VersionStatus | null;
  actor_name: string;
  comment: string;
  at: Date;
}

export async function insertEvent(
  q: Queryable,
  e: {
    versionId: string;
    itemId: string;
    centerId: string;
    action: string;
    from: VersionStatus | null;
    to: VersionStatus | null;
    actor: { userId: string; displayName: string } | null;
    comment: string;
    at: Date;
  },
): Promise<void> {
  await q.query(
    `INSERT INTO item_version_events (version_id, item_id, center_id, action, from_status, to_status, actor_id, actor_name, comment, at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
    [
      e.versionId,
      e.itemId,
      e.centerId,
      e.action,
      e.from,
      e.to,
      e.actor?.userId ?? null,
      e.actor?.displayName ?? 'system',
      e.comment,
      e.at,
    ],
  );
}

export const listEvents = (q: Queryable, versionId: string) =>
  q.query<EventRow>(
    'SELECT id, action, from_status, to_status, actor_name, comment, at FROM item_version_events WHERE version_id = $1 ORDER BY id',
    [versionId],
  );
