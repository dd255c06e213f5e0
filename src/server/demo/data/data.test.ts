import { describe, expect, it } from 'vitest';
import { Phone } from '../../../shared/contracts/common';
import { childLevel } from '../../../shared/contracts/org';
import { staffRoles } from '../../../shared/contracts/roles';
import { demoItems } from './catalog';
import { demoOrg } from './org';
import type { DemoItem, TimeLimit } from './types';

const { centers, departments, windows, staff, applicants } = demoOrg;

// ---------------------------------------------------------------------------------------------
// Check characters, written here on purpose (the real validators live in src/domain/identity).
// ---------------------------------------------------------------------------------------------

/** GB 11643-1999: 17 digits weighted 2^(17-i) mod 11, remainder → '10X98765432'. */
function residentIdValid(id: string): boolean {
  if (!/^\d{17}[\dX]$/.test(id)) return false;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = weights.reduce((acc, w, i) => acc + Number(id[i]) * w, 0);
  return '10X98765432'[sum % 11] === id[17];
}

/** GB 11714-1997 organisation code: 8 characters weighted 3,7,9,10,5,8,4,2; 10 → X, 11 → 0. */
function orgCodeValid(code: string): boolean {
  if (!/^[0-9A-Z]{8}[0-9X]$/.test(code)) return false;
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  const value = (c: string) => (/\d/.test(c) ? Number(c) : c.charCodeAt(0) - 55);
  const sum = weights.reduce((acc, w, i) => acc + value(code[i]!) * w, 0);
  const check = 11 - (sum % 11);
  return code[8] === (check === 10 ? 'X' : check === 11 ? '0' : String(check));
}

/** GB 32100-2015: 31-character alphabet without I O S V Z, weights 3^(i) mod 31. */
const CREDIT_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
function creditCodeValid(code: string): boolean {
  if (!/^[0-9A-HJ-NPQRTUWXY]{18}$/.test(code)) return false;
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const sum = weights.reduce((acc, w, i) => acc + CREDIT_ALPHABET.indexOf(code[i]!) * w, 0);
  return CREDIT_ALPHABET[(31 - (sum % 31)) % 31] === code[17];
}

const unique = (values: string[]) => new Set(values).size === values.length;
const duplicates = (values: string[]) => values.filter((v, i) => values.indexOf(v) !== i);
const byCode = new Map(centers.map((c) => [c.code, c]));
const deptByCode = new Map(departments.map((d) => [d.code, d]));
const staffByUsername = new Map(staff.map((s) => [s.username, s]));
const sameUnit = (a: TimeLimit, b: TimeLimit) => a.unit === b.unit;

describe('check-character helpers', () => {
  it('accept the published examples and reject a changed character', () => {
    expect(residentIdValid('11010519491231002X')).toBe(true);
    expect(residentIdValid('440524188001010014')).toBe(true);
    expect(residentIdValid('440524188001010015')).toBe(false);
    expect(creditCodeValid('91350100M000100Y43')).toBe(true);
    expect(creditCodeValid('91350100M000100Y44')).toBe(false);
  });
});

describe('demo centers', () => {
  it('have unique codes and exactly one county root', () => {
    expect(duplicates(centers.map((c) => c.code))).toEqual([]);
    expect(centers.filter((c) => c.parentCode === null).map((c) => c.level)).toEqual(['county']);
  });

  it('list parents before children, one level down, with the parent region code as prefix', () => {
    centers.forEach((c, i) => {
      if (c.parentCode === null) return;
      const parentIndex = centers.findIndex((p) => p.code === c.parentCode);
      const parent = centers[parentIndex];
      expect(parent, c.code).toBeDefined();
      expect(parentIndex).toBeLessThan(i);
      expect(childLevel[parent!.level]).toBe(c.level);
      expect(c.regionCode.startsWith(parent!.regionCode), c.code).toBe(true);
    });
    for (const c of centers)
      expect(c.regionCode).toHaveLength({ county: 6, township: 9, village: 12 }[c.level]);
  });

  it('have valid phone numbers', () => {
    for (const c of centers) expect(Phone.safeParse(c.phone).success, c.phone).toBe(true);
  });
});

describe('demo departments', () => {
  it('have unique codes, a known center and a valid 统一社会信用代码', () => {
    expect(duplicates(departments.map((d) => d.code))).toEqual([]);
    for (const d of departments) {
      expect(byCode.has(d.centerCode), d.code).toBe(true);
      expect(creditCodeValid(d.creditCode), d.creditCode).toBe(true);
      expect(orgCodeValid(d.creditCode.slice(8, 17)), d.creditCode).toBe(true);
      expect(d.shortName.length).toBeLessThanOrEqual(20);
      expect(Phone.safeParse(d.phone).success, d.phone).toBe(true);
    }
  });
});

