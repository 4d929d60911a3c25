/**
 * The one way daily rows from any source reach performance_snapshots: each row is checked by the domain's
 * data-quality rules (domain/snapshot-quality.ts) against the campaign's earlier days from the same source; good rows
 * are upserted by (campaign_id, date, data_source) unless the stored row already says the same (so a re-run writes
 * nothing), failing rows go to quarantined_snapshots with their reasons (one open entry per campaign, day and source).
 * Works with a user's client (RLS decides; the CSV import) or the service client (schedules).
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import {
  checkSnapshotQuality,
  dayInTimeZone,
  normaliseMetrics,
  sameMetrics,
  SNAPSHOT_METRICS,
  snapshotRowSchema,
  type QualityReason,
  type SnapshotMetric,
  type SnapshotRow,
} from '../domain/snapshot-quality.ts';
import { DEFAULT_THRESHOLDS, resolveThresholds, type ThresholdOverrides } from '../domain/thresholds.ts';

export type { SnapshotRow } from '../domain/snapshot-quality.ts';

export interface WriteSnapshotsOptions {
  /** Who is writing (meta_ads, website, csv, …): every row must carry it as data_source. */
  source: string;
  /** Kept on quarantined rows so a run's rejects can be traced back to it. */
  runId?: string;
  /** The moment "today" is judged at (default: the clock). */
  now?: Date;
}

export interface WriteSnapshotsResult {
  written: number;
  unchanged: number;
  quarantined: number;
}

/** A row that is not even the right shape: a caller's bug, refused before anything is written. */
export class SnapshotRowError extends Error {
  constructor(
    message: string,
    readonly issues: { index: number; message: string }[],
  ) {
    super(message);
  }
}

const PAGE = 1000;
const CHUNK = 500;
const METRIC_COLUMNS = SNAPSHOT_METRICS.join(', ');

function fail(action: string, error: { message: string } | null): void {
  if (error) throw new Error(`Could not ${action}: ${error.message}`);
}

function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

async function pagedSelect<T>(build: (from: number, to: number) => PromiseLike<{ data: unknown; error: { message: string } | null }>, action: string): Promise<T[]> {
  const out: T[] = [];
  for (let from = 0; ; from += PAGE) {
    const { data, error } = await build(from, from + PAGE - 1);
    fail(action, error);
    const page = (data ?? []) as T[];
    out.push(...page);
    if (page.length < PAGE) return out;
  }
}

type Stored = { campaign_id: string; date: string } & Record<SnapshotMetric, number | null>;
type OpenEntry = { id: string; campaign_id: string; date: string; metrics: Record<string, unknown>; reasons: unknown };

/** What a write would do, row by row: nothing is written yet (the CSV preview shows it). */
export interface SnapshotPlan {
  /** New or changed rows, with whether a stored row is replaced. */
  toWrite: { row: SnapshotRow; replaces: boolean }[];
  unchanged: SnapshotRow[];
  toQuarantine: { row: SnapshotRow; reasons: QualityReason[] }[];
}

/** Validates, writes and quarantines `rows` (all from `opts.source`); see the module header. */
export async function writeSnapshots(client: SupabaseClient, rows: SnapshotRow[], opts: WriteSnapshotsOptions): Promise<WriteSnapshotsResult> {
  const plan = await planSnapshots(client, rows, opts);
  await applySnapshotPlan(client, plan, opts);
  return { written: plan.toWrite.length, unchanged: plan.unchanged.length, quarantined: plan.toQuarantine.length };
}

