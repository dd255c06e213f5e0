import { instantOfCivil } from '../../domain/calendar';
import {
  channelNationalCode,
  emptyCounts,
  levelToCode,
  rates,
  satisfactionLevels,
  type EvaluationChannel,
  type LevelCodeSystem,
  type SatisfactionLevel,
} from '../../domain/evaluation';
import { AppError } from '../../domain/errors';
import type { StatsRow } from '../../shared/contracts/evaluation';
import { channelLabels, levelLabels } from '../../shared/contracts/evaluation-labels';
import type { Queryable } from '../db/db';
import { loadPolicies } from './settings.service';
import * as repo from './stats.repository';
import type { Dim, StatRow } from './stats.repository';

/**
 * Satisfaction views over the rollups. Definitions (written once, here and in docs):
 *  - valid evaluations = all evaluations of the month, minus those excluded by an upheld appeal
 *    (申诉复核), minus default ratings unless the center's policy counts them;
 *  - 满意率 = (非常满意 + 满意 + 基本满意) / valid; 差评率 = (不满意 + 非常不满意) / valid;
 *  - first evaluations and 追评 each count once (GB/T 39046 counts 评价次数);
 *  - a month is the civil month in Beijing time of the evaluation's submission.
 */

export interface Scope {
  centerId: string;
  path: string;
}

/** The center the view is about (the actor's own by default) and its subtree. */
export async function resolveScope(q: Queryable, actorPath: string | null, centerId: string): Promise<Scope> {
  const [c] = await q.query<{ id: string; path: string }>(
    `SELECT id, path FROM centers WHERE id = $1 AND ($2::text IS NULL OR path LIKE $2 || '%')`,
    [centerId, actorPath],
  );
  if (!c) throw new AppError('NOT_FOUND', { entity: 'center' });
  return { centerId: c.id, path: c.path };
}

const monthStart = (m: string) => `${m}-01`;
export const shiftMonth = (m: string, by: number): string => {
  const [y, mo] = m.split('-').map(Number) as [number, number];
  const idx = y * 12 + (mo - 1) + by;
  return `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}`;
};
export const monthRange = (m: string): { from: Date; to: Date } => ({
  from: instantOfCivil(monthStart(m)),
  to: instantOfCivil(monthStart(shiftMonth(m, 1))),
});

/** A view row from one rollup row, following the policy on default ratings. */
function toView(r: StatRow, name: string, countDefaults: boolean): StatsRow {
  const c = emptyCounts();
  let defaults = 0;
  for (const l of satisfactionLevels) {
    const d = r[`d_${l}`];
    defaults += d;
    c[l] = r[l] + (countDefaults ? d : 0);
  }
  const rt = rates(c);
  return {
    key: r.key,
    name,
    counts: c,
    excluded: r.excluded,
    defaults,
    total: rt.total,
    satisfactionRate: rt.satisfactionRate,
    badRate: rt.badRate,
    averageScore: rt.averageScore,
  };
}

async function named(
  q: Queryable,
  dim: Exclude<Dim, 'center'>,
  rows: readonly StatRow[],
  countDefaults: boolean,
) {
  const names = await repo.keyNames(
    q,
    dim,
    rows.map((r) => r.key),
  );
  const label = (k: string) =>
    dim === 'channel' ? (channelLabels[k as EvaluationChannel]?.zh ?? k) : (names.get(k) ?? k);
  return rows.map((r) => toView(r, label(r.key), countDefaults));
}

/** One month by a dimension: the `limit` keys with the most valid evaluations, and how many there are. */
export async function statsByDim(
  q: Queryable,
  scope: Scope,
  dim: Exclude<Dim, 'center'>,
  month: string,
  limit = 500,
): Promise<{ rows: StatsRow[]; truncated: boolean; defaultsCounted: boolean }> {
  const policies = await loadPolicies(q, scope.centerId);
  const countDefaults = policies.evaluation.defaultRating.countInRates;
  const raw = await repo.readStats(q, {
    scopePath: scope.path,
    dim,
    fromMonth: monthStart(month),
    toMonth: monthStart(month),
    countDefaults,
    limit,
  });
  return {
    rows: await named(q, dim, raw, countDefaults),
    truncated: raw.length === limit,
    defaultsCounted: countDefaults,
  };
}

