import type { CalendarIndex } from '../../domain/calendar';
import { isAppError } from '../../domain/errors';
import type { Limit } from '../../domain/clock';
import {
  effectiveRules,
  evaluateCase,
  findingKey,
  type Finding,
  type Rule,
  type RuleSet,
} from '../../domain/supervision';
import { getCalendarIndex } from '../calendar/calendar.service';
import type { Db, Queryable } from '../db/db';
import { enqueueCardNotices } from './card-notices';
import * as cards from './cards.repository';
import { effectiveCenterRules, listItemRules, toRule, type RuleRow } from './rules.repository';
import * as repo from './sweep.repository';
import { toSupervisedCase } from './sweep.snapshot';

/**
 * The sweep: evaluate the rules on the cases that need it and turn findings into cards.
 *
 * Incremental: a batch claims first the cases that changed since they were last evaluated, then the
 * ones whose next threshold has come (`next_check_at`), and nothing else. Idempotent: cards are
 * inserted with ON CONFLICT DO NOTHING on (case, rule, level, subject), so a card exists once
 * whoever inserts it, and only the inserting sweep notifies. Bounded: batches of `batchSize` cases,
 * each in its own short transaction, until no work is left or the time budget is spent.
 */

export interface SweepOptions {
  /** Only cases of these centers (an on-demand sweep of a center and the centers below it). */
  centerIds?: readonly string[] | null;
  batchSize?: number;
  /** Stop starting new batches after this long (the job runs again at its next tick). */
  budgetMs?: number;
  /** Batches in flight at once (each its own transaction and connection). */
  workers?: number;
}

export interface SweepStats {
  evaluated: number;
  issued: number;
  cleared: number;
  failed: number;
  /** Work was left when the budget ran out. */
  more: boolean;
}

/** Rules and calendars by center, kept for one sweep run (rules rarely change; a run is short). */
class RunCache {
  private readonly rules = new Map<string, Rule[]>();
  /** Step limits of item versions (published versions are frozen, so a run can keep them). */
  private readonly steps = new Map<string, (Limit | null)[]>();

  async loadStepLimits(q: Queryable, rows: readonly { item_version_id: string }[]): Promise<void> {
    const missing = [...new Set(rows.map((r) => r.item_version_id))].filter((id) => !this.steps.has(id));
    if (missing.length === 0) return;
    for (const v of await repo.loadStepLimits(q, missing)) this.steps.set(v.id, v.limits);
  }

  stepLimit(versionId: string, index: number): Limit | null {
    return this.steps.get(versionId)?.[index] ?? null;
  }

  async centerRules(q: Queryable, centerId: string): Promise<Rule[]> {
    let r = this.rules.get(centerId);
    if (!r) {
      r = (await effectiveCenterRules(q, centerId)).map(toRule);
      this.rules.set(centerId, r);
    }
    return r;
  }
}

const ERROR_RETRY_MS = 6 * 3_600_000;