/** Checks `rows` against the quality rules and the stored rows, without writing. */
export async function planSnapshots(client: SupabaseClient, rows: SnapshotRow[], opts: WriteSnapshotsOptions): Promise<SnapshotPlan> {
  const issues: { index: number; message: string }[] = [];
  rows.forEach((row, index) => {
    const parsed = snapshotRowSchema.safeParse(row);
    if (!parsed.success) issues.push({ index, message: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ') });
    else if (row.data_source !== opts.source) issues.push({ index, message: `data_source ${row.data_source} is not ${opts.source}` });
  });
  if (issues.length > 0) throw new SnapshotRowError(`${issues.length} snapshot row(s) are malformed`, issues);
  if (rows.length === 0) return { toWrite: [], unchanged: [], toQuarantine: [] };

  // A later row for the same day replaces an earlier one in the batch.
  const byKey = new Map<string, SnapshotRow>();
  for (const row of rows) byKey.set(`${row.campaign_id}|${row.date}`, row);
  const batch = [...byKey.values()].sort((a, b) => a.date.localeCompare(b.date) || a.campaign_id.localeCompare(b.campaign_id));
  const campaignIds = [...new Set(batch.map((r) => r.campaign_id))];

  const { data: campaigns, error: campaignError } = await client.from('campaigns').select('id, workspace_id').in('id', campaignIds);
  fail('load campaigns', campaignError);
  const workspaceOf = new Map(((campaigns ?? []) as { id: string; workspace_id: string }[]).map((c) => [c.id, c.workspace_id]));
  const missing = campaignIds.filter((id) => !workspaceOf.has(id));
  if (missing.length > 0) throw new SnapshotRowError(`Unknown campaign(s): ${missing.join(', ')}`, []);
  const workspaceIds = [...new Set(workspaceOf.values())];
  const { data: workspaces, error: wsError } = await client.from('workspaces').select('id, time_zone, settings').in('id', workspaceIds);
  fail('load workspaces', wsError);
  const now = opts.now ?? new Date();
  const wsInfo = new Map(
    ((workspaces ?? []) as { id: string; time_zone: string | null; settings: { thresholds?: ThresholdOverrides } | null }[]).map((w) => [
      w.id,
      { today: dayInTimeZone(now, w.time_zone ?? 'UTC'), thresholds: resolveThresholds(w.settings?.thresholds).dataQuality },
    ]),
  );

  const historyDays = Math.max(DEFAULT_THRESHOLDS.dataQuality.outlierHistoryDays, ...[...wsInfo.values()].map((w) => w.thresholds.outlierHistoryDays));
  const from = addDays(batch[0].date, -historyDays);
  const to = batch.at(-1)!.date;
  const stored = await pagedSelect<Stored>(
    (a, b) =>
      client
        .from('performance_snapshots')
        .select(`campaign_id, date, ${METRIC_COLUMNS}`)
        .in('campaign_id', campaignIds)
        .eq('data_source', opts.source)
        .gte('date', from)
        .lte('date', to)
        .order('date')
        .order('campaign_id')
        .range(a, b),
    'load earlier snapshots',
  );
  const known = new Map<string, Record<SnapshotMetric, number | null>>();
  for (const s of stored) known.set(`${s.campaign_id}|${s.date}`, normaliseMetrics(s));

  const plan: SnapshotPlan = { toWrite: [], unchanged: [], toQuarantine: [] };
  for (const row of batch) {
    const ws = wsInfo.get(workspaceOf.get(row.campaign_id)!) ?? { today: dayInTimeZone(now, 'UTC'), thresholds: DEFAULT_THRESHOLDS.dataQuality };
    const history: Partial<Record<SnapshotMetric, number[]>> = {};
    for (let d = 1; d <= ws.thresholds.outlierHistoryDays; d += 1) {
      const past = known.get(`${row.campaign_id}|${addDays(row.date, -d)}`);
      if (!past) continue;
      for (const m of SNAPSHOT_METRICS) if (past[m] !== null) (history[m] ??= []).push(past[m] as number);
    }
    const reasons = checkSnapshotQuality(row, { today: ws.today, history, thresholds: ws.thresholds });
    const key = `${row.campaign_id}|${row.date}`;
    if (reasons.length > 0) plan.toQuarantine.push({ row, reasons });
    else {
      const before = known.get(key);
      if (before && sameMetrics(before, row)) plan.unchanged.push(row);
      else plan.toWrite.push({ row, replaces: before !== undefined });
      // Later rows of a back-fill judge themselves against this one.
      known.set(key, normaliseMetrics(row));
    }
  }

  return plan;
}

/** Writes a plan: upserts its good rows, quarantines its failing ones. */
export async function applySnapshotPlan(client: SupabaseClient, plan: SnapshotPlan, opts: WriteSnapshotsOptions): Promise<void> {
  const toWrite = plan.toWrite.map((w) => w.row);
  for (let i = 0; i < toWrite.length; i += CHUNK) {
    const payload = toWrite.slice(i, i + CHUNK).map((r) => ({ campaign_id: r.campaign_id, date: r.date, data_source: r.data_source, ...normaliseMetrics(r) }));
    const { error } = await client.from('performance_snapshots').upsert(payload, { onConflict: 'campaign_id,date,data_source' });
    fail('write snapshots', error);
  }
  await quarantine(client, plan.toQuarantine, opts);
}

/** One open entry per campaign, day and source: inserted, updated when its values changed, else left alone. */
async function quarantine(client: SupabaseClient, entries: { row: SnapshotRow; reasons: QualityReason[] }[], opts: WriteSnapshotsOptions): Promise<void> {
  if (entries.length === 0) return;
  const campaignIds = [...new Set(entries.map((e) => e.row.campaign_id))];
  const dates = entries.map((e) => e.row.date).sort();
  const open = await pagedSelect<OpenEntry>(
    (a, b) =>
      client
        .from('quarantined_snapshots')
        .select('id, campaign_id, date, metrics, reasons')
        .in('campaign_id', campaignIds)
        .eq('data_source', opts.source)
        .eq('status', 'open')
        .gte('date', dates[0])
        .lte('date', dates.at(-1)!)
        .order('id')
        .range(a, b),
    'load quarantined rows',
  );
  const openByKey = new Map(open.map((o) => [`${o.campaign_id}|${o.date}`, o]));
  const inserts: Record<string, unknown>[] = [];
  for (const { row, reasons } of entries) {
    const metrics = Object.fromEntries(Object.entries(normaliseMetrics(row)).filter(([, v]) => v !== null));
    const existing = openByKey.get(`${row.campaign_id}|${row.date}`);
    if (!existing) {
      inserts.push({ campaign_id: row.campaign_id, date: row.date, data_source: row.data_source, metrics, reasons, run_id: opts.runId ?? null });
    } else if (JSON.stringify(existing.reasons) !== JSON.stringify(reasons) || !sameMetrics(existing.metrics as Record<SnapshotMetric, number>, metrics)) {
      const { error } = await client.from('quarantined_snapshots').update({ metrics, reasons, run_id: opts.runId ?? null }).eq('id', existing.id);
      fail('update a quarantined row', error);
    }
  }
  for (let i = 0; i < inserts.length; i += CHUNK) {
    const { error } = await client.from('quarantined_snapshots').insert(inserts.slice(i, i + CHUNK));
    fail('quarantine rows', error);
  }
}
