import { assertFee, newCaseSnapshot } from '../../domain/cases';
import type { CaseEvent } from '../../domain/cases';
import { civilDateOfInstant } from '../../domain/calendar';
import { AppError } from '../../domain/errors';
import {
  assertCreditCode,
  assertIdNumber,
  isValidPhone,
  normalizeIdNumber,
  normalizePhone,
} from '../../domain/identity';
import type {
  AgentInput,
  ApplicantInput,
  CaseCreate,
  FeeInput,
  MaterialTick,
} from '../../shared/contracts/cases';
import { levelLabels } from '../../shared/contracts/catalog-labels';
import type { ItemVersionView } from '../../shared/contracts/catalog';
import { randomUUID } from 'node:crypto';
import type { Db, Queryable } from '../db/db';
import { maybeOne } from '../db/db';
import { requireTicket } from '../hall/hall.common';
import { linkTicketToCase } from '../hall/ticket-actions.service';
import { eventActor, type StaffCtx } from './cases.actor';
import { loadCalendar } from './cases.calendar';
import { commitUnit, preNumber, type CommitOptions } from './cases.commit';
import { applyEvent, type Unit } from './cases.engine';
import type { NewMaterial } from './cases.parts.repository';
import { actingRole } from './cases.policy';
import * as repo from './cases.repository';
import type { CaseRow, OrgInfo } from './cases.repository';
import { stepsOf, versionInForce } from './cases.versions';

/**
 * 收件 at the window, and the decision of the same sitting (accept, one-time supplement notice,
 * refusal): one transaction creates the case with its number, materials and fees, and runs the
 * receive and decision events through the transition table.
 */

function checkApplicant(a: ApplicantInput, today: string): ApplicantInput {
  const idNumber = normalizeIdNumber(a.idNumber);
  if (a.idType === 'resident_id') assertIdNumber(idNumber, 'applicant.idNumber', { today });
  if (a.idType === 'credit_code') assertCreditCode(idNumber, 'applicant.idNumber');
  if (!isValidPhone(a.phone))
    throw new AppError('VALIDATION_FAILED', {}, { 'applicant.phone': 'rule.phone' });
  return { ...a, idNumber, phone: normalizePhone(a.phone) };
}

function checkAgent(a: AgentInput | undefined, today: string): AgentInput | undefined {
  if (!a) return undefined;
  const idNumber = normalizeIdNumber(a.idNumber);
  if (a.idType === 'resident_id') assertIdNumber(idNumber, 'agent.idNumber', { today });
  if (!isValidPhone(a.phone)) throw new AppError('VALIDATION_FAILED', {}, { 'agent.phone': 'rule.phone' });
  return { ...a, idNumber, phone: normalizePhone(a.phone) };
}

/** The version's materials as ticked; an unticked one is missing if the applicant must bring it. */
export function materialRows(v: ItemVersionView, ticks: readonly MaterialTick[]): NewMaterial[] {
  const byKey = new Map(ticks.map((t) => [t.key, t]));
  for (const t of ticks) {
    if (!v.content.materials.some((m) => m.key === t.key))
      throw new AppError('CASE_MATERIAL_UNKNOWN', { key: t.key }, { materials: 'rule.required' });
  }
  return v.content.materials.map((m, i) => {
    const t = byKey.get(m.key);
    if (t?.status === 'deferred' && m.necessity !== 'deferrable')
      throw new AppError('CASE_MATERIAL_NOT_DEFERRABLE', { name: m.name });
    // Fetched from the e-licence library or another department: the applicant brings nothing.
    const fetched = m.source !== 'applicant';
    const status =
      t?.status ??
      (fetched ? 'received' : m.necessity === 'optional' || m.situation ? 'not_applicable' : 'missing');
    const received = status === 'received' && !fetched;
    return {
      seq: i + 1,
      material_key: m.key,
      name: m.name,
      necessity: m.necessity,
      originals_required: m.originals,
      copies_required: m.copies,
      originals_received: t ? t.originals : received ? m.originals : 0,
      copies_received: t ? t.copies : received ? m.copies : 0,
      status,
      note: t?.note ?? '',
    };
  });
}

