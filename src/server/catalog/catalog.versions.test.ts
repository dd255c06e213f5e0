import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { VersionStatus } from '../../shared/contracts/catalog';
import { versionInForce, versionPointers, type VersionDates } from './catalog.versions';
import { versionTransition } from './catalog.workflow';

const v = (versionNo: number, status: VersionStatus, effectiveFrom: string | null): VersionDates => ({
  id: `v${versionNo}`,
  versionNo,
  status,
  effectiveFrom,
});

describe('the version in force on a day', () => {
  const versions = [
    v(1, 'published', '2025-01-01'),
    v(2, 'published', '2026-03-01'),
    v(3, 'draft', null),
    v(4, 'cancelled', null),
  ];

  it('is the published version with the latest effective date on or before the day', () => {
    expect(versionInForce(versions, '2024-12-31')).toBeUndefined();
    expect(versionInForce(versions, '2025-01-01')?.id).toBe('v1');
    expect(versionInForce(versions, '2026-02-28')?.id).toBe('v1');
    expect(versionInForce(versions, '2026-03-01')?.id).toBe('v2');
  });

  it('prefers the later publication when two take effect on the same day', () => {
    expect(
      versionInForce([v(1, 'published', '2026-01-01'), v(2, 'published', '2026-01-01')], '2026-01-01')?.id,
    ).toBe('v2');
  });

  it('never selects a draft, a version under review or a cancelled one', () => {
    expect(
      versionInForce(
        [v(1, 'draft', null), v(2, 'center_review', null), v(3, 'cancelled', null)],
        '2030-01-01',
      ),
    ).toBeUndefined();
  });

  it('publishing another version never changes what was in force on an earlier day', () => {
    const date = fc
      .integer({ min: 0, max: 3000 })
      .map((d) => new Date(Date.UTC(2020, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(date, { minLength: 1, maxLength: 8 }), date, date, (dates, publishedOn, day) => {
        const list = dates.map((d, i) => v(i + 1, 'published', d));
        // A new version may only take effect on or after the day it is published (no back-dating).
        const next = v(list.length + 1, 'published', publishedOn);
        if (day < publishedOn)
          expect(versionInForce([...list, next], day)).toEqual(versionInForce(list, day));
      }),
    );
  });

  it('keeps one pointer for the version in force and one for a scheduled one', () => {
    const p = versionPointers(
      [v(1, 'published', '2025-01-01'), v(2, 'published', '2026-06-01')],
      '2026-03-02',
    );
    expect(p.current?.id).toBe('v1');
    expect(p.next?.id).toBe('v2');
    expect(p.scheduled).toHaveLength(1);
  });
});

describe('the review workflow', () => {
  const statuses: VersionStatus[] = ['draft', 'department_review', 'center_review', 'published', 'cancelled'];
  const actions = ['submit', 'approve', 'return', 'cancel'] as const;

  it('walks every (status, action) pair', () => {
    const table = Object.fromEntries(
      statuses.map((s) => [
        s,
        Object.fromEntries(actions.map((a) => [a, versionTransition(s, a)?.to ?? null])),
      ]),
    );
    expect(table).toEqual({
      draft: { submit: 'department_review', approve: null, return: null, cancel: 'cancelled' },
      department_review: { submit: null, approve: 'center_review', return: 'draft', cancel: 'cancelled' },
      center_review: { submit: null, approve: 'published', return: 'draft', cancel: 'cancelled' },
      published: { submit: null, approve: null, return: null, cancel: null },
      cancelled: { submit: null, approve: null, return: null, cancel: null },
    });
  });

  it('the department approves at department review, the center publishes, and returns need a comment', () => {
    expect(versionTransition('department_review', 'approve')?.by).toBe('department');
    expect(versionTransition('center_review', 'approve')?.by).toBe('admin');
    for (const s of statuses)
      for (const a of ['return', 'cancel'] as const)
        if (versionTransition(s, a)) expect(versionTransition(s, a)?.commentRequired).toBe(true);
  });
});
