import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type { Tables } from '@/lib/db';
import { supabase } from '@/lib/supabase';
import { metaKeys } from '../keys';

export type SyncRun = Tables<'meta_sync_runs'>;

/** The campaign's latest Meta sync runs (the job log rows that named it), newest first. */
export async function getCampaignSyncRuns(campaignId: string): Promise<SyncRun[]> {
  const id = z.uuid().parse(campaignId);
  const { data, error } = await supabase.from('meta_sync_runs').select('*').contains('campaign_ids', [id]).order('started_at', { ascending: false }).limit(5);
  if (error) throw error;
  return data;
}

export function useCampaignSyncRuns(campaignId: string) {
  return useQuery(queryOptions({ queryKey: metaKeys.syncRuns(campaignId), queryFn: () => getCampaignSyncRuns(campaignId) }));
}