export function feeOf(v: ItemVersionView, fee: FeeInput | undefined) {
  const lines = (fee?.lines ?? []).map((l) => {
    const std = v.content.fees.find((f) => f.name === l.name);
    if (!std) throw new AppError('CASE_FEE_UNKNOWN', { name: l.name }, { 'fee.lines': 'rule.required' });
    return { name: l.name, standardFen: std.standardFen, chargedFen: l.chargedFen };
  });
  const standard = lines.reduce((s, l) => s + l.standardFen, 0);
  const charged = lines.reduce((s, l) => s + l.chargedFen, 0);
  const reason = fee?.reason?.trim() ? fee.reason.trim() : null;
  const { mismatch } = assertFee({ charged, standard, reason });
  return { lines, standard, charged, reason: mismatch ? reason : null, mismatch };
}

/** Accept needs every material the applicant must bring (容缺 items may follow later). */
export function assertComplete(ms: readonly { name: string; status: string }[]): void {
  const missing = ms.filter((m) => m.status === 'missing').map((m) => m.name);
  if (missing.length > 0) throw new AppError('CASE_MATERIALS_MISSING', { names: missing.join('、') });
}

export interface ReceiveCommon {
  version: ItemVersionView;
  org: OrgInfo;
  windowId: string | null;
  bundleId: string | null;
}

/** Checks that the item may be received here by this actor; the version in force and the window. */
export async function prepareReceipt(
  q: Queryable,
  ctx: StaffCtx,
  itemId: string,
  windowId: string | undefined,
): Promise<ReceiveCommon> {
  const { actor, now } = ctx;
  if (!actor.centerId || !actor.centerPath) throw new AppError('FORBIDDEN');
  const found = await versionInForce(q, itemId, now);
  // An item of this center or of a center above it (a village room receives county items).
  if (!found || !actor.centerPath.startsWith(found.itemCenterPath)) {
    if (!found) {
      const exists = await maybeOne(q, 'SELECT 1 FROM items WHERE id = $1', [itemId]);
      if (exists) throw new AppError('CASE_ITEM_NOT_IN_FORCE');
    }
    throw new AppError('NOT_FOUND', { entity: 'item' });
  }
  const org = await repo.orgInfo(q, actor.centerId, actor.departmentId, actor.staffId);
  const version = found.version;
  if (!version.content.acceptLevels.includes(org.center_level)) {
    const l = levelLabels[org.center_level];
    throw new AppError('CASE_ITEM_LEVEL', { item: version.content.name, levelZh: l.zh, levelEn: l.en });
  }
  let window: string | null = null;
  if (windowId) {
    const w = await repo.findWindowInCenter(q, windowId, actor.centerId);
    if (!w) throw new AppError('NOT_FOUND', { entity: 'window' });
    window = w.id;
  } else {
    window = org.staff_window_id;
  }
  return { version, org, windowId: window, bundleId: null };
}

/** The decision taken in the same sitting as the receipt. */
export type Decision =
  | { decision: 'receive' }
  | { decision: 'accept'; opinion?: string | undefined }
  | {
      decision: 'request_supplement';
      extraMissing: readonly {
        materialKey?: string | undefined;
        name?: string | undefined;
        note?: string | undefined;
      }[];
      opinion?: string | undefined;
    }
  | { decision: 'refuse'; reason: string; referTo?: string | undefined };

export interface ReceiveInput {
  channel: 'counter' | 'online';
  applicant: ApplicantInput;
  agent?: AgentInput | undefined;
  subject: string;
  materials: readonly MaterialTick[];
  fee?: FeeInput | undefined;
}

