import { describe, expect, it } from 'vitest';
import { chinaCalendar } from '../../domain/calendar/calendar.fixture';
import type { CaseEvent } from '../../domain/cases';
import { isAppError } from '../../domain/errors';
import type { ItemVersionView } from '../../shared/contracts/catalog';
import { applyEvent, recordEvent, type EventActor, type Unit } from './cases.engine';
import type { CaseRow } from './cases.repository';

/**
 * The unit of work in memory (no database): each transition's effects become the right columns,
 * clock rows and documents, and a refused event changes nothing. Calendar: the real 2026 one,
 * hours 08:30–11:30 and 14:00–17:30.
 */

const cst = (s: string) => new Date(`${s}:00+08:00`);
const steps = [
  { name: '受理', role: 'officer', limit: { amount: 1, unit: 'workday' as const } },
  { name: '审查', role: 'approver', limit: { amount: 5, unit: 'workday' as const } },
  { name: '决定', role: 'approver', limit: { amount: 4, unit: 'workday' as const } },
];
const version = { id: 'v', content: { steps } } as unknown as ItemVersionView;
const actor: EventActor = {
  userId: 'u',
  name: '陈晓燕',
  role: 'officer',
  orgId: 'c',
  orgName: '云溪县政务服务中心',
  orgCreditCode: '',
};
const as = (role: EventActor['role']): EventActor => ({ ...actor, role });

function unit(patch: Partial<CaseRow> = {}): Unit {
  const at = cst('2026-03-02T09:00');
  const row = {
    id: 'case',
    center_id: 'c',
    number: 'YUNXI-20260302-0001',
    status: 'received',
    kind: 'promised',
    outcome: null,
    step_index: 0,
    step_count: 3,
    step_name: '受理',
    step_role: 'officer',
    pause_kind: null,
    pause_expected_days: null,
    extended: false,
    deemed_accepted: false,
    negative_reported: false,
    converted_from_immediate: false,
    supplement_requests: 0,
    flags: [],
    received_at: at,
    last_received_at: at,
    accepted_at: null,
    promised_limit_amount: 10,
    promised_limit_unit: 'workday',
    legal_limit_amount: 20,
    legal_limit_unit: 'workday',
    due_at: null,
    legal_due_at: null,
    paused_at: null,
    step_entered_at: null,
    step_due_at: null,
    concluded_at: null,
    event_count: 1,
    ...patch,
  } as CaseRow;
  return {
    row,
    version,
    steps,
    calendar: chinaCalendar(),
    pauses: [],
    extensions: [],
    pending: [],
    writes: [],
  };
}