describe('demo windows', () => {
  it('have unique numbers per center', () => {
    expect(duplicates(windows.map((w) => `${w.centerCode}:${w.number}`))).toEqual([]);
  });

  it('belong to a known center; department windows to a department of that center', () => {
    for (const w of windows) {
      expect(byCode.has(w.centerCode), w.name).toBe(true);
      expect(w.kind === 'department', `${w.centerCode}:${w.number}`).toBe(w.departmentCode !== null);
      if (w.departmentCode) expect(deptByCode.get(w.departmentCode)?.centerCode).toBe(w.centerCode);
      expect(w.number).toMatch(/^[\w-]{1,10}$/);
      expect(Phone.safeParse(w.phone).success, w.phone).toBe(true);
    }
  });

  it('give the county ~20 windows with comprehensive ones and a police window, every township and village at least one', () => {
    const county = windows.filter((w) => w.centerCode === 'yunxi');
    expect(county.length).toBeGreaterThanOrEqual(18);
    expect(county.filter((w) => w.kind === 'comprehensive').length).toBeGreaterThanOrEqual(5);
    expect(county.some((w) => w.departmentCode === 'GA')).toBe(true);
    for (const c of centers)
      expect(
        windows.some((w) => w.centerCode === c.code),
        c.code,
      ).toBe(true);
  });
});

describe('demo staff and accounts', () => {
  it('have usernames unique across staff and applicants, badges unique per center', () => {
    expect(duplicates([...staff, ...applicants].map((p) => p.username))).toEqual([]);
    expect(duplicates(staff.map((s) => `${s.centerCode}:${s.badgeNumber}`))).toEqual([]);
    for (const p of [...staff, ...applicants]) expect(p.username).toMatch(/^[a-z0-9_.-]{2,64}$/);
  });

  it('reference a known center, department, window and backup in the same center', () => {
    for (const s of staff) {
      expect(byCode.has(s.centerCode), s.username).toBe(true);
      if (s.departmentCode)
        expect(deptByCode.get(s.departmentCode)?.centerCode, s.username).toBe(s.centerCode);
      if (s.windowNumber) {
        const w = windows.find((x) => x.centerCode === s.centerCode && x.number === s.windowNumber);
        expect(w, s.username).toBeDefined();
        // A department's officer sits at that department's window or at a comprehensive one.
        if (w!.departmentCode) expect(w!.departmentCode, s.username).toBe(s.departmentCode);
      }
      if (s.backupOf) {
        const a = staffByUsername.get(s.backupOf);
        expect(a, s.username).toBeDefined();
        expect(s.backupOf).not.toBe(s.username);
        expect([a!.centerCode, a!.departmentCode]).toEqual([s.centerCode, s.departmentCode]);
        // AB岗: B can stand in for A only if B holds A's roles.
        for (const r of a!.roles) expect(s.roles, s.username).toContain(r);
      }
    }
  });

  it('hold known roles, valid phones and badge numbers', () => {
    for (const s of staff) {
      expect(s.roles.length, s.username).toBeGreaterThan(0);
      for (const r of s.roles) expect(staffRoles).toContain(r);
      expect(Phone.safeParse(s.phone).success, s.phone).toBe(true);
      expect(s.badgeNumber).toMatch(/^[\w-]{1,20}$/);
    }
  });

  it('cover every role, and the README accounts hold the role their name promises', () => {
    for (const role of staffRoles)
      expect(
        staff.some((s) => s.roles.includes(role)),
        role,
      ).toBe(true);
    const get = (u: string) => {
      const s = staffByUsername.get(u);
      if (!s) throw new Error(`missing demo account ${u}`);
      return s;
    };
    expect(get('admin').roles).toContain('admin');
    expect(get('supervisor').roles).toContain('supervisor');
    expect(get('leader').roles).toContain('leader');
    const officer = get('officer');
    expect(officer.roles).toContain('officer');
    expect(
      windows.find((w) => w.centerCode === officer.centerCode && w.number === officer.windowNumber)?.kind,
    ).toBe('comprehensive');
    expect([get('chief').roles, get('chief').departmentCode]).toEqual([['chief_rep'], 'SCJG']);
    expect([get('approver').roles, get('approver').departmentCode, get('approver').post]).toEqual([
      ['approver'],
      'SCJG',
      '科长',
    ]);
    expect(get('village').roles).toContain('village_acceptor');
    expect(byCode.get(get('village').centerCode)?.level).toBe('village');
    expect(get('proxy').roles).toContain('proxy_agent');
    expect(byCode.get(get('proxy').centerCode)?.level).toBe('township');
  });

  it('keep village acceptors in village rooms: they accept, never decide', () => {
    for (const s of staff.filter((x) => x.roles.includes('village_acceptor'))) {
      expect(byCode.get(s.centerCode)?.level, s.username).toBe('village');
      expect(s.roles.some((r) => r === 'approver' || r === 'chief_rep')).toBe(false);
    }
  });
});