/** Create the case (as a draft row) and run `receive` plus the decision; returns the unit, not yet committed. */
export async function buildReceivedUnit(
  q: Queryable,
  ctx: StaffCtx,
  common: ReceiveCommon,
  input: ReceiveInput,
  decision: Decision,
): Promise<Unit> {
  const { actor, now } = ctx;
  const { version, org } = common;
  const today = civilDateOfInstant(now.getTime());
  const applicant = checkApplicant(input.applicant, today);
  const agent = checkAgent(input.agent, today);
  const materials = materialRows(version, input.materials);
  const fee = feeOf(version, input.fee);
  const steps = stepsOf(version);
  const kind = version.content.caseType;
  const role = actingRole(
    actor,
    decision.decision === 'receive' ? 'receive' : decision.decision,
    {
      ...newCaseSnapshot({ kind, stepCount: steps.length }),
      status: decision.decision === 'receive' ? 'draft' : 'received',
    },
    steps[0]!,
  );
  if (decision.decision === 'accept') assertComplete(materials);

  const account = await repo.findApplicantAccount(q, applicant.idType, applicant.idNumber);
  const calendar = await loadCalendar(q, actor.centerId!);
  const row: CaseRow = {
    id: randomUUID(),
    center_id: actor.centerId!,
    number: '', // taken when the unit is committed (cases.numbering.ts)
    item_id: version.itemId,
    item_version_id: version.id,
    item_name: version.content.name,
    department_id: version.departmentId,
    window_id: common.windowId,
    channel: input.channel,
    bundle_id: common.bundleId,
    subject: input.subject,
    received_by: actor.userId,
    received_by_name: actor.displayName,
    status: 'draft',
    kind,
    outcome: null,
    step_index: 0,
    step_count: steps.length,
    step_name: steps[0]!.name,
    step_role: steps[0]!.role,
    pause_kind: null,
    pause_expected_days: null,
    extended: false,
    deemed_accepted: false,
    negative_reported: false,
    converted_from_immediate: false,
    supplement_requests: 0,
    flags: fee.mismatch ? ['fee_mismatch'] : [],
    applicant_id: account?.id ?? null,
    applicant_kind: applicant.kind,
    applicant_name: applicant.name,
    applicant_id_type: applicant.idType,
    applicant_id_number: applicant.idNumber,
    applicant_phone: applicant.phone,
    applicant_address: applicant.address,
    legal_representative: applicant.legalRepresentative,
    agent_name: agent?.name ?? null,
    agent_id_type: agent?.idType ?? null,
    agent_id_number: agent?.idNumber ?? null,
    agent_phone: agent?.phone ?? null,
    fee_standard_fen: fee.standard,
    fee_charged_fen: fee.charged,
    fee_lines: fee.lines,
    fee_reason: fee.reason,
    fee_mismatch: fee.mismatch,
    received_at: now,
    last_received_at: now,
    accepted_at: null,
    promised_limit_amount: version.content.promisedLimit.amount,
    promised_limit_unit: version.content.promisedLimit.unit,
    legal_limit_amount: version.content.legalLimit.amount,
    legal_limit_unit: version.content.legalLimit.unit,
    due_at: null,
    legal_due_at: null,
    paused_at: null,
    step_entered_at: null,
    step_due_at: null,
    concluded_at: null,
    delivered_at: null,
    closed_at: null,
    certificate: null,
    forwarded_to: null,
    delivery_method: null,
    tracking_number: null,
    event_count: 0,
    created_at: now,
    updated_at: now,
  };

  const u: Unit = {
    row,
    isNew: true,
    newMaterials: materials,
    version,
    steps,
    calendar,
    pauses: [],
    extensions: [],
    pending: [],
    writes: [],
  };
  const who = eventActor(actor, role, org);
  const receiveRole = actingRole(
    actor,
    'receive',
    newCaseSnapshot({ kind, stepCount: steps.length }),
    steps[0]!,
  );
  applyEvent(
    u,
    { type: 'receive', channel: input.channel, actorRole: receiveRole },
    { ...who, role: receiveRole },
    now,
    {
      payload: { fee: { standardFen: fee.standard, chargedFen: fee.charged, reason: fee.reason } },
    },
  );
  const event = decisionEvent(u, decision, role);
  if (event) applyEvent(u, event, who, now);
  return u;
}

