import type { CalendarIndex } from '../../domain/calendar';
import { transition } from '../../domain/cases';
import type { CaseActorRole, CaseDocument, CaseEvent, CaseSnapshot } from '../../domain/cases';
import type { ItemVersionView } from '../../shared/contracts/catalog';
import type { Queryable } from '../db/db';
import { caseDues, stepDue, toExtensions, toPauses } from './cases.clock';
import { loadCalendar } from './cases.calendar';
import * as parts from './cases.parts.repository';
import type { ExtensionRow, PauseRow } from './cases.parts.repository';
import * as repo from './cases.repository';
import type { CaseRow, NewEvent } from './cases.repository';
import { pinnedVersion, stepsOf, type StepDef } from './cases.versions';

/**
 * The one path by which a case changes state: load the case into a unit of work, apply domain
 * events to it in memory (each through the pure transition table, whose effects this file turns
 * into column values, pauses, extensions and documents to issue), then flush everything in the
 * caller's transaction — the new state, one event row per action, and the documents. Nothing is
 * written if any event is refused, so a failed action leaves neither a state change nor an event.
 */

export interface EventActor {
  userId: string | null;
  name: string;
  role: CaseActorRole;
  orgId: string | null;
  orgName: string;
  orgCreditCode: string;
}

interface PendingEvent {
  event: Omit<NewEvent, 'caseId' | 'centerId'>;
  documents: CaseDocument[];
}

type Write =
  | { type: 'openPause'; pause: PauseRow; by: string }
  | { type: 'closePause'; at: Date; result: string; by: string }
  | { type: 'extension'; extension: ExtensionRow; by: string };

export interface Unit {
  row: CaseRow;
  /** A case received in this unit: inserted (with `newMaterials`) instead of updated. */
  isNew?: boolean;
  newMaterials?: parts.NewMaterial[];
  version: ItemVersionView;
  steps: StepDef[];
  calendar: CalendarIndex;
  pauses: PauseRow[];
  extensions: ExtensionRow[];
  pending: PendingEvent[];
  writes: Write[];
}

export const toSnapshot = (r: CaseRow): CaseSnapshot => ({
  status: r.status as CaseSnapshot['status'],
  kind: r.kind,
  outcome: r.outcome as CaseSnapshot['outcome'],
  stepIndex: r.step_index,
  stepCount: r.step_count,
  pause:
    r.pause_kind && r.pause_expected_days !== null
      ? {
          kind: r.pause_kind as NonNullable<CaseSnapshot['pause']>['kind'],
          expectedWorkingDays: r.pause_expected_days,
        }
      : null,
  extended: r.extended,
  deemedAccepted: r.deemed_accepted,
  negativeReported: r.negative_reported,
  convertedFromImmediate: r.converted_from_immediate,
  supplementRequests: r.supplement_requests,
});

/** Load what the transitions of a case need: its version's steps, its center's calendar, its clock rows. */
export async function openUnit(q: Queryable, row: CaseRow): Promise<Unit> {
  // One after the other: inside a transaction the queries share one connection anyway.
  const version = await pinnedVersion(q, row.item_version_id);
  const calendar = await loadCalendar(q, row.center_id);
  const pauses = row.accepted_at ? await parts.listPauses(q, row.id) : [];
  const extensions = row.accepted_at ? await parts.listExtensions(q, row.id) : [];
  return { row, version, steps: stepsOf(version), calendar, pauses, extensions, pending: [], writes: [] };
}

/** The current step of the unit's case (name and assignee role). */
export function currentStep(u: Unit): StepDef {
  return u.steps[u.row.step_index] ?? u.steps[0]!;
}

/** Event fields beyond type/role/opinion, kept in the event's payload for the exchange formats. */
function payloadOf(e: CaseEvent): Record<string, unknown> {
  const { type: _t, actorRole: _r, opinion: _o, ...rest } = e;
  return rest;
}

function opinionOf(e: CaseEvent): string {
  if (e.opinion) return e.opinion;
  if ('reason' in e && typeof e.reason === 'string') return e.reason;
  return '';
}

const withFlag = (flags: readonly string[], f: string) => (flags.includes(f) ? [...flags] : [...flags, f]);