export async function sweep(db: Db, now: Date, opts: SweepOptions = {}): Promise<SweepStats> {
  const batchSize = opts.batchSize ?? 500;
  const budgetMs = opts.budgetMs ?? 20_000;
  const started = performance.now();
  const cache = new RunCache();
  const total: SweepStats = { evaluated: 0, issued: 0, cleared: 0, failed: 0, more: false };
  // Batches claim with SKIP LOCKED, so workers never take the same case: on PostgreSQL two workers
  // keep both the database and this process busy (one evaluates while the other's SQL runs). The
  // embedded database runs one transaction at a time, so there one worker is all there is.
  const workers = opts.workers ?? (db.kind === 'postgres' ? 2 : 1);
  const worker = async () => {
    for (;;) {
      const s = await db.transaction((tx) => sweepBatch(tx, now, batchSize, opts.centerIds ?? null, cache));
      total.evaluated += s.evaluated;
      total.issued += s.issued;
      total.cleared += s.cleared;
      total.failed += s.failed;
      if (s.claimed < batchSize) return;
      if (performance.now() - started > budgetMs) {
        total.more = true;
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return total;
}

const clearReason = (card: cards.OpenCard, settled: boolean): NonNullable<cards.CardRow['clear_reason']> =>
  settled
    ? 'concluded'
    : card.rule_code === 'pause_overrun'
      ? 'pause_resumed'
      : card.rule_code === 'step_overdue'
        ? 'step_passed'
        : 'condition_ended';

const key = (c: { case_id: string; rule_code: string; level: string; subject: string }) =>
  `${c.case_id}|${c.rule_code}|${c.level}|${c.subject}`;

/** One batch in the caller's transaction. */
export async function sweepBatch(
  q: Queryable,
  now: Date,
  batchSize: number,
  centerIds: readonly string[] | null,
  cache: RunCache = new RunCache(),
): Promise<{ claimed: number; evaluated: number; issued: number; cleared: number; failed: number }> {
  const claimed = await repo.claimDirty(q, batchSize, centerIds);
  if (claimed.length < batchSize)
    claimed.push(...(await repo.claimDue(q, batchSize - claimed.length, now, centerIds)));
  if (claimed.length === 0) return { claimed: 0, evaluated: 0, issued: 0, cleared: 0, failed: 0 };
  const ids = claimed.map((c) => c.case_id);
  const rows = await repo.loadBatch(q, ids);
  const open = rows.flatMap((r) => r.open_cards);
  await cache.loadStepLimits(q, rows);
  const overrides = groupByItem(await listItemRules(q, [...new Set(rows.map((r) => r.item_id))]));
  const calendars = new Map<string, CalendarIndex>();
  const seqOf = new Map(claimed.map((c) => [c.case_id, Number(c.change_seq)]));

  const found: cards.NewCard[] = [];
  const active = new Set<string>();
  const states: repo.StateUpdate[] = [];
  let failed = 0;
  const settledCases = new Set<string>();
  for (const r of rows) {
    if (!['received', 'supplement_requested', 'accepted', 'paused'].includes(r.status))
      settledCases.add(r.id);
    try {
      let calendar = calendars.get(r.center_id);
      if (!calendar) calendars.set(r.center_id, (calendar = await getCalendarIndex(q, r.center_id)));
      const rules: RuleSet = effectiveRules(
        await cache.centerRules(q, r.center_id),
        overrides.get(r.item_id) ?? [],
      );
      const kase = toSupervisedCase(
        { ...r, step_limit: cache.stepLimit(r.item_version_id, r.step_index) },
        { pauses: r.pauses, extensions: r.extensions, events: r.events, ticketCalledAt: r.ticket_called_at },
      );
      const known = new Set(
        r.open_cards.map((c) => findingKey({ rule: c.rule_code, level: c.level, subject: c.subject })),
      );
      const result = evaluateCase({ kase, rules, now, calendar, known });
      for (const f of result.findings) {
        const card = newCard(r, f);
        active.add(key(card));
        found.push(card);
      }
      for (const h of result.kept) active.add(`${r.id}|${h.rule}|${h.level}|${h.subject}`);
      states.push({
        case_id: r.id,
        seen_seq: seqOf.get(r.id)!,
        next_check_at: result.nextCheckAt?.toISOString() ?? null,
        error: null,
      });
    } catch (e) {
      // A case that cannot be evaluated (e.g. its dates fall in a year the calendar does not have)
      // keeps its cards and is tried again later; the error is on record for the desk.
      failed++;
      for (const c of open) if (c.case_id === r.id) active.add(key(c));
      states.push({
        case_id: r.id,
        seen_seq: seqOf.get(r.id)!,
        next_check_at: new Date(now.getTime() + ERROR_RETRY_MS).toISOString(),
        error: isAppError(e) ? `${e.code} ${JSON.stringify(e.params)}` : String(e),
      });
    }
  }
  // A claimed state without its case row (cannot happen with the foreign key, but never loop on it).
  const seen = new Set(rows.map((r) => r.id));
  for (const c of claimed) {
    if (!seen.has(c.case_id))
      states.push({
        case_id: c.case_id,
        seen_seq: Number(c.change_seq),
        next_check_at: null,
        error: 'case not found',
      });
  }
  const openKeys = new Set(open.map(key));
  const inserted = await cards.insertCards(
    q,
    found.filter((c) => !openKeys.has(key(c))),
    now,
  );
  await enqueueCardNotices(q, inserted, now);
  const cleared = await cards.clearCards(
    q,
    open
      .filter((c) => !active.has(key(c)))
      .map((c) => ({ id: c.id, reason: clearReason(c, settledCases.has(c.case_id)) })),
    now,
  );
  await repo.saveStates(q, states, now);
  return { claimed: claimed.length, evaluated: rows.length, issued: inserted.length, cleared, failed };
}

function newCard(r: repo.CaseRow, f: Finding): cards.NewCard {
  return {
    center_id: r.center_id,
    case_id: r.id,
    case_number: r.number,
    item_id: r.item_id,
    item_name: r.item_name,
    rule_code: f.rule,
    level: f.level,
    subject: f.subject,
    persistence: f.persistence,
    department_id: r.department_id,
    window_id: r.window_id,
    officer_staff_id: r.officer_staff_id,
    officer_name: r.officer_name,
    threshold_at: f.thresholdAt,
    explanation_zh: f.explanation.zh,
    explanation_en: f.explanation.en,
    facts: f.facts,
  };
}

function groupByItem(rows: readonly RuleRow[]): Map<string, Rule[]> {
  const m = new Map<string, Rule[]>();
  for (const r of rows) {
    if (!r.item_id) continue;
    const list = m.get(r.item_id) ?? [];
    list.push(toRule(r));
    m.set(r.item_id, list);
  }
  return m;
}
