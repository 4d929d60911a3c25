/**
 * One Meta sync of one connection: read the ad account, import each tracked campaign's daily Insights (back-fill on
 * first sight, then the last 3 days again), import the activity log as cards, and keep a job-log row up to date
 * while doing it. Idempotent: snapshots are upserted only where they changed and each activity is one card by its
 * external id. An invalid token (Graph code 190) flags the connection "needs_reconnect" and stops; what was written
 * before stays. Runs with the service-role client; callers check the user's right to sync first.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { type ActivitySkip, activityToCard, type ImportedCard, type MetaObjectLevel } from '../../domain/meta/activities.ts';
import { insightsRowToMetrics, type MetaDailyMetrics, sumDailyMetrics } from '../../domain/meta/insights.ts';
import { dayInTimeZone, MAX_BACKFILL_DAYS, REPULL_DAYS, syncWindow } from '../../domain/meta/sync-window.ts';
import { addDays } from '../../domain/dates.ts';
import type { Tables } from '../../db.ts';
import { getEnv } from '../../env.ts';
import { type SnapshotRow, writeSnapshots } from '../snapshot-writer.ts';
import { GraphClient, type GraphClientOptions, GraphError, graphBaseUrl } from './graph-client.ts';
import { fetchActivities, fetchCampaignObjects, fetchDailyInsights, getAdAccount } from './meta-api.ts';

export const META_DATA_SOURCE = 'meta_ads';

export type SyncTrigger = 'manual' | 'schedule' | 'connect' | 'cli';
export type SyncStatus = 'succeeded' | 'partial' | 'failed';

export interface SyncOptions {
  trigger: SyncTrigger;
  /** Only these campaigns (default: every campaign of the workspace with Meta ids on this ad account). */
  campaignIds?: readonly string[] | null;
  createdBy?: string | null;
  now?: Date;
  /** Graph client overrides (tests, bench): base URL, fetch, sleep, backoff. */
  graph?: Partial<GraphClientOptions>;
  /** Base URL of the local Meta sandbox for `kind = 'sandbox'` connections (default META_SANDBOX_URL). */
  sandboxUrl?: string | null;
  /** Campaign-days above which Insights come from an async report run (default 31 days × 1 object). */
  asyncOverCells?: number;
  pollMs?: number;
  /** Runs the correlation analysis for campaigns that got new data (errors are logged, never fatal). */
  analyse?: (db: SupabaseClient, workspaceId: string, campaignIds: string[]) => Promise<void>;
}

export interface SkipEntry {
  reason: string;
  count: number;
  detail?: string;
}

export interface SyncResult {
  run_id: string | null;
  connection_id: string;
  workspace_id: string;
  status: SyncStatus;
  campaign_ids: string[];
  since: string | null;
  until: string | null;
  rows_fetched: number;
  snapshots_written: number;
  snapshots_unchanged: number;
  snapshots_quarantined: number;
  activities_fetched: number;
  cards_created: number;
  cards_already_imported: number;
  requests: number;
  retries: number;
  throttle_pauses: number;
  throttle_wait_ms: number;
  async_reports: number;
  skipped: SkipEntry[];
  analysed_campaign_ids: string[];
  needs_reconnect: boolean;
  error: string | null;
}

type ConnectionRow = Pick<
  Tables<'meta_connections'>,
  'id' | 'workspace_id' | 'ad_account_id' | 'kind' | 'status' | 'timezone_name' | 'activities_synced_until'
>;

type CampaignRow = Pick<
  Tables<'campaigns'>,
  'id' | 'name' | 'ads_account_id' | 'planned_launch' | 'meta_campaign_ids' | 'meta_adset_ids' | 'meta_ad_ids'
>;

const normaliseAccount = (id: string | null) => (id ? (id.startsWith('act_') ? id : `act_${id}`) : null);

class SkipLog {
  private readonly entries = new Map<string, SkipEntry>();
  add(reason: string, count = 1, detail?: string) {
    if (count <= 0) return;
    const k = `${reason}|${detail ?? ''}`;
    const e = this.entries.get(k);
    if (e) e.count += count;
    else this.entries.set(k, { reason, count, ...(detail ? { detail } : {}) });
  }
  list(): SkipEntry[] {
    return [...this.entries.values()];
  }
}

function must<T>(result: { data: T | null; error: { message: string } | null }, what: string): T {
  if (result.error) throw new Error(`${what}: ${result.error.message}`);
  return result.data as T;
}