/**
 * Apply one domain event in memory. Throws (AppError from the transition table) before changing
 * anything when the event is not allowed.
 */
export function applyEvent(
  u: Unit,
  event: CaseEvent,
  actor: EventActor,
  now: Date,
  extra: { payload?: Record<string, unknown> } = {},
): void {
  const before = u.row;
  const { next, effects } = transition(toSnapshot(before), event);
  const r: CaseRow = {
    ...before,
    status: next.status,
    kind: next.kind,
    outcome: next.outcome,
    step_index: next.stepIndex,
    pause_kind: next.pause?.kind ?? null,
    pause_expected_days: next.pause?.expectedWorkingDays ?? null,
    extended: next.extended,
    deemed_accepted: next.deemedAccepted,
    negative_reported: next.negativeReported,
    converted_from_immediate: next.convertedFromImmediate,
    supplement_requests: next.supplementRequests,
    flags: [...before.flags],
  };
  let clockChanged = false;
  let stepChanged = false;
  const documents: CaseDocument[] = [];
  for (const fx of effects) {
    switch (fx.type) {
      case 'startClock':
        // 第32条: a deemed acceptance counts from the day the materials were received.
        r.accepted_at = fx.from === 'now' ? now : r.last_received_at;
        clockChanged = true;
        break;
      case 'pauseClock': {
        const pause: PauseRow = {
          id: '',
          kind: fx.kind,
          expected_working_days: fx.expectedWorkingDays,
          reason: event.type === 'pause' ? event.reason : '',
          started_at: now,
          ended_at: null,
          result: '',
        };
        u.pauses = [...u.pauses, pause];
        u.writes.push({ type: 'openPause', pause, by: actor.name });
        r.paused_at = now;
        break;
      }
      case 'resumeClock': {
        const result = event.type === 'resume' ? (event.result ?? '') : '';
        u.pauses = u.pauses.map((p) => (p.ended_at ? p : { ...p, ended_at: now, result }));
        u.writes.push({ type: 'closePause', at: now, result, by: actor.name });
        r.paused_at = null;
        clockChanged = true;
        stepChanged = true;
        break;
      }
      case 'extendClock': {
        const extension: ExtensionRow = {
          working_days: fx.workingDays,
          approved_by: event.type === 'extend' ? event.approvedBy : '',
          reason: event.type === 'extend' ? event.reason : '',
          approved_at: now,
        };
        u.extensions = [...u.extensions, extension];
        u.writes.push({ type: 'extension', extension, by: actor.name });
        clockChanged = true;
        break;
      }
      case 'stopClock':
        r.concluded_at = now;
        break;
      case 'enterStep':
        r.step_entered_at = now;
        stepChanged = true;
        break;
      case 'applyPromisedLimit':
        // The promise of the day (即办) is broken: the case is now held to the legal limit.
        r.promised_limit_amount = r.legal_limit_amount;
        r.promised_limit_unit = r.legal_limit_unit;
        clockChanged = true;
        break;
      case 'reportNegative':
        // 否定报备: the flag is what e-supervision reads; the event row carries the decision.
        r.flags = withFlag(r.flags, 'negative_reported');
        break;
      case 'issueDocument':
        documents.push(fx.document);
        break;
      case 'raiseFlag':
        r.flags = withFlag(r.flags, fx.flag);
        break;
      case 'forwardCase':
        r.forwarded_to = fx.toOrg;
        break;
    }
  }
  if (r.status === 'concluded' && !r.concluded_at) r.concluded_at = now;
  if (event.type === 'supply') r.last_received_at = now;
  if (event.type === 'approve' && event.certificate) r.certificate = { ...event.certificate };
  if (event.type === 'deliver') {
    r.delivered_at = now;
    r.delivery_method = event.method;
    r.tracking_number = event.trackingNumber ?? null;
  }
  if (event.type === 'close') r.closed_at = now;

  const step = u.steps[r.step_index] ?? u.steps[0]!;
  r.step_name = step.name;
  r.step_role = step.role;
  if (clockChanged && r.accepted_at) {
    const pauses = toPauses(u.pauses);
    const dues = caseDues(r, pauses, toExtensions(u.extensions), u.calendar, now);
    r.due_at = dues.due;
    r.legal_due_at = dues.legalDue;
    if (r.accepted_at && dues.due === null) r.flags = withFlag(r.flags, 'calendar_not_configured');
  }
  if (stepChanged && r.step_entered_at) {
    r.step_due_at = stepDue(r.step_entered_at, step.limit, toPauses(u.pauses), u.calendar, now);
  }

  const wasInProcess = before.status === 'accepted' || before.status === 'paused';
  const beforeStep = u.steps[before.step_index];
  r.event_count = before.event_count + 1;
  u.pending.push({
    event: {
      seq: r.event_count,
      type: event.type,
      fromStatus: before.status,
      toStatus: r.status,
      stepIndex: wasInProcess ? before.step_index : null,
      stepName: wasInProcess ? (beforeStep?.name ?? null) : null,
      actorId: actor.userId,
      actorName: actor.name,
      actorRole: actor.role,
      orgId: actor.orgId,
      orgName: actor.orgName,
      orgCreditCode: actor.orgCreditCode,
      at: now,
      opinion: opinionOf(event),
      payload: { ...payloadOf(event), ...(extra.payload ?? {}) },
    },
    documents,
  });
  u.row = r;
}

