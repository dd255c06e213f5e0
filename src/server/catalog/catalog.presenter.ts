import type {
  ItemContent,
  ItemSummary,
  ItemVersionView,
  TimeLimit,
  VersionEventView,
} from '../../shared/contracts/catalog';
import type { EventRow, VersionRow } from './catalog.repository';
import type { ItemListRow } from './catalog.list.repository';

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null);
const limit = (amount: number, unit: string): TimeLimit => ({ amount, unit: unit as TimeLimit['unit'] });

/** The content of a version row. The jsonb lists were validated by the contract when written. */
export function contentOf(v: VersionRow): ItemContent {
  return {
    name: v.name,
    itemType: v.item_type as ItemContent['itemType'],
    exerciseLevel: v.exercise_level as ItemContent['exerciseLevel'],
    acceptLevels: v.accept_levels as ItemContent['acceptLevels'],
    caseType: v.case_type as ItemContent['caseType'],
    legalLimit: limit(v.legal_limit_amount, v.legal_limit_unit),
    legalLimitNote: v.legal_limit_note,
    promisedLimit: limit(v.promised_limit_amount, v.promised_limit_unit),
    handlingModes: v.handling_modes as ItemContent['handlingModes'],
    visitsRequired: v.visits_required,
    visitsReason: v.visits_reason,
    onlineDepth: v.online_depth,
    legalBasis: v.legal_basis,
    conditions: v.conditions,
    steps: v.steps as ItemContent['steps'],
    specialProcedures: v.special_procedures as ItemContent['specialProcedures'],
    fees: v.fees as ItemContent['fees'],
    result: { name: v.result_name, kind: v.result_kind as ItemContent['result']['kind'] },
    location: v.location,
    hours: v.hours,
    phone: v.phone,
    complaintPhone: v.complaint_phone,
    faq: v.faq as ItemContent['faq'],
    themes: v.themes,
    materials: v.materials as ItemContent['materials'],
    situations: v.situations as ItemContent['situations'],
  };
}

export const presentVersion = (v: VersionRow): ItemVersionView => ({
  id: v.id,
  itemId: v.item_id,
  centerId: v.center_id,
  departmentId: v.department_id,
  departmentName: v.department_name,
  basicCode: v.basic_code,
  implCode: v.impl_code,
  itemTypeCode: v.item_type_code,
  versionNo: v.version_no,
  status: v.status,
  effectiveFrom: v.effective_from,
  changeNote: v.change_note,
  campaignId: v.campaign_id,
  content: contentOf(v),
  createdByName: v.created_by_name,
  createdAt: iso(v.created_at)!,
  submittedAt: iso(v.submitted_at),
  departmentReviewedByName: v.department_reviewed_by_name,
  departmentReviewedAt: iso(v.department_reviewed_at),
  approvedByName: v.approved_by_name,
  approvedAt: iso(v.approved_at),
  publishedAt: iso(v.published_at),
});

export const presentEvent = (e: EventRow): VersionEventView => ({
  id: Number(e.id),
  action: e.action,
  fromStatus: e.from_status,
  toStatus: e.to_status,
  actorName: e.actor_name,
  comment: e.comment,
  at: iso(e.at)!,
});

export const presentSummary = (r: ItemListRow): ItemSummary => ({
  id: r.id,
  centerId: r.center_id,
  departmentId: r.department_id,
  departmentName: r.department_name,
  basicCode: r.basic_code,
  implCode: r.impl_code,
  name: r.name,
  itemType: r.item_type as ItemSummary['itemType'],
  caseType: r.case_type as ItemSummary['caseType'],
  promisedLimit: limit(r.promised_limit_amount, r.promised_limit_unit),
  legalLimit: limit(r.legal_limit_amount, r.legal_limit_unit),
  handlingModes: r.handling_modes as ItemSummary['handlingModes'],
  current: r.cur_id
    ? { id: r.cur_id, versionNo: r.cur_no!, status: 'published', effectiveFrom: r.cur_effective_from }
    : null,
  open: r.open_id
    ? { id: r.open_id, versionNo: r.open_no!, status: r.open_status!, effectiveFrom: null }
    : null,
});