function decisionEvent(u: Unit, d: Decision, role: CaseEvent['actorRole']): CaseEvent | null {
  switch (d.decision) {
    case 'receive':
      return null;
    case 'accept':
      return { type: 'accept', actorRole: role, ...(d.opinion ? { opinion: d.opinion } : {}) };
    case 'refuse':
      return {
        type: 'refuse',
        actorRole: role,
        reason: d.reason,
        ...(d.referTo ? { referTo: d.referTo } : {}),
      };
    case 'request_supplement': {
      const ms = u.newMaterials!;
      for (const x of d.extraMissing) {
        const name = x.name ?? u.version.content.materials.find((m) => m.key === x.materialKey)?.name;
        if (!name)
          throw new AppError(
            'CASE_MATERIAL_UNKNOWN',
            { key: x.materialKey ?? '' },
            { extraMissing: 'rule.required' },
          );
        ms.push({
          seq: ms.length + 1,
          material_key: null,
          name,
          necessity: 'mandatory',
          originals_required: 0,
          copies_required: 0,
          originals_received: 0,
          copies_received: 0,
          status: 'missing',
          note: x.note ?? '',
        });
      }
      // 一次性告知: every material ticked missing and every extra item, in one notice.
      const missing = ms
        .filter((m) => m.status === 'missing')
        .map((m) => ({
          ...(m.material_key ? { materialId: m.material_key } : {}),
          name: m.name,
          note: m.note,
        }));
      return {
        type: 'request_supplement',
        actorRole: role,
        missingMaterials: missing,
        ...(d.opinion ? { opinion: d.opinion } : {}),
      };
    }
  }
}

/** How a receipt is committed: the case is new and numbered by its center and day. */
export const receiptCommit = (ctx: StaffCtx, common: ReceiveCommon): CommitOptions => ({
  issuedBy: ctx.actor.displayName,
  now: ctx.now,
  newCase: { centerCode: common.org.center_code, day: civilDateOfInstant(ctx.now.getTime()) },
});

/**
 * POST /api/cases: receive and decide in one sitting. Reads and checks come first, outside any
 * transaction; then the numbers (cases.numbering.ts); then one transaction writes the case, its
 * materials, events and documents — all of it or nothing.
 */
export async function receiveCase(db: Db, ctx: StaffCtx, input: CaseCreate) {
  const common = await prepareReceipt(db, ctx, input.itemId, input.windowId);
  // A ticket outside the officer's centers is "not found" before anything is numbered.
  if (input.ticketId) await requireTicket(db, input.ticketId, ctx.actor.centerPath);
  const u = await buildReceivedUnit(db, ctx, common, input, input);
  const opts = receiptCommit(ctx, common);
  const taken = await preNumber(db, u, opts);
  return db.transaction(async (tx) => {
    const done = await commitUnit(tx, u, taken ? { ...opts, taken } : opts);
    if (input.ticketId) await linkTicket(tx, ctx, input.ticketId, done.row);
    return done;
  });
}

/** 从此号受理: the case opened from a hall ticket is linked to it (the hall keeps call → acceptance). */
async function linkTicket(tx: Queryable, ctx: StaffCtx, ticketId: string, row: CaseRow): Promise<void> {
  await linkTicketToCase(tx, {
    ticketId,
    caseId: row.id,
    acceptedAt: row.accepted_at,
    actorName: ctx.actor.displayName,
    staffId: ctx.actor.staffId,
    now: ctx.now,
  });
}

/**
 * The same receipt inside a transaction the caller already holds (a bulk day receives its whole
 * roster at once: all cases or none). Numbers are then taken in that transaction.
 */
export async function receiveCaseInTransaction(tx: Queryable, ctx: StaffCtx, input: CaseCreate) {
  const common = await prepareReceipt(tx, ctx, input.itemId, input.windowId);
  if (input.ticketId) await requireTicket(tx, input.ticketId, ctx.actor.centerPath);
  const u = await buildReceivedUnit(tx, ctx, common, input, input);
  const done = await commitUnit(tx, u, receiptCommit(ctx, common));
  if (input.ticketId) await linkTicket(tx, ctx, input.ticketId, done.row);
  return done;
}
