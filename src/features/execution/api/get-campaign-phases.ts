import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CampaignPhase } from '@/lib/db';
import { supabase } from '@/lib/supabase';
import { executionKeys } from '../keys';

/** The campaign's phases in blueprint order, with their logged execution. */
export async function getCampaignPhases(campaignId: string): Promise<CampaignPhase[]> {
  const { data, error } = await supabase.from('campaign_phases').select('*').eq('campaign_id', campaignId).order('position');
  if (error) throw error;
  return data ?? [];
}

export function campaignPhasesQueryOptions(campaignId: string) {
  return queryOptions({ queryKey: executionKeys.phases(campaignId), queryFn: () => getCampaignPhases(campaignId), staleTime: 0 });
}

export function useCampaignPhases(campaignId: string) {
  return useQuery(campaignPhasesQueryOptions(campaignId));
}
