/**
 * Writes daily snapshots from any data source: validated, upserted by (campaign_id, date, data_source), and only
 * where something changed, so a re-run of the same import reports everything `unchanged` and writes nothing.
 * This is the minimal writer the Meta import needs; rows that fail the data-quality rules are counted as
 * quarantined and not written (the quarantine table belongs to the sources work, whose writer replaces this one).
 * Runs with the service-role client.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';

const metric = z.number().finite().nonnegative();

export const snapshotRowSchema = z
  .object({
    campaign_id: z.uuid(),
    date: z.iso.date(),
    data_source: z.string().min(1).max(40),
    spend: metric.optional(),
    impressions: metric.optional(),
    reach: metric.optional(),
    clicks: metric.optional(),
    link_clicks: metric.optional(),
    conversions: metric.optional(),
    sales: metric.optional(),
    revenue: metric.optional(),
    leads: metric.optional(),
    add_to_carts: metric.optional(),
    engagement: metric.optional(),
    roas: metric.nullable().optional(),
    cpa: metric.nullable().optional(),
    ctr: metric.nullable().optional(),
    cpm: metric.nullable().optional(),
  })
  .strict()
  .refine((r) => (r.clicks ?? 0) <= (r.impressions ?? Infinity), { message: 'clicks exceed impressions' })
  .refine((r) => (r.conversions ?? 0) <= (r.clicks ?? Infinity), { message: 'conversions exceed clicks' });

export type SnapshotRow = z.input<typeof snapshotRowSchema>;

export interface WriteSnapshotsResult {
  written: number;
  unchanged: number;
  quarantined: number;
}

const METRICS = ['spend', 'impressions', 'reach', 'clicks', 'link_clicks', 'conversions', 'sales', 'revenue', 'leads', 'add_to_carts', 'engagement', 'roas', 'cpa', 'ctr', 'cpm'] as const;
const PAGE = 1000;

const key = (r: { campaign_id: string; date: string; data_source: string }) => `${r.campaign_id}|${r.date}|${r.data_source}`;

function same(a: unknown, b: unknown): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return (a ?? null) === (b ?? null);
  return Math.abs(Number(a) - Number(b)) < 1e-6;
}

async function existingRows(client: SupabaseClient, rows: SnapshotRow[]): Promise<Map<string, Record<string, unknown>>> {
  const found = new Map<string, Record<string, unknown>>();
  const campaigns = [...new Set(rows.map((r) => r.campaign_id))];
  const sources = [...new Set(rows.map((r) => r.data_source))];
  const dates = rows.map((r) => r.date).sort();
  for (let from = 0; ; from += PAGE) {
    const { data, error } = await client
      .from('performance_snapshots')
      .select(`campaign_id, date, data_source, ${METRICS.join(', ')}`)
      .in('campaign_id', campaigns)
      .in('data_source', sources)
      .gte('date', dates[0])
      .lte('date', dates[dates.length - 1])
      .order('id')
      .range(from, from + PAGE - 1);
    if (error) throw new Error(`Could not read existing snapshots: ${error.message}`);
    for (const row of (data ?? []) as unknown as Record<string, unknown>[]) found.set(key(row as never), row);
    if (!data || data.length < PAGE) return found;
  }
}

/** Validates and upserts snapshots; answers how many were written, already identical, or refused. */
export async function writeSnapshots(
  client: SupabaseClient,
  rows: SnapshotRow[],
  opts: { source: string; runId?: string },
): Promise<WriteSnapshotsResult> {
  const valid: SnapshotRow[] = [];
  let quarantined = 0;
  for (const row of rows) {
    const parsed = snapshotRowSchema.safeParse({ ...row, data_source: row.data_source ?? opts.source });
    if (parsed.success) valid.push(parsed.data);
    else quarantined++;
  }
  if (valid.length === 0) return { written: 0, unchanged: 0, quarantined };

  // The last row for a key wins, as an upsert of both would.
  const byKey = new Map(valid.map((r) => [key(r), r]));
  const existing = await existingRows(client, [...byKey.values()]);
  const changed = [...byKey.values()].filter((r) => {
    const old = existing.get(key(r));
    return !old || METRICS.some((m) => m in r && !same(old[m], r[m]));
  });
  for (let i = 0; i < changed.length; i += 500) {
    const { error } = await client
      .from('performance_snapshots')
      .upsert(changed.slice(i, i + 500), { onConflict: 'campaign_id,date,data_source', defaultToNull: false });
    if (error) throw new Error(`Could not write snapshots: ${error.message}`);
  }
  return { written: changed.length, unchanged: byKey.size - changed.length, quarantined };
}
