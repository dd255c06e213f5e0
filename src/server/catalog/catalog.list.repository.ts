import type { VersionStatus } from '../../shared/contracts/catalog';
import type { Queryable } from '../db/db';

/**
 * The catalog's list queries: the staff list (every item in scope, whatever its state) and the public
 * guide list (items with a version in force only). Both resolve the version in force from the item's
 * pointers (`next` takes over once its date has come), so a list is one pass over `items` with primary
 * key joins, whatever the number of versions. The search is a substring match on a lower-cased text
 * column: Chinese has no spaces, so "营业执照" must match inside "个体工商户营业执照注册登记".
 */

/** `LIKE` pattern for a user's search text: wildcards in it are taken literally. */
export function likePattern(q: string | undefined): string | null {
  const t = q?.trim().toLowerCase();
  if (!t) return null;
  return `%${t.replace(/[\\%_]/g, (m) => `\\${m}`)}%`;
}

const inForce = (alias: string, today: string) =>
  `CASE WHEN ${alias}.next_effective_from <= ${today}::date THEN ${alias}.next_version_id ELSE ${alias}.current_version_id END`;

export interface ItemListRow {
  id: string;
  center_id: string;
  department_id: string;
  department_name: string;
  basic_code: string;
  impl_code: string;
  name: string;
  item_type: string;
  case_type: string;
  promised_limit_amount: number;
  promised_limit_unit: string;
  legal_limit_amount: number;
  legal_limit_unit: string;
  handling_modes: string[];
  cur_id: string | null;
  cur_no: number | null;
  cur_effective_from: string | null;
  open_id: string | null;
  open_no: number | null;
  open_status: VersionStatus | null;
}

/** Positional parameters for SQL assembled from optional filters: `p.add(x)` returns `$n`. */
class Params {
  readonly values: unknown[] = [];
  add(v: unknown): string {
    this.values.push(v);
    return `$${this.values.length}`;
  }
}

