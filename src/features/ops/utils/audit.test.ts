import { describe, expect, it } from 'vitest';
import { auditChanges, auditSummary, formatAuditValue } from './audit';

describe('auditChanges', () => {
  it('lists only the fields an update changed, without bookkeeping', () => {
    const changes = auditChanges({
      action: 'UPDATE',
      old_values: { status: 'open', title: 'Shift budget', updated_at: '2026-03-01' },
      new_values: { status: 'accepted', title: 'Shift budget', updated_at: '2026-03-02' },
    });
    expect(changes).toEqual([{ field: 'status', before: 'open', after: 'accepted' }]);
  });

  it('lists every value of an insert or a delete', () => {
    expect(auditChanges({ action: 'INSERT', old_values: null, new_values: { b: 1, a: 'x' } }).map((c) => c.field)).toEqual(['a', 'b']);
    expect(auditChanges({ action: 'DELETE', old_values: { a: 1 }, new_values: null })).toEqual([{ field: 'a', before: 1, after: undefined }]);
  });

  it('compares nested values by content', () => {
    const changes = auditChanges({ action: 'UPDATE', old_values: { meta: { a: [1] } }, new_values: { meta: { a: [1] } } });
    expect(changes).toEqual([]);
  });
});

describe('formatAuditValue', () => {
  it('prints strings bare and everything else as JSON', () => {
    expect(formatAuditValue('x')).toBe('x');
    expect(formatAuditValue({ a: 1 })).toBe('{"a":1}');
    expect(formatAuditValue(null)).toBe('null');
    expect(formatAuditValue(undefined)).toBe('—');
  });
});

describe('auditSummary', () => {
  it('names the changed fields of an update and the row of an insert or delete', () => {
    expect(auditSummary({ action: 'UPDATE', old_values: { a: 1, b: 1 }, new_values: { a: 2, b: 1 } })).toBe('a');
    expect(auditSummary({ action: 'INSERT', old_values: null, new_values: { name: 'Spring Sale' } })).toBe('Spring Sale');
    expect(auditSummary({ action: 'DELETE', old_values: { date: '2026-03-01' }, new_values: null })).toBe('2026-03-01');
    expect(auditSummary({ action: 'INSERT', old_values: null, new_values: { id: 'x' } })).toBe('');
  });
});
