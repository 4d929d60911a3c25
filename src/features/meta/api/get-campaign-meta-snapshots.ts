import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type { Tables } from '@/lib/db';
import { supabase } from '@/lib/supabase';
import { metaKeys } from '../keys';

export type MetaSnapshot = Pick<
  Tables<'performance_snapshots'>,
  'date' | 'spend' | 'revenue' | 'sales' | 'conversions' | 'impressions' | 'reach' | 'clicks' | 'link_clicks' | 'engagement' | 'roas' | 'cpa' | 'ctr' | 'cpm' | 'leads'
>;

/** The campaign's daily snapshots from Meta Ads (source meta_ads), oldest first, at most the last 400 days. */
export async function getCampaignMetaSnapshots(campaignId: string): Promise<MetaSnapshot[]> {
  const id = z.uuid().parse(campaignId);
  const { data, error } = await supabase
    .from('performance_snapshots')
    .select('date, spend, revenue, sales, conversions, impressions, reach, clicks, link_clicks, engagement, roas, cpa, ctr, cpm, leads')
    .eq('campaign_id', id)
    .eq('data_source', 'meta_ads')
    .order('date', { ascending: false })
    .limit(400);
  if (error) throw error;
  return [...data].reverse();
}

export function useCampaignMetaSnapshots(campaignId: string) {
  return useQuery(queryOptions({ queryKey: metaKeys.snapshots(campaignId), queryFn: () => getCampaignMetaSnapshots(campaignId) }));
}
