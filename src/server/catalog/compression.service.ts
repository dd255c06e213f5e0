import { civilDateOfDayNumber, parseCivilDate } from '../../domain/calendar/civil-time';
import { AppError } from '../../domain/errors';
import type { CompressionReport } from '../../shared/contracts/catalog';
import type { Queryable } from '../db/db';
import * as org from '../org/org.repository';
import { compressionRows, type InForce, type ItemComparison } from './catalog.compression';
import type { Scoped } from './catalog.service';

/**
 * The version of each item of a center in force on a day: the statistics query behind the compression
 * report. Same rule as `versionInForce` (latest effective date, then latest version number).
 */
export const IN_FORCE_ON_DAY_SQL = `
SELECT DISTINCT ON (v.item_id) v.item_id, v.case_type, v.promised_limit_amount, v.promised_limit_unit
FROM item_versions v JOIN items i ON i.id = v.item_id
WHERE i.center_id = $1 AND v.status = 'published' AND v.effective_from <= $2::date
ORDER BY v.item_id, v.effective_from DESC, v.version_no DESC`;

interface InForceRow {
  item_id: string;
  case_type: 'immediate' | 'promised';
  promised_limit_amount: number;
  promised_limit_unit: InForce['promised']['unit'];
}

/** Compare the catalog in force the day before `from` with the catalog in force on `to`. */
export async function compressionReport(
  q: Queryable,
  actor: Scoped,
  p: { centerId: string; from: string; to: string; lang: 'zh-CN' | 'en' },
): Promise<CompressionReport> {
  if (!(await org.findCenter(q, actor.centerPath, p.centerId)))
    throw new AppError('NOT_FOUND', { entity: 'center' });
  const fromDay = parseCivilDate(p.from);
  const toDay = parseCivilDate(p.to);
  if (fromDay === null) throw new AppError('VALIDATION_FAILED', {}, { from: 'rule.date' });
  if (toDay === null) throw new AppError('VALIDATION_FAILED', {}, { to: 'rule.date' });
  if (toDay < fromDay) throw new AppError('VALIDATION_FAILED', {}, { to: 'rule.after_from' });
  const dayBefore = civilDateOfDayNumber(fromDay - 1);
  const load = async (day: string) => {
    const rows = await q.query<InForceRow>(IN_FORCE_ON_DAY_SQL, [p.centerId, day]);
    return new Map(
      rows.map((r) => [
        r.item_id,
        { caseType: r.case_type, promised: { amount: r.promised_limit_amount, unit: r.promised_limit_unit } },
      ]),
    );
  };
  const before = await load(dayBefore);
  const after = await load(p.to);
  const items = await q.query<{ id: string; department_id: string; department_name: string }>(
    `SELECT i.id, i.department_id, d.name AS department_name FROM items i JOIN departments d ON d.id = i.department_id
     WHERE i.center_id = $1 ORDER BY d.code`,
    [p.centerId],
  );
  const comparisons: ItemComparison[] = items
    .filter((i) => before.has(i.id) || after.has(i.id))
    .map((i) => ({
      departmentId: i.department_id,
      departmentName: i.department_name,
      before: before.get(i.id) ?? null,
      after: after.get(i.id) ?? null,
    }));
  const { departments, total } = compressionRows(comparisons, p.lang === 'en' ? 'Total' : '合计');
  return { from: p.from, to: p.to, departments, total };
}