export interface ItemListFilter {
  scopePath: string;
  today: string;
  centerId?: string | undefined;
  departmentId?: string | undefined;
  itemId?: string | undefined;
  status?: VersionStatus | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

/**
 * The staff list. The page is chosen first, over the narrow item rows in 实施编码 order (implementation
 * codes start with the implementing body's credit code, so this groups by department), joining
 * versions only when a status or search filter needs them; only the rows of that page are then joined
 * with their versions. The total is a separate count, so no window over all rows is needed.
 */
export async function listItems(
  q: Queryable,
  f: ItemListFilter,
): Promise<{ rows: ItemListRow[]; total: number }> {
  const pattern = likePattern(f.q);
  // The same FROM … WHERE for the count and the page, each with its own parameter list.
  const build = (p: Params) => {
    let effSql: string | undefined;
    const eff = () => (effSql ??= inForce('i', p.add(f.today)));
    const scope = p.add(f.scopePath);
    const where = f.centerId
      ? [
          `i.center_id = ${p.add(f.centerId)}`,
          `EXISTS (SELECT 1 FROM centers c WHERE c.id = i.center_id AND c.path LIKE ${scope} || '%')`,
        ]
      : [`i.center_id IN (SELECT c.id FROM centers c WHERE c.path LIKE ${scope} || '%')`];
    if (f.departmentId) where.push(`i.department_id = ${p.add(f.departmentId)}`);
    if (f.itemId) where.push(`i.id = ${p.add(f.itemId)}`);
    if (f.status) {
      const st = p.add(f.status);
      where.push(`((${st} = 'published' AND e.id IS NOT NULL) OR o.status = ${st}
        OR (${st} = 'cancelled' AND e.id IS NULL AND o.id IS NULL))`);
    }
    if (pattern) where.push(`coalesce(e.search_text, o.search_text, '') LIKE ${p.add(pattern)}`);
    const joins =
      f.status || pattern
        ? `LEFT JOIN item_versions e ON e.id = ${eff()}
           LEFT JOIN item_versions o ON o.item_id = i.id AND o.status IN ('draft', 'department_review', 'center_review')`
        : '';
    return { from: `FROM items i ${joins} WHERE ${where.join(' AND ')}`, eff };
  };
  // Unfiltered, the count is a cheap index count and the page an index walk; filtered, one pass over
  // the matching rows gives both (a window count), instead of scanning them twice.
  const filtered = Boolean(f.status || pattern);
  let total = -1;
  if (!filtered) {
    const c = new Params();
    total = (await q.query<{ n: number }>(`SELECT count(*)::int AS n ${build(c).from}`, c.values))[0]?.n ?? 0;
    if (total === 0 || f.offset >= total) return { rows: [], total };
  }
  const p = new Params();
  const { from, eff } = build(p);
  const rows = await q.query<ItemListRow & { total: number | null }>(
    `WITH page AS (
       SELECT i.id, i.center_id, i.department_id, i.basic_code, i.impl_code, ${eff()} AS eff_id
         ${filtered ? ', count(*) OVER () AS total' : ', NULL::int AS total'}
       ${from} ORDER BY i.impl_code LIMIT ${f.limit} OFFSET ${f.offset})
     SELECT i.id, i.center_id, i.department_id, d.name AS department_name, i.basic_code, i.impl_code,
       s.name, s.item_type, s.case_type, s.promised_limit_amount, s.promised_limit_unit, s.legal_limit_amount,
       s.legal_limit_unit, s.handling_modes,
       e.id AS cur_id, e.version_no AS cur_no, e.effective_from AS cur_effective_from,
       o.id AS open_id, o.version_no AS open_no, o.status AS open_status, i.total
     FROM page i JOIN departments d ON d.id = i.department_id
     LEFT JOIN item_versions e ON e.id = i.eff_id
     LEFT JOIN item_versions o ON o.item_id = i.id AND o.status IN ('draft', 'department_review', 'center_review')
     JOIN item_versions s ON s.id = coalesce(e.id, o.id,
       (SELECT l.id FROM item_versions l WHERE l.item_id = i.id ORDER BY l.version_no DESC LIMIT 1))
     ORDER BY i.impl_code`,
    p.values,
  );
  if (filtered) {
    // A page past the end has no row to carry the total: count once more from the start.
    total = rows[0]?.total ?? (f.offset > 0 ? (await listItems(q, { ...f, offset: 0, limit: 1 })).total : 0);
  }
  return { rows, total };
}

export interface GuideListRow {
  item_id: string;
  version_id: string;
  name: string;
  center_id: string;
  center_name: string;
  department_id: string;
  department_name: string;
  item_type: string;
  case_type: string;
  promised_limit_amount: number;
  promised_limit_unit: string;
  handling_modes: string[];
  visits_required: number;
  accept_levels: string[];
  themes: string[];
  fee_free: boolean;
}

export interface GuideFilter {
  today: string;
  centerId?: string | undefined;
  departmentId?: string | undefined;
  theme?: string | undefined;
  level?: string | undefined;
  mode?: string | undefined;
  immediate?: boolean | undefined;
  itemType?: string | undefined;
  q?: string | undefined;
}

/**
 * FROM … WHERE of the published items in force matching a filter. The version row is joined only when
 * a filter reads it (`extraFrom`, e.g. an unnest, forces it): the unfiltered list reads `items` alone.
 */
function guideWhere(
  f: GuideFilter,
  p: Params,
  opts: { extraFrom?: string; withVersion?: boolean } = {},
): string {
  const where: string[] = [];
  let effSql: string | undefined;
  const eff = () => (effSql ??= inForce('i', p.add(f.today)));
  if (f.centerId) where.push(`i.center_id = ${p.add(f.centerId)}`);
  if (f.departmentId) where.push(`i.department_id = ${p.add(f.departmentId)}`);
  if (f.theme) where.push(`${p.add(f.theme)} = ANY(v.themes)`);
  if (f.level) where.push(`${p.add(f.level)} = ANY(v.accept_levels)`);
  if (f.mode) where.push(`${p.add(f.mode)} = ANY(v.handling_modes)`);
  if (f.immediate !== undefined) where.push(`(v.case_type = 'immediate') = ${p.add(f.immediate)}`);
  if (f.itemType) where.push(`v.item_type = ${p.add(f.itemType)}`);
  const pattern = likePattern(f.q);
  if (pattern) where.push(`v.search_text LIKE ${p.add(pattern)}`);
  const needVersion = opts.withVersion || opts.extraFrom || where.some((w) => w.includes('v.'));
  if (!needVersion) where.push(`${eff()} IS NOT NULL`);
  return `FROM items i ${needVersion ? `JOIN item_versions v ON v.id = ${eff()}` : ''} ${opts.extraFrom ?? ''}
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''}`;
}

/** Published items in force, filtered; the public may see every center's catalog. Count, then the page. */
export async function listGuides(
  q: Queryable,
  f: GuideFilter & { limit: number; offset: number },
): Promise<{ rows: GuideListRow[]; total: number }> {
  const filtered = Boolean(
    f.theme || f.level || f.mode || f.immediate !== undefined || f.itemType || likePattern(f.q),
  );
  let total = -1;
  if (!filtered) {
    const c = new Params();
    total =
      (await q.query<{ n: number }>(`SELECT count(*)::int AS n ${guideWhere(f, c)}`, c.values))[0]?.n ?? 0;
    if (total === 0 || f.offset >= total) return { rows: [], total };
  }
  const p = new Params();
  const eff = inForce('i', p.add(f.today));
  const rows = await q.query<GuideListRow & { total: number | null }>(
    `WITH page AS (
       SELECT i.id, i.center_id, i.department_id, i.impl_code, ${eff} AS version_id
         ${filtered ? ', count(*) OVER () AS total' : ', NULL::int AS total'}
       ${guideWhere(f, p)} ORDER BY i.impl_code LIMIT ${f.limit} OFFSET ${f.offset})
     SELECT i.id AS item_id, v.id AS version_id, v.name, c.id AS center_id, c.name AS center_name, d.id AS department_id,
       d.name AS department_name, v.item_type, v.case_type, v.promised_limit_amount, v.promised_limit_unit, v.handling_modes,
       v.visits_required, v.accept_levels, v.themes,
       NOT jsonb_path_exists(v.fees, '$[*] ? (@.standardFen > 0)') AS fee_free, i.total
     FROM page i JOIN item_versions v ON v.id = i.version_id
     JOIN departments d ON d.id = i.department_id JOIN centers c ON c.id = i.center_id
     ORDER BY i.impl_code`,
    p.values,
  );
  if (filtered)
    total = rows[0]?.total ?? (f.offset > 0 ? (await listGuides(q, { ...f, offset: 0, limit: 1 })).total : 0);
  return { rows, total };
}

/** What the public filters can offer: departments and themes with published items, with counts. */
export async function guideFacets(q: Queryable, f: { today: string; centerId?: string | undefined }) {
  const p1 = new Params();
  const departments = await q.query<{ id: string; name: string; center_name: string; n: number }>(
    `SELECT d.id, d.name, c.name AS center_name, count(*)::int AS n ${guideWhere(f, p1, { extraFrom: 'JOIN departments d ON d.id = i.department_id JOIN centers c ON c.id = i.center_id' })}
     GROUP BY d.id, d.name, d.code, c.name, c.path ORDER BY c.path, d.code`,
    p1.values,
  );
  const p2 = new Params();
  const themes = await q.query<{ theme: string; n: number }>(
    `SELECT t AS theme, count(*)::int AS n ${guideWhere(f, p2, { extraFrom: ', unnest(v.themes) t' })} GROUP BY t ORDER BY n DESC, t`,
    p2.values,
  );
  return { departments, themes };
}

export interface BoardRow {
  item_id: string;
  name: string;
  department_name: string;
  case_type: string;
  promised_limit_amount: number;
  promised_limit_unit: string;
  complaint_phone: string;
}

/** The items of one center in force today, for the hall's public board (seed 004). */
export async function boardItems(q: Queryable, today: string, centerId: string): Promise<BoardRow[]> {
  const p = new Params();
  return q.query<BoardRow>(
    `SELECT i.id AS item_id, v.name, d.name AS department_name, v.case_type, v.promised_limit_amount, v.promised_limit_unit,
       v.complaint_phone
     ${guideWhere({ today, centerId }, p, { extraFrom: 'JOIN departments d ON d.id = i.department_id' })} ORDER BY d.code, i.impl_code`,
    p.values,
  );
}
