/**
 * The Meta Ads data source behind the one interface every source offers: is it configured for a workspace, fetch
 * a date range as daily snapshot rows, and what state it is in (quota used, last error). The sync (sync.ts) adds
 * the job log, the activity log and the analysis around it.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { insightsRowToMetrics, sumDailyMetrics, type MetaDailyMetrics } from '../../domain/meta/insights.ts';
import type { SnapshotRow } from '../snapshot-writer.ts';
import { GraphClient, type GraphClientOptions, GraphError, type GraphStats } from './graph-client.ts';
import { fetchDailyInsights } from './meta-api.ts';
import { META_DATA_SOURCE } from './sync.ts';

export { GraphClient, GraphError, META_GRAPH_VERSION, graphBaseUrl } from './graph-client.ts';
export { checkAccess, getAdAccount, tokenExpiry } from './meta-api.ts';
export { META_DATA_SOURCE, syncConnection, type SyncOptions, type SyncResult } from './sync.ts';

export type SourceState =
  | { state: 'ok'; quota: GraphStats }
  | { state: 'needs_reconnect' | 'rate_limited' | 'unavailable'; message: string; quota: GraphStats };

/** Whether a workspace has a usable Meta connection (and which), or why not. */
export async function metaConfigured(db: SupabaseClient, workspaceId: string): Promise<{ ok: true; connectionIds: string[] } | { ok: false; reason: string }> {
  const { data, error } = await db.from('meta_connections').select('id, status').eq('workspace_id', workspaceId);
  if (error) return { ok: false, reason: error.message };
  const active = (data ?? []).filter((c) => c.status === 'active').map((c) => c.id as string);
  if (active.length) return { ok: true, connectionIds: active };
  if ((data ?? []).some((c) => c.status === 'needs_reconnect')) return { ok: false, reason: 'Meta no longer accepts the token: reconnect in Settings.' };
  return { ok: false, reason: 'No Meta ad account is connected: connect one in Settings.' };
}

export interface MetaRangeRequest {
  campaignId: string;
  adAccountId: string;
  level: 'campaign' | 'adset';
  ids: string[];
  since: string;
  until: string;
}

/** Daily rows for one campaign over a range, with the source's state afterwards (never throws Meta's errors). */
export async function fetchMetaRange(
  options: GraphClientOptions,
  req: MetaRangeRequest,
): Promise<{ rows: SnapshotRow[]; state: SourceState }> {
  const graph = new GraphClient(options);
  const byDay = new Map<string, MetaDailyMetrics[]>();
  try {
    await fetchDailyInsights(graph, { adAccountId: req.adAccountId, level: req.level, ids: req.ids, since: req.since, until: req.until }, {
      onPage: (rows) => {
        for (const row of rows) byDay.set(row.date_start, [...(byDay.get(row.date_start) ?? []), insightsRowToMetrics(row)]);
      },
    });
  } catch (error) {
    if (!(error instanceof GraphError)) throw error;
    const state = error.kind === 'expired_token' ? 'needs_reconnect' : error.kind === 'rate_limited' ? 'rate_limited' : 'unavailable';
    return { rows: [], state: { state, message: error.message, quota: graph.stats } };
  }
  const rows = [...byDay.entries()].map(([date, parts]) => ({
    campaign_id: req.campaignId,
    data_source: META_DATA_SOURCE,
    ...(parts.length === 1 ? parts[0] : sumDailyMetrics(date, parts)),
    date,
  }));
  return { rows, state: { state: 'ok', quota: graph.stats } };
}