/** Tracked campaigns of this connection: Meta ids set and the same ad account (or none named, when it is the only one). */
async function trackedCampaigns(db: SupabaseClient, conn: ConnectionRow, only: readonly string[] | null | undefined, skips: SkipLog): Promise<CampaignRow[]> {
  let query = db
    .from('campaigns')
    .select('id, name, ads_account_id, planned_launch, meta_campaign_ids, meta_adset_ids, meta_ad_ids')
    .eq('workspace_id', conn.workspace_id)
    .order('created_at');
  if (only?.length) query = query.in('id', [...only]);
  const rows = must(await query, 'Could not load campaigns') as CampaignRow[];
  const connections = must(await db.from('meta_connections').select('id').eq('workspace_id', conn.workspace_id).neq('status', 'revoked'), 'Could not load connections') as { id: string }[];
  const tracked: CampaignRow[] = [];
  for (const c of rows) {
    const hasIds = c.meta_campaign_ids.length + c.meta_adset_ids.length > 0;
    if (!hasIds) {
      if (only?.length) skips.add('campaign_without_meta_ids', 1, `${c.name}: paste its Ads Manager link in the plan`);
      continue;
    }
    const account = normaliseAccount(c.ads_account_id);
    if (account ? account !== conn.ad_account_id : connections.length > 1) {
      if (only?.length) skips.add('campaign_on_other_ad_account', 1, `${c.name}: ${account ?? 'no ad account named'}`);
      continue;
    }
    tracked.push(c);
  }
  return tracked;
}

async function newestImported(db: SupabaseClient, campaignId: string): Promise<string | null> {
  const rows = must(
    await db.from('performance_snapshots').select('date').eq('campaign_id', campaignId).eq('data_source', META_DATA_SOURCE).order('date', { ascending: false }).limit(1),
    'Could not read the newest snapshot',
  ) as { date: string }[];
  return rows[0]?.date ?? null;
}

function emptyResult(conn: ConnectionRow): SyncResult {
  return {
    run_id: null,
    connection_id: conn.id,
    workspace_id: conn.workspace_id,
    status: 'succeeded',
    campaign_ids: [],
    since: null,
    until: null,
    rows_fetched: 0,
    snapshots_written: 0,
    snapshots_unchanged: 0,
    snapshots_quarantined: 0,
    activities_fetched: 0,
    cards_created: 0,
    cards_already_imported: 0,
    requests: 0,
    retries: 0,
    throttle_pauses: 0,
    throttle_wait_ms: 0,
    async_reports: 0,
    skipped: [],
    analysed_campaign_ids: [],
    needs_reconnect: false,
    error: null,
  };
}

