/**
 * The website source: loads a workspace's tracking events, promo codes and campaigns, rolls them up with the
 * domain rule (domain/website-rollup.ts) in the workspace's time zone and attribution model, and writes the rows
 * through `writeSnapshots` (so a re-run of the same days changes nothing). Runs in the background after ingest for
 * the days it touched (roll-up-queue.ts), and on the hourly schedule for the recent days.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { ATTRIBUTION_MODELS, type AttributionModel } from '../../domain/attribution.ts';
import { dayInTimeZone, type SnapshotRow } from '../../domain/snapshot-quality.ts';
import { DEFAULT_THRESHOLDS, resolveThresholds, type ThresholdOverrides } from '../../domain/thresholds.ts';
import { rollUpWebsiteEvents, WEBSITE_SOURCE, type RollupCampaign, type RollupEvent } from '../../domain/website-rollup.ts';
import { daysOf, type DataSource, type SourceContext } from '../data-source.ts';
import { writeSnapshots, type WriteSnapshotsResult } from '../snapshot-writer.ts';

const PAGE = 1000;
const MS_PER_DAY = 86_400_000;

export interface RollUpOptions {
  workspaceId: string;
  /** Days to recompute (YYYY-MM-DD, workspace calendar). Default: from `instants`, else the last RECENT_DAYS. */
  days?: string[];
  /** Event times an ingest stored: their workspace days are recomputed. */
  instants?: string[];
  now?: Date;
  runId?: string;
}

export interface RollUpResult extends WriteSnapshotsResult {
  workspace_id: string;
  days: string[];
  rows: number;
  unattributed: number;
  other_currency: number;
}

/** Events are accepted up to 7 days late (ingest), so the schedule re-counts the last 8 days. */
export const RECENT_DAYS = DEFAULT_THRESHOLDS.tracking.maxEventAgeDays + 1;

function fail(action: string, error: { message: string } | null): void {
  if (error) throw new Error(`Could not ${action}: ${error.message}`);
}

interface WorkspaceRow {
  id: string;
  time_zone: string;
  attribution_model: string;
  settings: { thresholds?: ThresholdOverrides } | null;
}

interface ComputedRows {
  workspace_id: string;
  days: string[];
  rows: SnapshotRow[];
  unattributed: number;
  other_currency: number;
}

