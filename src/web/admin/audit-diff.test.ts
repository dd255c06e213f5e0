import { describe, expect, it } from 'vitest';
import { auditChanges, formatAuditValue } from './audit-diff';

describe('auditChanges', () => {
  it('lists only the fields whose values changed in an update', () => {
    const before = { name: 'A', phone: '1', roles: ['officer'] };
    const after = { name: 'B', phone: '1', roles: ['officer', 'admin'] };
    expect(auditChanges(before, after)).toEqual([
      { key: 'name', before: 'A', after: 'B' },
      { key: 'roles', before: ['officer'], after: ['officer', 'admin'] },
    ]);
  });

  it('shows every field of a creation as new', () => {
    expect(auditChanges(null, { code: 'x', active: true })).toEqual([
      { key: 'code', before: undefined, after: 'x' },
      { key: 'active', before: undefined, after: true },
    ]);
  });

  it('shows a field that disappeared with no after value', () => {
    expect(auditChanges({ a: 1, b: 2 }, { a: 1 })).toEqual([{ key: 'b', before: 2, after: undefined }]);
  });

  it('compares non-object snapshots as a whole', () => {
    expect(auditChanges('x', 'y')).toEqual([{ key: '', before: 'x', after: 'y' }]);
    expect(auditChanges(null, null)).toEqual([]);
    expect(auditChanges([1], [1])).toEqual([]);
  });
});

describe('formatAuditValue', () => {
  it('renders absent values as a dash and others as text', () => {
    expect(formatAuditValue(undefined)).toBe('—');
    expect(formatAuditValue(null)).toBe('—');
    expect(formatAuditValue('abc')).toBe('abc');
    expect(formatAuditValue({ a: [1] })).toBe('{"a":[1]}');
  });
});
