import { describe, expect, it } from 'vitest';
import { compressionRows } from './catalog.compression';
import { diffContent } from './catalog.diff';
import { sampleContent } from './catalog.fixtures';

const wd = (amount: number) => ({ amount, unit: 'workday' as const });

describe('time-limit compression', () => {
  it('counts shortened items and saved working days per department and in total', () => {
    const { departments, total } = compressionRows(
      [
        {
          departmentId: 'a',
          departmentName: 'A',
          before: { caseType: 'promised', promised: wd(20) },
          after: { caseType: 'promised', promised: wd(5) },
        },
        {
          departmentId: 'a',
          departmentName: 'A',
          before: { caseType: 'promised', promised: wd(3) },
          after: { caseType: 'immediate', promised: wd(0) },
        },
        {
          departmentId: 'b',
          departmentName: 'B',
          before: { caseType: 'promised', promised: wd(10) },
          after: { caseType: 'promised', promised: wd(10) },
        },
        {
          departmentId: 'b',
          departmentName: 'B',
          before: null,
          after: { caseType: 'immediate', promised: wd(0) },
        },
      ],
      '合计',
    );
    expect(departments.find((d) => d.departmentId === 'a')).toMatchObject({
      itemsShortened: 2,
      workdaysSaved: 18,
      immediateBefore: 0,
      immediateAfter: 1,
      immediateShareAfter: 0.5,
    });
    expect(total).toMatchObject({
      itemsBefore: 3,
      itemsAfter: 4,
      itemsShortened: 2,
      workdaysSaved: 18,
      immediateShareBefore: 0,
      immediateShareAfter: 0.5,
    });
  });

  it('never mixes units: natural days are counted apart and a change of unit is not a saving', () => {
    const { total } = compressionRows(
      [
        {
          departmentId: 'a',
          departmentName: 'A',
          before: { caseType: 'promised', promised: { amount: 30, unit: 'day' } },
          after: { caseType: 'promised', promised: { amount: 20, unit: 'day' } },
        },
        {
          departmentId: 'a',
          departmentName: 'A',
          before: { caseType: 'promised', promised: { amount: 30, unit: 'day' } },
          after: { caseType: 'promised', promised: wd(5) },
        },
      ],
      'Total',
    );
    expect(total).toMatchObject({ itemsShortened: 1, workdaysSaved: 0, daysSaved: 10 });
  });
});

describe('what changed between versions', () => {
  it('names the changed fields and the added material', () => {
    const before = sampleContent({ promisedLimit: wd(20) });
    const after = sampleContent({
      materials: [...before.materials, { ...before.materials[0]!, key: 'm3', name: '经营场所证明' }],
    });
    const changes = diffContent(before, after);
    expect(changes).toContainEqual({ field: 'promisedLimit', before: wd(20), after: wd(5) });
    expect(changes.map((c) => c.field)).toContain('materials.m3');
    expect(changes).toHaveLength(2);
  });
});
