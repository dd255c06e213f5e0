import type { CaseDocumentKind } from '../../shared/contracts/cases';
import type { Db, Queryable } from '../db/db';
import { buildDocumentData, type IssueContext, type IssuedDocument } from './cases.documents';
import { flushUnit, type Unit } from './cases.engine';
import {
  caseNumber,
  caseScopeOf,
  documentNumber,
  documentScopeOf,
  takeNumbers,
  type Numbers,
} from './cases.numbering';
import * as parts from './cases.parts.repository';
import * as repo from './cases.repository';
import type { CaseRow } from './cases.repository';

/**
 * Write a unit of work and what follows from it, in the caller's transaction: the state and event
 * rows (cases.engine.ts), the documents the events issued, and — when the last part of a linked
 * bundle (两证齐发) is concluded — the bundle's one pickup notice. Numbers (the case's, when it is
 * new, and the documents') are taken together, once, before anything is written.
 */

export interface CommitOptions {
  issuedBy: string;
  now: Date;
  /** A new case gets its number here: the center's code and the day of receipt. */
  newCase?: { centerCode: string; day: string };
  /** Numbers already taken outside the transaction (see `preNumber`); else they are taken here. */
  taken?: Numbers;
}

/** The counter scopes a unit will need: the new case's number and one per document its events issue. */
export function numberScopes(u: Unit, opts: CommitOptions): string[] {
  const kinds = u.pending.flatMap((p) => p.documents);
  return [
    ...(opts.newCase ? [caseScopeOf(opts.newCase.day)] : []),
    ...kinds.map((k) => documentScopeOf(k, opts.now)),
  ];
}

/**
 * Take a receipt's numbers before its transaction, in one autocommit statement (PostgreSQL): the
 * counter rows are then locked for that statement only, not for the whole receipt, so windows
 * receiving at once do not queue behind each other. A receipt that then fails leaves a gap, as a
 * database sequence would. On PGlite (one connection) numbers are taken in the transaction instead.
 */
export async function preNumber(db: Db, u: Unit, opts: CommitOptions): Promise<Numbers | undefined> {
  if (db.kind !== 'postgres') return undefined;
  return takeNumbers(db, u.row.center_id, numberScopes(u, opts));
}

export type CommittedDocument = IssuedDocument & { eventSeq: number };

/** A part counts as settled once nothing more will be decided on it. */
const settled = (status: string) => ['concluded', 'delivered', 'closed', 'refused'].includes(status);

export async function commitUnit(
  q: Queryable,
  u: Unit,
  opts: CommitOptions,
): Promise<{ row: CaseRow; documents: CommittedDocument[] }> {
  const { now, issuedBy } = opts;
  const next = u.row; // the state after the unit's events, in memory

  // What to issue: the events' documents, and the bundle's pickup notice when its last part settles.
  const wanted: { kind: CaseDocumentKind; seq: number; payload: Record<string, unknown> }[] = [];
  for (const p of u.pending)
    for (const kind of p.documents) wanted.push({ kind, seq: p.event.seq, payload: p.event.payload });
  const lastSeq = u.pending[u.pending.length - 1]?.event.seq;
  let bundleParts: parts.BundlePartRow[] | undefined;
  if (next.bundle_id && lastSeq !== undefined && settled(next.status)) {
    const bundle = await parts.findBundle(q, next.bundle_id);
    const all = (await parts.listBundleParts(q, next.bundle_id)).map((p) =>
      p.id === next.id ? { ...p, status: next.status, outcome: next.outcome } : p,
    );
    const deliverable = all.some((p) => p.outcome === 'approved' || p.outcome === 'denied');
    if (bundle && !bundle.ready_at && deliverable && all.every((p) => settled(p.status))) {
      await parts.markBundleReady(q, bundle.id, now);
      bundleParts = all;
      wanted.push({ kind: 'pickup_notice', seq: lastSeq, payload: {} });
    }
  }
  // Read what the documents print before taking numbers: from then on the counter rows are locked
  // until the commit, so only the writes below remain (cases.numbering.ts).
  const org = wanted.length > 0 ? await repo.orgInfo(q, next.center_id, next.department_id) : null;
  const materials =
    wanted.length === 0
      ? []
      : (u.newMaterials?.map((m) => ({ ...m, id: '', supplied_at: null })) ??
        (await parts.listMaterials(q, next.id)));

  const caseScope = opts.newCase ? caseScopeOf(opts.newCase.day) : null;
  const taken = opts.taken ?? (await takeNumbers(q, next.center_id, numberScopes(u, opts)));
  // The pickup notice is decided here, after any numbers taken in advance.
  if (bundleParts) {
    const scope = documentScopeOf('pickup_notice', now);
    const more = await takeNumbers(q, next.center_id, [scope]);
    taken.set(scope, [...(taken.get(scope) ?? []), ...more.get(scope)!]);
  }
  const take = (scope: string): number => taken.get(scope)!.shift()!;
  if (opts.newCase && caseScope)
    u.row = { ...next, number: caseNumber(opts.newCase.centerCode, opts.newCase.day, take(caseScope)) };

  const numbered = wanted.map((w) => ({
    ...w,
    number: documentNumber(org!.center_code, w.kind, now, take(documentScopeOf(w.kind, now))),
  }));
  const { row, issued } = await flushUnit(q, u, now);
  const eventIds = new Map(issued.map((e) => [e.seq, e.eventId]));
  const records = numbered.map((w) => {
    const c: IssueContext = {
      row,
      version: u.version,
      org: org!,
      materials,
      payload: w.payload,
      issuedBy,
      at: now,
      ...(w.kind === 'pickup_notice' && bundleParts ? { bundleParts } : {}),
    };
    return {
      caseId: row.id,
      centerId: row.center_id,
      kind: w.kind,
      number: w.number,
      eventId: eventIds.get(w.seq)!,
      data: buildDocumentData(w.kind, w.number, c),
      at: now,
      by: issuedBy,
      seq: w.seq,
    };
  });
  const ids = await parts.insertDocuments(q, records);
  const documents = records.map((r, i) => ({
    id: ids[i]!,
    kind: r.kind,
    number: r.number,
    issuedAt: now,
    issuedBy,
    eventId: r.eventId,
    eventSeq: r.seq,
  }));
  return { row, documents };
}
