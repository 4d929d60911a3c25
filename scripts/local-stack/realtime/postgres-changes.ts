// postgres_changes delivery: matches each committed row against the subscribers' bindings, asks the table's own
// RLS which subscribers may see it (one query per table per batch, `_realtime.visible_keys` in
// scripts/local-stack/sql/realtime.sql), and sends the change in Realtime's payload shape.
import type pg from 'pg';
import type { ChangeRow } from './change-feed.ts';
import { matchesFilters } from './filters.ts';
import { send } from './frames.ts';
import type { ChannelRegistry } from './registry.ts';
import type { Binding, Channel, Claims } from './types.ts';

interface TableCheck {
  schema: string;
  table: string;
  pks: string[];
  /** Distinct subscribers by token, each with its index into `claims`. */
  tokens: Map<string, number>;
  claims: Claims[];
  records: Map<string, Record<string, unknown>>;
}

function keyOf(record: Record<string, unknown>, pks: string[]): string {
  return JSON.stringify(pks.map((k) => (record[k] === undefined || record[k] === null ? null : String(record[k]))));
}

const tableKey = (row: ChangeRow) => `${row.table_schema}\u0000${row.table_name}`;

export function bindingMatches(b: Binding, row: ChangeRow): boolean {
  if (b.schema !== '*' && b.schema !== row.table_schema) return false;
  if (b.table !== '*' && b.table !== row.table_name) return false;
  if (b.event !== '*' && b.event !== row.type) return false;
  if (row.type === 'DELETE') return matchesFilters(b.filters, row.old_record, row.columns, true);
  return matchesFilters(b.filters, row.record, row.columns);
}

/** DELETEs carry only keys and service_role bypasses RLS: neither needs a visibility check. */
const needsCheck = (channel: Channel, row: ChangeRow) => row.type !== 'DELETE' && channel.role !== 'service_role';

/**
 * Which (subscriber, row) pairs of one table RLS lets through, as `${subscriber}\u0000${keyOf(row)}`. One query
 * for every subscriber and row of the batch: the database switches to each subscriber's role and claims in turn.
 */
async function visiblePairs(checks: pg.Pool, t: TableCheck): Promise<Set<string>> {
  const records = [...t.records.values()];
  const keys = records.map((r) => Object.fromEntries(t.pks.map((k) => [k, r[k]])));
  const { rows } = await checks.query<{ subscriber: number; key_index: number }>(
    'select subscriber, key_index from _realtime.visible_keys($1::regclass, $2::text[], $3::jsonb, $4::jsonb)',
    [`"${t.schema.replace(/"/g, '""')}"."${t.table.replace(/"/g, '""')}"`, t.pks, JSON.stringify(keys), JSON.stringify(t.claims)],
  );
  return new Set(rows.map((r) => `${r.subscriber}\u0000${keyOf(records[r.key_index], t.pks)}`));
}

function changePayload(row: ChangeRow): Record<string, unknown> {
  const data: Record<string, unknown> = {
    schema: row.table_schema,
    table: row.table_name,
    commit_timestamp: new Date(row.commit_timestamp).toISOString(),
    type: row.type,
    columns: row.columns,
    errors: null,
  };
  if (row.type !== 'DELETE') data.record = row.record;
  if (row.type !== 'INSERT') data.old_record = row.old_record ?? {};
  return data;
}

/** The change feed's `deliver`: sends one batch of committed rows to every subscriber allowed to see them. */
export function changeDelivery(registry: ChannelRegistry, checks: pg.Pool, log: (m: string) => void) {
  return async function deliver(rows: ChangeRow[]) {
    const channels = registry.changeSubscribers();
    if (!channels.length) return;
    const nowSec = Date.now() / 1000;
    const deliveries: { channel: Channel; row: ChangeRow; ids: number[] }[] = [];
    const tables = new Map<string, TableCheck>();
    for (const row of rows) {
      for (const channel of channels) {
        if (channel.exp <= nowSec) continue;
        const ids = channel.bindings.filter((b) => bindingMatches(b, row)).map((b) => b.id);
        if (!ids.length) continue;
        deliveries.push({ channel, row, ids });
        if (!needsCheck(channel, row) || !row.record || !row.primary_keys.length) continue;
        let t = tables.get(tableKey(row));
        if (!t) tables.set(tableKey(row), (t = { schema: row.table_schema, table: row.table_name, pks: row.primary_keys, tokens: new Map(), claims: [], records: new Map() }));
        if (!t.tokens.has(channel.token)) {
          t.tokens.set(channel.token, t.claims.length);
          t.claims.push(channel.claims);
        }
        t.records.set(keyOf(row.record, row.primary_keys), row.record);
      }
    }
    const visible = new Map<string, Set<string>>();
    await Promise.all(
      [...tables].map(async ([key, t]) => {
        try {
          visible.set(key, await visiblePairs(checks, t));
        } catch (err) {
          log(`realtime: access check on ${t.schema}.${t.table} failed: ${err instanceof Error ? err.message : String(err)}`);
          visible.set(key, new Set());
        }
      }),
    );
    for (const { channel, row, ids } of deliveries) {
      if (needsCheck(channel, row)) {
        if (!row.record || !row.primary_keys.length) continue;
        const subscriber = tables.get(tableKey(row))?.tokens.get(channel.token);
        if (subscriber === undefined || !visible.get(tableKey(row))?.has(`${subscriber}\u0000${keyOf(row.record, row.primary_keys)}`)) continue;
      }
      if (channel.conn.channels.get(channel.topic) !== channel) continue;
      send(channel.conn, { joinRef: null, ref: null, topic: channel.topic, event: 'postgres_changes', payload: { ids, data: changePayload(row) } });
    }
  };
}