describe('demo applicants', () => {
  it('include zhangsan (person) and qiye (enterprise)', () => {
    expect(applicants.find((a) => a.username === 'zhangsan')?.kind).toBe('person');
    expect(applicants.find((a) => a.username === 'qiye')?.kind).toBe('enterprise');
  });

  it('carry ID numbers with valid check characters and a real birth date', () => {
    for (const a of applicants) {
      expect(a.idType, a.username).toBe(a.kind === 'person' ? 'resident_id' : 'credit_code');
      if (a.idType === 'resident_id') {
        expect(residentIdValid(a.idNumber), a.idNumber).toBe(true);
        const birth = a.idNumber.slice(6, 14);
        const date = new Date(`${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}T00:00:00Z`);
        expect(date.toISOString().slice(0, 10).replaceAll('-', '')).toBe(birth);
      } else {
        expect(creditCodeValid(a.idNumber), a.idNumber).toBe(true);
        expect(orgCodeValid(a.idNumber.slice(8, 17)), a.idNumber).toBe(true);
      }
      expect(Phone.safeParse(a.phone).success, a.phone).toBe(true);
    }
  });
});

const label = (i: DemoItem) => `${i.basicCode} ${i.name}`;

describe('demo catalog: identity and references', () => {
  it('has about sixty items with unique codes and names', () => {
    expect(demoItems.length).toBeGreaterThanOrEqual(55);
    expect(duplicates(demoItems.map((i) => i.basicCode))).toEqual([]);
    expect(duplicates(demoItems.map((i) => i.implCode))).toEqual([]);
    expect(duplicates(demoItems.map((i) => i.name))).toEqual([]);
  });

  it('codes are ≤ 50 characters and the 实施编码 names its implementing body', () => {
    for (const i of demoItems) {
      expect(i.basicCode.length).toBeLessThanOrEqual(50);
      expect(i.implCode.length).toBeLessThanOrEqual(50);
      const d = deptByCode.get(i.departmentCode);
      expect(d, label(i)).toBeDefined();
      expect(i.implCode.startsWith(d!.creditCode), label(i)).toBe(true);
      expect(i.implCode).toContain(i.basicCode);
    }
  });

  it('every step role is staffed in the item department (officers may also be comprehensive-window staff)', () => {
    for (const i of demoItems) {
      for (const st of i.steps) {
        const staffed = staff.some(
          (s) =>
            s.roles.includes(st.role) &&
            (s.departmentCode === i.departmentCode || (st.role === 'officer' && s.departmentCode === null)),
        );
        expect(staffed, `${label(i)}: ${st.name} (${st.role})`).toBe(true);
      }
    }
  });
});

describe('demo catalog: limits', () => {
  it('promised ≤ legal in the same unit (0 of any unit fits any legal limit)', () => {
    for (const i of demoItems) {
      if (i.promisedLimit.amount === 0) continue;
      expect(sameUnit(i.promisedLimit, i.legalLimit), label(i)).toBe(true);
      expect(i.promisedLimit.amount, label(i)).toBeLessThanOrEqual(i.legalLimit.amount);
    }
  });

  it('即办件 ⇔ promised 0 working days, and they carry the 马上办 mode', () => {
    for (const i of demoItems) {
      const immediate = i.caseType === 'immediate';
      expect(immediate && i.promisedLimit.unit === 'workday', label(i)).toBe(i.promisedLimit.amount === 0);
      expect(i.handlingModes.includes('immediate'), label(i)).toBe(immediate);
    }
  });

  it('previous promised limits were longer, in the same unit, and within the legal limit', () => {
    for (const i of demoItems.filter((x) => x.previousPromisedLimit)) {
      const prev = i.previousPromisedLimit!;
      expect(prev.amount, label(i)).toBeGreaterThan(i.promisedLimit.amount);
      if (i.promisedLimit.amount > 0) expect(sameUnit(prev, i.promisedLimit), label(i)).toBe(true);
      if (sameUnit(prev, i.legalLimit))
        expect(prev.amount, label(i)).toBeLessThanOrEqual(i.legalLimit.amount);
    }
  });

  it('steps start with the window, share the promised unit and fit in the promised limit', () => {
    for (const i of demoItems) {
      expect(i.steps.length, label(i)).toBeGreaterThan(0);
      expect(i.steps[0]!.role, label(i)).toBe('officer');
      const units = new Set(i.steps.map((s) => s.limit.unit));
      expect([...units], label(i)).toEqual([i.promisedLimit.unit]);
      const total = i.steps.reduce((acc, s) => acc + s.limit.amount, 0);
      expect(total, label(i)).toBeLessThanOrEqual(i.promisedLimit.amount);
      for (const s of i.steps) expect(Number.isInteger(s.limit.amount) && s.limit.amount >= 0).toBe(true);
    }
  });

  it('reproduce the seed clean-up: 290 working days shorter, six items turned 即办件, about a third immediate', () => {
    const shortened = demoItems.filter(
      (i) => i.previousPromisedLimit?.unit === 'workday' && i.promisedLimit.unit === 'workday',
    );
    const saved = shortened.reduce(
      (acc, i) => acc + i.previousPromisedLimit!.amount - i.promisedLimit.amount,
      0,
    );
    expect(saved).toBe(290);
    expect(shortened.filter((i) => i.caseType === 'immediate')).toHaveLength(6);
    const share = demoItems.filter((i) => i.caseType === 'immediate').length / demoItems.length;
    expect(share).toBeGreaterThan(0.25);
    expect(share).toBeLessThan(0.45);
  });
});

