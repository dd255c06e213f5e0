import type { CompressionRow } from '../../shared/contracts/catalog';

/**
 * The time-limit compression report (审批提速: "14 家单位 54 个事项缩短办事期限 290 工作日, 梳理出即办件 6 件"):
 * for each item, the version in force the day before the period starts is compared with the one in
 * force on its last day. An item is shortened when both exist, use the same unit and the promised
 * amount went down; the saving is counted in that unit (units are never mixed: natural days and
 * working hours have their own columns). An item that became an 即办件 saves its whole former limit.
 * The 即办件 share is over the items in force at each end (new and withdrawn items count on their side).
 */
export interface InForce {
  caseType: 'immediate' | 'promised';
  promised: { amount: number; unit: 'workday' | 'day' | 'workhour' };
}
export interface ItemComparison {
  departmentId: string;
  departmentName: string;
  before: InForce | null;
  after: InForce | null;
}

function emptyRow(departmentId: string | null, departmentName: string): CompressionRow {
  return {
    departmentId,
    departmentName,
    itemsBefore: 0,
    itemsAfter: 0,
    itemsShortened: 0,
    workdaysSaved: 0,
    daysSaved: 0,
    workhoursSaved: 0,
    immediateBefore: 0,
    immediateAfter: 0,
    immediateShareBefore: 0,
    immediateShareAfter: 0,
  };
}

function add(row: CompressionRow, c: ItemComparison): void {
  if (c.before) {
    row.itemsBefore++;
    if (c.before.caseType === 'immediate') row.immediateBefore++;
  }
  if (c.after) {
    row.itemsAfter++;
    if (c.after.caseType === 'immediate') row.immediateAfter++;
  }
  if (!c.before || !c.after) return;
  const b = c.before.promised;
  const a = c.after.promised;
  // An immediate item's limit is 0 in any unit, so it compares with the former unit.
  const unitMatches = a.unit === b.unit || a.amount === 0;
  if (!unitMatches || a.amount >= b.amount) return;
  row.itemsShortened++;
  const saved = b.amount - a.amount;
  if (b.unit === 'workday') row.workdaysSaved += saved;
  else if (b.unit === 'day') row.daysSaved += saved;
  else row.workhoursSaved += saved;
}

const share = (n: number, of: number): number => (of === 0 ? 0 : Math.round((n / of) * 10_000) / 10_000);

export function compressionRows(
  items: readonly ItemComparison[],
  totalLabel: string,
): { departments: CompressionRow[]; total: CompressionRow } {
  const byDept = new Map<string, CompressionRow>();
  const total = emptyRow(null, totalLabel);
  for (const c of items) {
    let row = byDept.get(c.departmentId);
    if (!row) byDept.set(c.departmentId, (row = emptyRow(c.departmentId, c.departmentName)));
    add(row, c);
    add(total, c);
  }
  const finish = (r: CompressionRow) => {
    r.immediateShareBefore = share(r.immediateBefore, r.itemsBefore);
    r.immediateShareAfter = share(r.immediateAfter, r.itemsAfter);
    return r;
  };
  return { departments: [...byDept.values()].map(finish), total: finish(total) };
}
