import { AppError } from '../../domain/errors';
import type { ItemContent } from '../../shared/contracts/catalog';
import type { BoardView, GuideFacets, GuideSummary, GuideView } from '../../shared/contracts/catalog-public';
import type { Queryable } from '../db/db';
import * as list from './catalog.list.repository';
import { contentOf } from './catalog.presenter';
import * as repo from './catalog.repository';

/**
 * What the public sees of the catalog: only published versions in force today. Drafts, versions under
 * review and items never published answer 404, exactly like items that do not exist.
 */
export const presentGuideSummary = (r: list.GuideListRow): GuideSummary => ({
  itemId: r.item_id,
  versionId: r.version_id,
  name: r.name,
  centerId: r.center_id,
  centerName: r.center_name,
  departmentId: r.department_id,
  departmentName: r.department_name,
  itemType: r.item_type as GuideSummary['itemType'],
  caseType: r.case_type as GuideSummary['caseType'],
  promisedLimit: {
    amount: r.promised_limit_amount,
    unit: r.promised_limit_unit as GuideSummary['promisedLimit']['unit'],
  },
  handlingModes: r.handling_modes as GuideSummary['handlingModes'],
  visitsRequired: r.visits_required,
  acceptLevels: r.accept_levels as GuideSummary['acceptLevels'],
  themes: r.themes,
  feeFree: r.fee_free,
});

export async function getGuide(q: Queryable, itemId: string, today: string): Promise<GuideView> {
  const v = await repo.findVersionInForce(q, itemId, today);
  if (!v) throw new AppError('NOT_FOUND', { entity: 'guide' });
  const [center] = await q.query<{ name: string }>('SELECT name FROM centers WHERE id = $1', [v.center_id]);
  const content: ItemContent = contentOf(v);
  return {
    itemId: v.item_id,
    versionId: v.id,
    versionNo: v.version_no,
    effectiveFrom: v.effective_from,
    basicCode: v.basic_code,
    implCode: v.impl_code,
    itemTypeCode: v.item_type_code,
    centerId: v.center_id,
    centerName: center?.name ?? '',
    departmentId: v.department_id,
    departmentName: v.department_name,
    content,
  };
}

export async function facets(q: Queryable, today: string, centerId?: string): Promise<GuideFacets> {
  const f = await list.guideFacets(q, { today, centerId });
  const centers = await q.query<{ id: string; name: string; level: 'county' | 'township' | 'village' }>(
    `SELECT c.id, c.name, c.level FROM centers c WHERE EXISTS (SELECT 1 FROM items i WHERE i.center_id = c.id AND i.current_version_id IS NOT NULL)
     ORDER BY c.path`,
  );
  return {
    departments: f.departments.map((d) => ({
      id: d.id,
      name: d.name,
      centerName: d.center_name,
      count: d.n,
    })),
    themes: f.themes.map((t) => ({ theme: t.theme, count: t.n })),
    centers,
  };
}

/** The center shown when the public does not pick one: the top of the tree (the county center). */
export async function defaultCenter(q: Queryable): Promise<string> {
  const [c] = await q.query<{ id: string }>('SELECT id FROM centers ORDER BY length(path), code LIMIT 1');
  if (!c) throw new AppError('NOT_FOUND', { entity: 'center' });
  return c.id;
}

/**
 * The hall board of seed 004: "将当场办结的 xx 个审批项目予以公示; 明确公示除当场办结的项目外, 其余的审批事项
 * 办结时间均为 x 至 x 天", with the complaint phone for limits overrun.
 */
export async function board(q: Queryable, today: string, centerId: string): Promise<BoardView> {
  const [center] = await q.query<{ id: string; name: string }>('SELECT id, name FROM centers WHERE id = $1', [
    centerId,
  ]);
  if (!center) throw new AppError('NOT_FOUND', { entity: 'center' });
  const rows = await list.boardItems(q, today, centerId);
  const ranges = new Map<
    string,
    { unit: BoardView['ranges'][number]['unit']; min: number; max: number; count: number }
  >();
  for (const r of rows) {
    if (r.case_type === 'immediate') continue;
    const unit = r.promised_limit_unit as BoardView['ranges'][number]['unit'];
    const x = ranges.get(unit) ?? {
      unit,
      min: r.promised_limit_amount,
      max: r.promised_limit_amount,
      count: 0,
    };
    x.min = Math.min(x.min, r.promised_limit_amount);
    x.max = Math.max(x.max, r.promised_limit_amount);
    x.count++;
    ranges.set(unit, x);
  }
  return {
    centerId: center.id,
    centerName: center.name,
    onTheSpot: rows
      .filter((r) => r.case_type === 'immediate')
      .map((r) => ({ itemId: r.item_id, name: r.name, departmentName: r.department_name })),
    promisedCount: rows.filter((r) => r.case_type !== 'immediate').length,
    ranges: [...ranges.values()].sort((a, b) => b.count - a.count),
    complaintPhones: [...new Set(rows.map((r) => r.complaint_phone).filter(Boolean))].slice(0, 3),
  };
}