/** An event with no change of state (e.g. 容缺 materials supplied after acceptance). */
export function recordEvent(
  u: Unit,
  type: string,
  actor: EventActor,
  now: Date,
  opinion: string,
  payload: Record<string, unknown>,
): void {
  const r = u.row;
  u.row = { ...r, event_count: r.event_count + 1 };
  u.pending.push({
    event: {
      seq: r.event_count + 1,
      type,
      fromStatus: r.status,
      toStatus: r.status,
      stepIndex: r.status === 'accepted' || r.status === 'paused' ? r.step_index : null,
      stepName: r.status === 'accepted' || r.status === 'paused' ? r.step_name : null,
      actorId: actor.userId,
      actorName: actor.name,
      actorRole: actor.role,
      orgId: actor.orgId,
      orgName: actor.orgName,
      orgCreditCode: actor.orgCreditCode,
      at: now,
      opinion,
      payload,
    },
    documents: [],
  });
}

export interface Flushed {
  row: CaseRow;
  /** Event ids by seq, and the documents each issued. */
  issued: { eventId: number; seq: number; documents: CaseDocument[]; payload: Record<string, unknown> }[];
}

/** Write the unit in the caller's transaction: state, clock rows, then the events in order. */
export async function flushUnit(q: Queryable, u: Unit, now: Date): Promise<Flushed> {
  const row = u.isNew
    ? await repo.insertFullCase(q, u.row, now)
    : await repo.saveCaseState(q, u.row.id, u.row, now);
  if (u.isNew && u.newMaterials) await parts.insertMaterials(q, row.id, row.center_id, u.newMaterials);
  u.isNew = false;
  for (const w of u.writes) {
    if (w.type === 'openPause') {
      await parts.openPause(q, {
        caseId: row.id,
        centerId: row.center_id,
        kind: w.pause.kind,
        expectedWorkingDays: w.pause.expected_working_days,
        reason: w.pause.reason,
        at: w.pause.started_at,
        by: w.by,
      });
    } else if (w.type === 'closePause') {
      await parts.closePause(q, row.id, w.at, w.result, w.by);
    } else {
      await parts.insertExtension(q, {
        caseId: row.id,
        centerId: row.center_id,
        workingDays: w.extension.working_days,
        approvedBy: w.extension.approved_by,
        reason: w.extension.reason,
        at: w.extension.approved_at,
        by: w.by,
      });
    }
  }
  const ids = await repo.insertEvents(
    q,
    u.pending.map((p) => ({ ...p.event, caseId: row.id, centerId: row.center_id })),
  );
  const issued: Flushed['issued'] = u.pending.map((p) => ({
    eventId: ids.get(p.event.seq)!,
    seq: p.event.seq,
    documents: p.documents,
    payload: p.event.payload,
  }));
  u.pending = [];
  u.writes = [];
  u.row = row;
  return { row, issued };
}
