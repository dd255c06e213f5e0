import { describe, expect, it } from 'vitest';
import { buildSnapshot } from '../../domain/cases/case-fixtures';
import { isAppError } from '../../domain/errors';
import type { ItemVersionView } from '../../shared/contracts/catalog';
import type { Actor } from '../http/actor';
import { buildDocumentData, cnTime } from './cases.documents';
import { caseNumber, documentNumber } from './cases.numbering';
import { actingRole, actionsFor, caseScope } from './cases.policy';
import type { CaseRow, OrgInfo } from './cases.repository';
import { centerCodeOfNumber } from './progress.service';
import { assertComplete, feeOf, materialRows } from './receive.service';

const codeOf = (f: () => unknown): string | false => {
  try {
    f();
    return false;
  } catch (e) {
    return isAppError(e) ? e.code : String(e);
  }
};

const actor = (roles: Actor['roles'], patch: Partial<Actor> = {}): Actor => ({
  userId: 'u',
  username: 'u',
  displayName: '某人',
  roles,
  centerId: 'c',
  centerPath: '/c/',
  departmentId: 'd',
  staffId: 's',
  applicantId: null,
  ...patch,
});

describe('numbers', () => {
  it('are center code, day and sequence for cases; kind, year and sequence for documents', () => {
    expect(caseNumber('yunxi-luqiao', '2026-03-02', 7)).toBe('YUNXI-LUQIAO-20260302-0007');
    expect(caseNumber('yunxi', '2026-03-02', 12345)).toBe('YUNXI-20260302-12345');
    expect(documentNumber('yunxi', 'acceptance_notice', new Date('2026-12-31T17:00:00Z'), 12)).toBe(
      'YUNXI受〔2027〕00012号',
    );
  });

  it('give back the center code of a case number for the public lookup', () => {
    expect(centerCodeOfNumber('YUNXI-LUQIAO-HUANGLONG-20260302-0001')).toBe('yunxi-luqiao-huanglong');
    expect(centerCodeOfNumber('nonsense')).toBeNull();
  });
});

describe('who acts in which role', () => {
  const s = buildSnapshot({ status: 'accepted', stepIndex: 1 });
  it('passes a step only for its assignee role; the chief representative may stand in', () => {
    expect(actingRole(actor(['approver']), 'pass_step', s, { name: '审查', role: 'approver' })).toBe(
      'approver',
    );
    expect(
      codeOf(() => actingRole(actor(['officer']), 'pass_step', s, { name: '审查', role: 'approver' })),
    ).toBe('CASE_STEP_ROLE');
    expect(actingRole(actor(['chief_rep']), 'pass_step', s, { name: '审查', role: 'approver' })).toBe(
      'chief_rep',
    );
  });

  it('lists only the actions the user may take on the current step', () => {
    expect(actionsFor(actor(['officer']), s, 'approver')).not.toContain('pass_step');
    expect(actionsFor(actor(['approver']), s, 'approver')).toEqual(
      expect.arrayContaining(['pass_step', 'pause', 'extend']),
    );
    expect(actionsFor(actor(['village_acceptor']), buildSnapshot({ status: 'received' }), 'officer')).toEqual(
      expect.arrayContaining(['accept', 'request_supplement']),
    );
    expect(
      actionsFor(actor(['village_acceptor']), buildSnapshot({ status: 'received' }), 'officer'),
    ).not.toContain('refuse');
  });

  it('scopes center staff by center, department staff by department, applicants by themselves', () => {
    expect(caseScope(actor(['officer']))).toEqual({
      centerPath: '/c/',
      departmentId: null,
      applicantId: null,
    });
    expect(caseScope(actor(['approver']))).toEqual({
      centerPath: null,
      departmentId: 'd',
      applicantId: null,
    });
    expect(caseScope(actor(['applicant'], { applicantId: 'a' }))).toMatchObject({
      applicantId: 'a',
      centerPath: null,
    });
  });
});

