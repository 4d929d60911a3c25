import { chooseMetricSources, type MergedDay, mergeBySource, type SourceChoice } from '@domain/metric-sources.ts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { supabase } from '@/lib/supabase';
import { metaKeys } from '../keys';

export type CampaignDay = MergedDay;

export interface CampaignPerformance {
  /** Which source each metric is read from (domain/metric-sources.ts), over all of the campaign's snapshots. */
  choice: SourceChoice;
  /** One row per day, oldest first, each metric from its chosen source. */
  days: CampaignDay[];
  /** The newest day Meta Ads reported: what the staleness warning is about (the sync), whatever else counts. */
  newestMetaDay: string | null;
}

const COLUMNS = 'date, data_source, spend, revenue, sales, conversions, add_to_carts, impressions, reach, clicks, link_clicks, engagement, roas, cpa, ctr, cpm, leads';

/** The days read and chosen over: the Data sources panel's window, so the labels here and there agree. */
export const PERFORMANCE_WINDOW_DAYS = 90;

/**
 * The campaign's daily performance over the PERFORMANCE_WINDOW_DAYS up to its latest day, all sources read and each
 * metric taken from the source that counts (spend from Meta, sales from the website when tracked, …), so this page
 * agrees with the analysis and ops. 90 days × a handful of sources stays under the API's 1,000-row cap.
 */
export async function getCampaignPerformance(campaignId: string): Promise<CampaignPerformance> {
  const id = z.uuid().parse(campaignId);
  // Ending at the latest day rather than today, so a finished campaign still shows its chart.
  const latest = await supabase.from('performance_snapshots').select('date').eq('campaign_id', id).order('date', { ascending: false }).limit(1);
  if (latest.error) throw latest.error;
  const last = latest.data[0]?.date;
  if (!last) return { choice: chooseMetricSources([]), days: [], newestMetaDay: null };
  const since = new Date(Date.parse(`${last}T00:00:00Z`) - (PERFORMANCE_WINDOW_DAYS - 1) * 86_400_000).toISOString().slice(0, 10);
  const { data, error } = await supabase.from('performance_snapshots').select(COLUMNS).eq('campaign_id', id).gte('date', since).order('date').limit(1000);
  if (error) throw error;
  const choice = chooseMetricSources(data);
  const newestMetaDay = data.filter((r) => r.data_source === 'meta_ads').at(-1)?.date ?? null;
  return { choice, days: mergeBySource(data, choice), newestMetaDay };
}

export function useCampaignPerformance(campaignId: string) {
  return useQuery(queryOptions({ queryKey: metaKeys.snapshots(campaignId), queryFn: () => getCampaignPerformance(campaignId) }));
}
