import { queryOptions, useQuery } from '@tanstack/react-query';
import { chooseMetricSources, metricSourceLabel, type ReadableMetric, sourceLabel, type SourceChoice } from '@domain/metric-sources.ts';
import { supabase } from '@/lib/supabase';
import { dataSourceKeys } from '../keys';

/** Days up to the campaign's latest snapshot the source summary looks at (the analysis and KPIs look at shorter windows). */
export const SOURCE_WINDOW_DAYS = 90;

const COLUMNS = 'date, data_source, spend, impressions, reach, clicks, link_clicks, ctr, cpm, engagement, sales, revenue, conversions, add_to_carts, leads';

export interface CampaignSources {
  choice: SourceChoice;
  /** Each source present: its label, how many days it covers and its latest day. */
  sources: { source: string; label: string; days: number; latest: string }[];
  label: (metric: ReadableMetric) => string | null;
}

/** Which source counts for each of the campaign's figures over its last SOURCE_WINDOW_DAYS of data (domain rule). */
export async function getCampaignSources(campaignId: string): Promise<CampaignSources> {
  // Ending at the latest day rather than today, so a finished campaign still shows where its figures came from.
  const latest = await supabase.from('performance_snapshots').select('date').eq('campaign_id', campaignId).order('date', { ascending: false }).limit(1);
  if (latest.error) throw latest.error;
  const last = latest.data[0]?.date;
  const from = last ? new Date(Date.parse(`${last}T00:00:00Z`) - (SOURCE_WINDOW_DAYS - 1) * 86_400_000).toISOString().slice(0, 10) : '9999-12-31';
  const { data, error } = await supabase.from('performance_snapshots').select(COLUMNS).eq('campaign_id', campaignId).gte('date', from).order('date').limit(1000);
  if (error) throw error;
  const choice = chooseMetricSources(data);
  const bySource = new Map<string, { days: number; latest: string }>();
  for (const row of data) {
    const s = bySource.get(row.data_source) ?? { days: 0, latest: row.date };
    s.days += 1;
    if (row.date > s.latest) s.latest = row.date;
    bySource.set(row.data_source, s);
  }
  return {
    choice,
    sources: [...bySource.entries()].map(([source, s]) => ({ source, label: sourceLabel(source), ...s })).sort((a, b) => b.days - a.days),
    label: (metric) => metricSourceLabel(choice, metric),
  };
}

export function useCampaignSources(campaignId: string) {
  return useQuery(queryOptions({ queryKey: dataSourceKeys.campaignSources(campaignId), queryFn: () => getCampaignSources(campaignId) }));
}