/** The website rows of one workspace for the given days (nothing written). */
export async function computeWebsiteRows(client: SupabaseClient, options: RollUpOptions): Promise<ComputedRows> {
  const now = options.now ?? new Date();
  const { data: ws, error: wsError } = await client
    .from('workspaces')
    .select('id, time_zone, attribution_model, settings')
    .eq('id', options.workspaceId)
    .maybeSingle();
  fail('load the workspace', wsError);
  if (!ws) throw new Error('Workspace not found');
  const workspace = ws as WorkspaceRow;
  const tz = workspace.time_zone || 'UTC';
  const today = dayInTimeZone(now, tz);
  const requested = options.days?.length
    ? options.days
    : options.instants?.length
      ? options.instants.map((t) => dayInTimeZone(new Date(t), tz))
      : daysOf({ from: new Date(Date.parse(`${today}T00:00:00Z`) - (RECENT_DAYS - 1) * MS_PER_DAY).toISOString().slice(0, 10), to: today });
  const days = [...new Set(requested)].filter((d) => d <= today).sort();
  if (days.length === 0) return { workspace_id: workspace.id, days, rows: [], unattributed: 0, other_currency: 0 };

  const thresholds = resolveThresholds(workspace.settings?.thresholds);
  const lookbackDays = thresholds.tracking.attributionLookbackDays;
  // Wide enough in UTC for any zone's day, plus the attribution lookback for earlier landings.
  const fromIso = new Date(Date.parse(`${days[0]}T00:00:00Z`) - (lookbackDays + 1) * MS_PER_DAY).toISOString();
  const toIso = new Date(Date.parse(`${days.at(-1)}T00:00:00Z`) + 2 * MS_PER_DAY).toISOString();

  const [campaigns, promos] = await Promise.all([
    client.from('campaigns').select('id, utm_campaign, currency').eq('workspace_id', workspace.id),
    client.from('promo_codes').select('code, campaign_id').eq('workspace_id', workspace.id),
  ]);
  fail('load campaigns', campaigns.error);
  fail('load promo codes', promos.error);
  // Keyset paging on (event_time, id), which the (workspace_id, event_time, id) index serves: each page starts where
  // the last ended, so a busy day's read stays linear in its events (offset paging re-read every earlier page).
  const events: RollupEvent[] = [];
  for (let after: { event_time: string; id: string } | null = null; ; ) {
    let query = client
      .from('tracking_events')
      .select('id, event_id, event_type, event_time, value, currency, campaign_id, promo_code, metadata')
      .eq('workspace_id', workspace.id)
      .gte('event_time', fromIso)
      .lt('event_time', toIso);
    if (after) query = query.or(`event_time.gt."${after.event_time}",and(event_time.eq."${after.event_time}",id.gt.${after.id})`);
    const { data, error } = await query.order('event_time').order('id').limit(PAGE);
    fail('load tracking events', error);
    const page = (data ?? []) as (RollupEvent & { id: string })[];
    for (const { id: _id, ...e } of page) events.push({ ...e, value: e.value === null ? null : Number(e.value) });
    if (page.length < PAGE) break;
    const last = page[page.length - 1];
    after = { event_time: last.event_time, id: last.id };
  }

  const model = (ATTRIBUTION_MODELS as readonly string[]).includes(workspace.attribution_model) ? (workspace.attribution_model as AttributionModel) : 'last_touch';
  const result = rollUpWebsiteEvents(events, (campaigns.data ?? []) as RollupCampaign[], {
    model,
    timeZone: tz,
    days,
    promoCodes: new Map(((promos.data ?? []) as { code: string; campaign_id: string }[]).map((p) => [p.code.toUpperCase(), p.campaign_id])),
    lookbackDays,
    halfLifeDays: thresholds.tracking.timeDecayHalfLifeDays,
  });
  return { workspace_id: workspace.id, days, rows: result.rows, unattributed: result.unattributed, other_currency: result.otherCurrency };
}

/** Recomputes and writes the website snapshots of one workspace for the given days; see the module header. */
export async function rollUpWebsite(client: SupabaseClient, options: RollUpOptions): Promise<RollUpResult> {
  const computed = await computeWebsiteRows(client, options);
  const written = await writeSnapshots(client, computed.rows, { source: WEBSITE_SOURCE, runId: options.runId, now: options.now });
  return { ...computed, rows: computed.rows.length, ...written };
}

/** The website roll-up behind the common data-source interface. */
export const websiteSource: DataSource = {
  id: WEBSITE_SOURCE,
  async configured(ctx: SourceContext) {
    const { count, error } = await ctx.client.from('ingest_keys').select('id', { count: 'exact', head: true }).eq('workspace_id', ctx.workspaceId).is('revoked_at', null);
    if (error) return { ok: false, reason: `Could not check the ingest keys: ${error.message}` };
    return count && count > 0 ? { ok: true } : { ok: false, reason: 'No active ingest key: create one in Settings and install the website snippet' };
  },
  async fetchRange(ctx, range) {
    try {
      const r = await computeWebsiteRows(ctx.client, { workspaceId: ctx.workspaceId, days: daysOf(range), now: ctx.now });
      const notes = [
        ...(r.unattributed ? [`${r.unattributed} conversion(s) reached no campaign`] : []),
        ...(r.other_currency ? [`${r.other_currency} purchase(s) in another currency were skipped`] : []),
      ];
      return { status: 'ok', rows: r.rows, notes };
    } catch (error) {
      return { status: 'error', rows: [], message: (error as Error).message };
    }
  },
};