/**
 * 群众满意窗口: windows with at least the policy's minimum of valid evaluations in the month, best and
 * worst by 满意率 (ties: average score, then the number of valid evaluations).
 */
export async function ranking(q: Queryable, scope: Scope, month: string, size: number) {
  const policies = await loadPolicies(q, scope.centerId);
  const countDefaults = policies.evaluation.defaultRating.countInRates;
  const read = (worst: boolean) =>
    repo.readRanking(q, {
      scopePath: scope.path,
      month: monthStart(month),
      countDefaults,
      min: policies.evaluation.rankingMinEvaluations,
      size,
      worst,
    });
  const top = await named(q, 'window', await read(false), countDefaults);
  const bottom = await named(q, 'window', await read(true), countDefaults);
  return { month, minEvaluations: policies.evaluation.rankingMinEvaluations, top, bottom };
}

/** The center totals of the last `months` months up to `to`, for the trend chart. */
export async function trend(q: Queryable, scope: Scope, to: string, months: number) {
  const policies = await loadPolicies(q, scope.centerId);
  const countDefaults = policies.evaluation.defaultRating.countInRates;
  const from = shiftMonth(to, -(months - 1));
  const raw = await repo.readStats(q, {
    scopePath: scope.path,
    dim: 'center',
    fromMonth: monthStart(from),
    toMonth: monthStart(to),
    countDefaults,
  });
  const byMonth = new Map(raw.map((r) => [r.month, r]));
  const points = [];
  for (let i = 0; i < months; i++) {
    const m = shiftMonth(from, i);
    const r = byMonth.get(m) ?? { ...EMPTY_ROW, month: m };
    points.push({ ...toView(r, m, countDefaults), month: m });
  }
  return { points };
}

const EMPTY_ROW: StatRow = {
  month: '',
  key: '',
  very_satisfied: 0,
  satisfied: 0,
  basic: 0,
  dissatisfied: 0,
  very_dissatisfied: 0,
  d_very_satisfied: 0,
  d_satisfied: 0,
  d_basic: 0,
  d_dissatisfied: 0,
  d_very_dissatisfied: 0,
  excluded: 0,
};

/** Published figures per department (评价结果向社会公开): totals, 满意率, 差评 and how many were settled. */
export async function publicFigures(q: Queryable, scope: Scope, month: string) {
  const { rows } = await statsByDim(q, scope, 'department', month);
  const { from, to } = monthRange(month);
  const settled = new Map(
    (await repo.rectifiedByDepartment(q, scope.path, from, to)).map((r) => [r.department_id, r.settled]),
  );
  const [c] = await q.query<{ name: string }>('SELECT name FROM centers WHERE id = $1', [scope.centerId]);
  return {
    centerName: c?.name ?? '',
    month,
    departments: rows.map((r) => ({
      name: r.name,
      total: r.total,
      satisfactionRate: r.satisfactionRate,
      bad: r.counts.dissatisfied + r.counts.very_dissatisfied,
      rectified: settled.get(r.key) ?? 0,
    })),
  };
}

/**
 * The exchange export: the edge where semantic levels become numeric codes, in the code system the
 * receiving interface uses (domain.md rule 5). Bounded to 10,000 records per call.
 */
export async function exchangeExport(q: Queryable, scope: Scope, month: string, codeSystem: LevelCodeSystem) {
  const { from, to } = monthRange(month);
  const rows = await repo.exchangeRows(q, scope.path, from, to, 10_000);
  return {
    codeSystem,
    records: rows.map((r) => ({
      caseNumber: r.case_number,
      evaluateChannel: channelNationalCode[r.channel as EvaluationChannel],
      evaluateTime: r.created_at.toISOString(),
      assessNumber: r.round === 'first' ? 1 : 2,
      satisfaction: levelToCode(r.level as SatisfactionLevel, codeSystem),
      satisfactionName: levelLabels[r.level as SatisfactionLevel].zh,
      comment: r.comment,
      isDefault: r.is_default,
    })),
  };
}