const v = {
  content: {
    materials: [
      {
        key: 'm1',
        name: '申请书',
        originals: 1,
        copies: 0,
        necessity: 'mandatory',
        source: 'applicant',
        situation: null,
      },
      {
        key: 'm2',
        name: '场所证明',
        originals: 1,
        copies: 1,
        necessity: 'deferrable',
        source: 'applicant',
        situation: null,
      },
      {
        key: 'm3',
        name: '营业执照',
        originals: 0,
        copies: 0,
        necessity: 'mandatory',
        source: 'e_license',
        situation: null,
      },
      {
        key: 'm4',
        name: '委托书',
        originals: 1,
        copies: 0,
        necessity: 'optional',
        source: 'applicant',
        situation: 'agent',
      },
    ],
    fees: [{ name: '工本费', standardFen: 2000 }],
  },
} as unknown as ItemVersionView;

describe('materials and fees at the window', () => {
  it('counts unticked required materials as missing, fetched ones as received, optional ones as not applicable', () => {
    const rows = materialRows(v, [
      { key: 'm2', status: 'deferred', originals: 0, copies: 0, note: '承诺10日内补交' },
    ]);
    expect(rows.map((r) => r.status)).toEqual(['missing', 'deferred', 'received', 'not_applicable']);
    expect(codeOf(() => assertComplete(rows))).toBe('CASE_MATERIALS_MISSING');
    expect(codeOf(() => assertComplete(rows.filter((r) => r.material_key !== 'm1')))).toBe(false);
  });

  it('refuses 容缺 for a material the catalog does not mark deferrable, and unknown materials', () => {
    expect(
      codeOf(() => materialRows(v, [{ key: 'm1', status: 'deferred', originals: 0, copies: 0, note: '' }])),
    ).toBe('CASE_MATERIAL_NOT_DEFERRABLE');
    expect(
      codeOf(() => materialRows(v, [{ key: 'x', status: 'received', originals: 0, copies: 0, note: '' }])),
    ).toBe('CASE_MATERIAL_UNKNOWN');
  });

  it('compares the fee charged with the standard of the named lines; a difference needs a reason', () => {
    expect(feeOf(v, { lines: [{ name: '工本费', chargedFen: 2000 }] })).toMatchObject({
      standard: 2000,
      charged: 2000,
      mismatch: false,
    });
    expect(codeOf(() => feeOf(v, { lines: [{ name: '工本费', chargedFen: 0 }] }))).toBe(
      'CASE_FEE_REASON_REQUIRED',
    );
    expect(feeOf(v, { lines: [{ name: '工本费', chargedFen: 0 }], reason: '减免' })).toMatchObject({
      mismatch: true,
      reason: '减免',
    });
    expect(codeOf(() => feeOf(v, { lines: [{ name: '加急费', chargedFen: 100 }] }))).toBe('CASE_FEE_UNKNOWN');
  });
});

describe('documents print what their event recorded', () => {
  it('a supplement notice lists every missing item with its reason', () => {
    const row = {
      number: 'YUNXI-20260302-0001',
      item_name: '燃气经营许可证核发',
      applicant_name: '王测试',
      applicant_id_number: '349901198001011234',
      agent_name: null,
      last_received_at: new Date('2026-03-02T01:00:00Z'),
    } as CaseRow;
    const org = { center_code: 'yunxi', center_name: '云溪县政务服务中心', department_name: null } as OrgInfo;
    const data = buildDocumentData('supplement_notice', 'YUNXI补〔2026〕00001号', {
      row,
      version: { content: { phone: '0550-1', location: '二楼' } } as unknown as ItemVersionView,
      org,
      materials: [],
      payload: {
        missingMaterials: [{ name: '申请书' }, { name: '安全评价报告', note: '须由有资质的机构出具' }],
      },
      issuedBy: '陈晓燕',
      at: new Date('2026-03-02T01:10:00Z'),
    });
    expect(data.table?.rows).toEqual([
      ['1', '申请书', '未提交'],
      ['2', '安全评价报告', '须由有资质的机构出具'],
    ]);
    expect(data.fields).toContainEqual(['证件号码', '349901********1234']);
    expect(data.paragraphs[0]).toContain('一次性告知');
    expect(data.progressPath).toBe('/progress?number=YUNXI-20260302-0001');
    expect(cnTime(new Date('2026-03-02T01:10:00Z'))).toBe('2026年3月2日 09:10');
  });
});