describe('applying events in memory', () => {
  it('accept starts the clock, enters the first step and issues the acceptance notice', () => {
    const u = unit();
    applyEvent(u, { type: 'accept', actorRole: 'officer' }, actor, cst('2026-03-02T09:30'));
    expect(u.row).toMatchObject({ status: 'accepted', step_index: 0, step_name: '受理', event_count: 2 });
    expect(u.row.accepted_at).toEqual(cst('2026-03-02T09:30'));
    // 10 working days from Monday 3/2: 3/3 … 3/16 (no holiday), due at 17:30.
    expect(u.row.due_at).toEqual(cst('2026-03-16T17:30'));
    expect(u.row.legal_due_at).toEqual(cst('2026-03-30T17:30'));
    expect(u.row.step_due_at).toEqual(cst('2026-03-03T17:30'));
    expect(u.pending[0]).toMatchObject({
      event: { type: 'accept', fromStatus: 'received', toStatus: 'accepted', seq: 2 },
      documents: ['acceptance_notice'],
    });
  });

  it('a deemed acceptance counts from the receipt (第32条) and is flagged', () => {
    const u = unit();
    applyEvent(u, { type: 'deem_accept', actorRole: 'system' }, as('system'), cst('2026-03-10T08:00'));
    expect(u.row.accepted_at).toEqual(cst('2026-03-02T09:00'));
    expect(u.row.flags).toContain('deemed_accepted');
    expect(u.pending[0]!.documents).toEqual([]);
  });

  it('a pause opens a clock row and freezes the due; resume gives the paused working days back', () => {
    const u = unit();
    applyEvent(u, { type: 'accept', actorRole: 'officer' }, actor, cst('2026-03-02T09:30'));
    applyEvent(u, { type: 'pass_step', actorRole: 'officer' }, actor, cst('2026-03-02T10:00'));
    const pause: CaseEvent = {
      type: 'pause',
      actorRole: 'approver',
      kind: 'site_check',
      expectedWorkingDays: 2,
      reason: '现场核查',
    };
    applyEvent(u, pause, as('approver'), cst('2026-03-04T08:30'));
    expect(u.row).toMatchObject({
      status: 'paused',
      pause_kind: 'site_check',
      paused_at: cst('2026-03-04T08:30'),
    });
    expect(u.row.due_at).toEqual(cst('2026-03-16T17:30'));
    expect(u.writes.map((w) => w.type)).toEqual(['openPause']);
    // Two whole working days (3/4 and 3/5) paused: the due moves from 3/16 to 3/18.
    applyEvent(
      u,
      { type: 'resume', actorRole: 'approver', result: '合格' },
      as('approver'),
      cst('2026-03-06T08:30'),
    );
    expect(u.row).toMatchObject({ status: 'accepted', pause_kind: null, paused_at: null });
    expect(u.row.due_at).toEqual(cst('2026-03-18T17:30'));
    expect(u.pauses[0]).toMatchObject({ ended_at: cst('2026-03-06T08:30'), result: '合格' });
  });

  it('an extension adds working days to both dues and records who approved it', () => {
    const u = unit();
    applyEvent(u, { type: 'accept', actorRole: 'officer' }, actor, cst('2026-03-02T09:30'));
    const extend: CaseEvent = {
      type: 'extend',
      actorRole: 'approver',
      workingDays: 10,
      approvedBy: '局长',
      reason: '情况复杂',
    };
    applyEvent(u, extend, as('approver'), cst('2026-03-10T09:00'));
    expect(u.row.due_at).toEqual(cst('2026-03-30T17:30'));
    expect(u.row.legal_due_at).toEqual(cst('2026-04-14T17:30'));
    expect(u.extensions[0]).toMatchObject({ working_days: 10, approved_by: '局长' });
    expect(u.pending[1]!.documents).toEqual(['extension_notice']);
  });

  it('a denial stops the clock, is reported (否定报备) and issues the decision', () => {
    const u = unit({ status: 'accepted', step_index: 2, accepted_at: cst('2026-03-02T09:30') });
    applyEvent(
      u,
      { type: 'deny', actorRole: 'approver', reason: '不符合条件' },
      as('approver'),
      cst('2026-03-05T10:00'),
    );
    expect(u.row).toMatchObject({ status: 'concluded', outcome: 'denied', negative_reported: true });
    expect(u.row.flags).toContain('negative_reported');
    expect(u.row.concluded_at).toEqual(cst('2026-03-05T10:00'));
    expect(u.pending[0]).toMatchObject({
      event: { opinion: '不符合条件', stepName: '决定' },
      documents: ['decision_deny'],
    });
  });

  it('a refused event changes nothing in the unit', () => {
    const u = unit();
    const before = u.row;
    try {
      applyEvent(
        u,
        { type: 'deliver', actorRole: 'officer', method: 'window' },
        actor,
        cst('2026-03-02T10:00'),
      );
      expect.unreachable();
    } catch (e) {
      expect(isAppError(e) && e.code).toBe('CASE_INVALID_TRANSITION');
    }
    expect(u.row).toBe(before);
    expect(u.pending).toEqual([]);
  });

  it('records an event without a change of state', () => {
    const u = unit({ status: 'accepted' });
    recordEvent(u, 'supply_deferred', actor, cst('2026-03-03T09:00'), '', { materials: ['经营场所证明'] });
    expect(u.row).toMatchObject({ status: 'accepted', event_count: 2 });
    expect(u.pending[0]!.event).toMatchObject({
      type: 'supply_deferred',
      fromStatus: 'accepted',
      toStatus: 'accepted',
    });
  });
});