describe('demo catalog: handling modes, visits and guide content', () => {
  it('explain every required visit; 不见面 means no visit, 跑一次 at most one', () => {
    for (const i of demoItems) {
      expect(Number.isInteger(i.visitsRequired) && i.visitsRequired >= 0).toBe(true);
      expect(Boolean(i.visitsReason), label(i)).toBe(i.visitsRequired > 0);
      if (i.handlingModes.includes('no_visit')) expect(i.visitsRequired, label(i)).toBe(0);
      if (i.handlingModes.includes('one_visit')) expect(i.visitsRequired, label(i)).toBeLessThanOrEqual(1);
      expect(i.onlineDepth).toBeGreaterThanOrEqual(1);
      expect(i.onlineDepth).toBeLessThanOrEqual(7);
      if (i.handlingModes.includes('online')) expect(i.onlineDepth, label(i)).toBeGreaterThanOrEqual(4);
    }
  });

  it('就近办 ⇔ accepted below the county; several items are', () => {
    for (const i of demoItems) {
      expect(i.acceptLevels, label(i)).toContain(i.exerciseLevel);
      const below = i.acceptLevels.some((l) => l !== 'county');
      expect(i.handlingModes.includes('nearby'), label(i)).toBe(below);
    }
    expect(demoItems.filter((i) => i.acceptLevels.includes('village')).length).toBeGreaterThanOrEqual(5);
    expect(demoItems.filter((i) => i.acceptLevels.includes('township')).length).toBeGreaterThanOrEqual(10);
  });

  it('materials are well formed and their situations exist', () => {
    for (const i of demoItems) {
      expect(i.materials.length, label(i)).toBeGreaterThan(0);
      const codes = (i.situations ?? []).map((s) => s.code);
      expect(unique(codes), label(i)).toBe(true);
      for (const m of i.materials) {
        expect(
          Number.isInteger(m.originals) && m.originals >= 0 && Number.isInteger(m.copies) && m.copies >= 0,
        ).toBe(true);
        expect(m.originals + m.copies > 0 || m.form === 'electronic', `${label(i)}: ${m.name}`).toBe(true);
        if (m.situation) expect(codes, `${label(i)}: ${m.name}`).toContain(m.situation);
      }
    }
  });

  it('fees, results, contacts, FAQ and themes are filled in', () => {
    for (const i of demoItems) {
      for (const f of i.fees) {
        expect(f.standard, label(i)).toBeGreaterThanOrEqual(0);
        expect(f.basis.length, label(i)).toBeGreaterThan(0);
      }
      for (const text of [i.legalBasis, i.conditions, i.location, i.hours, i.result.name]) {
        expect(text.length, label(i)).toBeGreaterThan(0);
      }
      expect(Phone.safeParse(i.phone).success && Phone.safeParse(i.complaintPhone).success, label(i)).toBe(
        true,
      );
      expect(i.faq.length, label(i)).toBeGreaterThan(0);
      expect(i.themes.length, label(i)).toBeGreaterThan(0);
    }
    // Most items are free; housing registration carries the real 80 元/件.
    expect(demoItems.filter((i) => i.fees.some((f) => f.standard > 0)).length).toBeLessThan(
      demoItems.length / 4,
    );
    expect(demoItems.some((i) => i.fees.some((f) => f.standard === 80 && f.name.includes('住宅')))).toBe(
      true,
    );
  });
});
