/**
 * The interface every campaign data source implements (STYLE.md "A data source is a module under
 * _shared/sources/<source>/"): whether it is configured for a workspace, and its daily rows for a date range, with
 * the states a user must hear about (quota, reconnect, error). Rows go through `writeSnapshots` afterwards.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { SnapshotRow } from '../domain/snapshot-quality.ts';

export interface SourceContext {
  client: SupabaseClient;
  workspaceId: string;
  now: Date;
}

export interface DateRange {
  /** First day, inclusive (YYYY-MM-DD, in the source's time zone). */
  from: string;
  /** Last day, inclusive. */
  to: string;
}

export type SourceFetch =
  | { status: 'ok'; rows: SnapshotRow[]; notes: string[] }
  | { status: 'quota_exceeded' | 'needs_reconnect' | 'error'; rows: SnapshotRow[]; message: string };

export interface DataSource {
  /** The data_source its rows carry. */
  readonly id: string;
  configured(ctx: SourceContext): Promise<{ ok: true } | { ok: false; reason: string }>;
  fetchRange(ctx: SourceContext, range: DateRange): Promise<SourceFetch>;
}

/** The calendar days from `from` to `to`, inclusive. */
export function daysOf(range: DateRange): string[] {
  const out: string[] = [];
  for (let t = Date.parse(`${range.from}T00:00:00Z`); t <= Date.parse(`${range.to}T00:00:00Z`); t += 86_400_000) {
    out.push(new Date(t).toISOString().slice(0, 10));
  }
  return out;
}