/** Syncs one connection; never throws for Meta's errors (they end up in the result and the job log). */
export async function syncConnection(db: SupabaseClient, connectionId: string, opts: SyncOptions): Promise<SyncResult> {
  const now = opts.now ?? new Date();
  const conn = must(
    await db.from('meta_connections').select('id, workspace_id, ad_account_id, kind, status, timezone_name, activities_synced_until').eq('id', connectionId).maybeSingle(),
    'Could not load the connection',
  ) as ConnectionRow | null;
  if (!conn) throw new Error('Connection not found');
  const result = emptyResult(conn);
  const skips = new SkipLog();

  const run = must(
    await db
      .from('meta_sync_runs')
      .insert({ workspace_id: conn.workspace_id, connection_id: conn.id, trigger: opts.trigger, stage: 'Starting', created_by: opts.createdBy ?? null })
      .select('id')
      .single(),
    'Could not start the job log',
  ) as { id: string };
  result.run_id = run.id;
  const logRun = async (patch: Record<string, unknown>) => {
    const { error } = await db.from('meta_sync_runs').update(patch).eq('id', run.id);
    if (error) throw new Error(`Could not update the job log: ${error.message}`);
  };

  let graph: GraphClient | null = null;
  const touched = new Set<string>();
  const finish = async (status: SyncStatus, error: string | null) => {
    result.status = status;
    result.error = error;
    if (graph) {
      result.requests = graph.stats.requests;
      result.retries = graph.stats.retries;
      result.throttle_pauses = graph.stats.pauses;
      result.throttle_wait_ms = graph.stats.waitMs;
      if (graph.stats.pauses > 0) skips.add('paused_for_meta_usage', graph.stats.pauses, graph.stats.lastPauseReason ?? undefined);
    }
    result.skipped = skips.list();
    await logRun({
      status,
      stage: status === 'failed' ? 'Failed' : 'Done',
      progress: 100,
      finished_at: new Date().toISOString(),
      campaign_ids: result.campaign_ids,
      since: result.since,
      until: result.until,
      requests: result.requests,
      rows_fetched: result.rows_fetched,
      snapshots_written: result.snapshots_written,
      snapshots_unchanged: result.snapshots_unchanged,
      snapshots_quarantined: result.snapshots_quarantined,
      activities_fetched: result.activities_fetched,
      cards_created: result.cards_created,
      cards_already_imported: result.cards_already_imported,
      throttle_pauses: result.throttle_pauses,
      throttle_wait_ms: Math.min(result.throttle_wait_ms, 2_000_000_000),
      retries: result.retries,
      async_reports: result.async_reports,
      skipped: result.skipped,
      error: error?.slice(0, 2000) ?? null,
    });
    await db.from('meta_connections').update({ last_sync_at: new Date().toISOString(), last_sync_status: status }).eq('id', conn.id);
    return result;
  };

  if (conn.status !== 'active') {
    result.needs_reconnect = conn.status === 'needs_reconnect';
    return finish('failed', conn.status === 'revoked' ? 'This Meta connection was revoked: connect it again in Settings.' : 'Meta no longer accepts this connection\'s token: reconnect it in Settings.');
  }
  const token = must(await db.rpc('meta_connection_token', { p_connection_id: conn.id }), 'Could not read the token') as string | null;
  if (!token) return finish('failed', 'This connection has no token: connect it again in Settings.');

  const sandboxUrl = opts.sandboxUrl === undefined ? getEnv('META_SANDBOX_URL') ?? null : opts.sandboxUrl;
  if (conn.kind === 'sandbox' && !sandboxUrl && !opts.graph?.baseUrl) return finish('failed', 'The Meta sandbox runs only on the local stack (META_SANDBOX_URL is not set).');
  graph = new GraphClient({
    accessToken: token,
    baseUrl: conn.kind === 'sandbox' ? sandboxUrl ?? undefined : graphBaseUrl(),
    ...opts.graph,
  });

  try {
    await logRun({ stage: 'Reading the ad account', progress: 2 });
    const account = await getAdAccount(graph, conn.ad_account_id);
    await db.from('meta_connections').update({ account_name: account.name ?? null, currency: account.currency ?? null, timezone_name: account.timezone_name ?? null }).eq('id', conn.id);
    const today = dayInTimeZone(now, account.timezone_name ?? conn.timezone_name);
    const campaigns = await trackedCampaigns(db, conn, opts.campaignIds, skips);
    result.campaign_ids = campaigns.map((c) => c.id);

    let failedCampaigns = 0;
    for (const [i, campaign] of campaigns.entries()) {
      const window = syncWindow({ today, newestImported: await newestImported(db, campaign.id), launch: campaign.planned_launch });
      if (!result.since || window.since < result.since) result.since = window.since;
      result.until = window.until;
      await logRun({ stage: `Insights for ${campaign.name} (${i + 1} of ${campaigns.length}), ${window.since} to ${window.until}`, progress: 5 + Math.round((i / Math.max(1, campaigns.length)) * 75) });
      const level = campaign.meta_adset_ids.length ? 'adset' : 'campaign';
      const ids = level === 'adset' ? campaign.meta_adset_ids : campaign.meta_campaign_ids;
      const byDay = new Map<string, MetaDailyMetrics[]>();
      const flush = async () => {
        const rows: SnapshotRow[] = [...byDay.entries()].map(([date, parts]) => {
          const m = parts.length === 1 ? parts[0] : sumDailyMetrics(date, parts);
          return { campaign_id: campaign.id, data_source: META_DATA_SOURCE, ...m, date };
        });
        byDay.clear();
        if (!rows.length) return;
        const written = await writeSnapshots(db, rows, { source: META_DATA_SOURCE, runId: run.id });
        result.snapshots_written += written.written;
        result.snapshots_unchanged += written.unchanged;
        result.snapshots_quarantined += written.quarantined;
        if (written.written > 0) touched.add(campaign.id);
        skips.add('quarantined_rows', written.quarantined, campaign.name);
      };
      try {
        const fetched = await fetchDailyInsights(
          graph,
          { adAccountId: conn.ad_account_id, level, ids, since: window.since, until: window.until },
          {
            asyncOverCells: opts.asyncOverCells ?? 31,
            pollMs: opts.pollMs ?? Number(getEnv('META_REPORT_POLL_MS') ?? 1000),
            onPage: (rows) => {
              for (const row of rows) {
                const list = byDay.get(row.date_start) ?? [];
                list.push(insightsRowToMetrics(row));
                byDay.set(row.date_start, list);
              }
            },
          },
        );
        result.rows_fetched += fetched.rows;
        if (fetched.async) result.async_reports++;
        skips.add('unreadable_insights_rows', fetched.invalid, campaign.name);
        await flush();
      } catch (error) {
        // A single Meta object's rows are complete days: keep what arrived before the error.
        if (ids.length === 1) await flush();
        else skips.add('partial_days_dropped_after_error', byDay.size, campaign.name);
        if (error instanceof GraphError && (error.kind === 'expired_token' || error.kind === 'rate_limited')) throw error;
        if (!(error instanceof GraphError)) throw error;
        failedCampaigns++;
        skips.add('meta_error', 1, `${campaign.name}: ${error.message}`);
      }
    }

    // The activity log: cards for the tracked campaigns' objects.
    await logRun({ stage: 'Activity log', progress: 85 });
    const index = new Map<string, { campaignId: string; level: MetaObjectLevel; adSetName?: string | null }>();
    for (const c of campaigns) {
      for (const id of c.meta_campaign_ids) index.set(id, { campaignId: c.id, level: 'campaign' });
      for (const id of c.meta_adset_ids) index.set(id, { campaignId: c.id, level: 'ad_set' });
      for (const id of c.meta_ad_ids) index.set(id, { campaignId: c.id, level: 'ad' });
    }
    const metaCampaignIds = [...new Set(campaigns.flatMap((c) => c.meta_campaign_ids))];
    if (campaigns.length) {
      if (metaCampaignIds.length) {
        const objects = await fetchCampaignObjects(graph, conn.ad_account_id, metaCampaignIds);
        const owner = (metaCampaignId: string | undefined) => (metaCampaignId ? index.get(metaCampaignId) : undefined);
        const adSetNames = new Map(objects.adSets.map((s) => [s.id, s.name ?? s.id]));
        for (const s of objects.adSets) {
          const o = owner(s.campaign_id);
          if (o && !index.has(s.id)) index.set(s.id, { campaignId: o.campaignId, level: 'ad_set' });
        }
        for (const a of objects.ads) {
          // An ad belongs to the campaign that names its ad set (set above), else to the one naming its campaign.
          const o = (a.adset_id ? index.get(a.adset_id) : undefined) ?? owner(a.campaign_id);
          if (o && !index.has(a.id)) index.set(a.id, { campaignId: o.campaignId, level: 'ad', adSetName: a.adset_id ? adSetNames.get(a.adset_id) ?? null : null });
        }
      }
      const since = conn.activities_synced_until
        ? new Date(Date.parse(conn.activities_synced_until) - REPULL_DAYS * 86_400_000)
        : new Date(Date.parse(`${addDays(today, -(MAX_BACKFILL_DAYS - 1))}T00:00:00Z`));
      const { activities, invalid } = await fetchActivities(graph, conn.ad_account_id, since, now);
      result.activities_fetched = activities.length;
      skips.add('unreadable_activities', invalid);
      const cards: ImportedCard[] = [];
      const reasons = new Map<ActivitySkip, number>();
      for (const a of activities) {
        const mapped = activityToCard(a, conn.ad_account_id, index);
        if ('card' in mapped) cards.push(mapped.card);
        else reasons.set(mapped.skip, (reasons.get(mapped.skip) ?? 0) + 1);
      }
      for (const [reason, count] of reasons) skips.add(`activity_${reason}`, count);
      const unique = [...new Map(cards.map((c) => [c.external_id, c])).values()];
      for (let i = 0; i < unique.length; i += 200) {
        const batch = unique.slice(i, i + 200).map((c) => ({ ...c, workspace_id: conn.workspace_id }));
        const inserted = must(
          await db.from('marketer_actions').upsert(batch, { onConflict: 'workspace_id,source,external_id', ignoreDuplicates: true }).select('id, campaign_id'),
          'Could not write imported cards',
        ) as { id: string; campaign_id: string }[];
        result.cards_created += inserted.length;
        result.cards_already_imported += batch.length - inserted.length;
        for (const row of inserted) touched.add(row.campaign_id);
      }
      // Only a sync of every campaign has seen every event; a one-campaign sync must not move the mark.
      if (!opts.campaignIds?.length) await db.from('meta_connections').update({ activities_synced_until: now.toISOString() }).eq('id', conn.id);
    }

    if (touched.size && opts.analyse) {
      await logRun({ stage: 'Correlation analysis', progress: 95 });
      try {
        await opts.analyse(db, conn.workspace_id, [...touched]);
        result.analysed_campaign_ids = [...touched];
      } catch (error) {
        skips.add('analysis_failed', 1, (error as Error).message);
      }
    }
    return await finish(failedCampaigns > 0 ? 'partial' : 'succeeded', failedCampaigns > 0 ? `${failedCampaigns} campaign(s) could not be read from Meta` : null);
  } catch (error) {
    if (error instanceof GraphError && error.kind === 'expired_token') {
      result.needs_reconnect = true;
      const reason = `Meta refused the token (code ${error.code ?? 190}): ${error.message}. Reconnect in Settings; imported data is kept.`;
      await db.rpc('flag_meta_connection', { p_connection_id: conn.id, p_status: 'needs_reconnect', p_reason: reason });
      return finish('failed', reason);
    }
    if (error instanceof GraphError && error.kind === 'rate_limited') {
      return finish(result.snapshots_written + result.snapshots_unchanged > 0 ? 'partial' : 'failed', `Meta's rate limit (code ${error.code ?? '?'}) held after retries: ${error.message}. The next sync continues.`);
    }
    return finish('failed', (error as Error).message);
  }
}
