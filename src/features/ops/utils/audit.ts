import type { Json } from '@/lib/db';

export interface AuditChange {
  field: string;
  before: Json | undefined;
  after: Json | undefined;
}

/** Bookkeeping columns every update touches; they say nothing about what changed. */
const NOISE = new Set(['updated_at']);

function asRecord(value: Json | null): Record<string, Json | undefined> {
  return value && typeof value === 'object' && !Array.isArray(value) ? value : {};
}

/**
 * What an audit row changed: for an update only the fields whose value differs (bookkeeping left out), for an
 * insert every new value, for a delete every old one. Fields in alphabetical order.
 */
export function auditChanges(entry: { action: string; old_values: Json | null; new_values: Json | null }): AuditChange[] {
  const before = asRecord(entry.old_values);
  const after = asRecord(entry.new_values);
  const fields = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return fields
    .filter((field) => entry.action !== 'UPDATE' || (!NOISE.has(field) && JSON.stringify(before[field]) !== JSON.stringify(after[field])))
    .map((field) => ({ field, before: before[field], after: after[field] }));
}

/** A jsonb value as one short line for the audit table. */
export function formatAuditValue(value: Json | undefined): string {
  if (value === undefined) return '—';
  if (value === null) return 'null';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** What an audit row is about, for a glance: the changed fields of an update, else the row's name, title or date. */
export function auditSummary(entry: { action: string; old_values: Json | null; new_values: Json | null }): string {
  if (entry.action === 'UPDATE') return auditChanges(entry).map((c) => c.field).join(', ');
  const row = asRecord(entry.action === 'DELETE' ? entry.old_values : entry.new_values);
  const label = row.name ?? row.title ?? row.date ?? row.decision ?? row.code;
  return typeof label === 'string' ? label : '';
}
