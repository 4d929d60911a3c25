import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Campaign, CampaignPhase } from '@/lib/db';
import { supabase } from '@/lib/supabase';
import { campaignKeys } from '../keys';

export type CampaignWithPhases = Campaign & { campaign_phases: CampaignPhase[] };

/** The workspace's campaigns with their phases (for the drift summary), newest first. */
export async function getCampaigns(workspaceId: string): Promise<CampaignWithPhases[]> {
  const { data, error } = await supabase
    .from('campaigns')
    .select('*, campaign_phases(*)')
    .eq('workspace_id', workspaceId)
    .order('created_at', { ascending: false });
  if (error) throw error;
  return (data ?? []) as CampaignWithPhases[];
}

export function campaignsQueryOptions(workspaceId: string) {
  return queryOptions({ queryKey: campaignKeys.list(workspaceId), queryFn: () => getCampaigns(workspaceId) });
}

export function useCampaigns(workspaceId: string) {
  return useQuery(campaignsQueryOptions(workspaceId));
}
