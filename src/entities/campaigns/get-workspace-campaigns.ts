import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type { Campaign, CampaignPhase } from '@/lib/db';
import { supabase } from '@/lib/supabase';
import { campaignKeys } from './keys';

const workspaceIdSchema = z.uuid();

export type WorkspaceCampaign = Campaign & { campaign_phases: CampaignPhase[] };

/**
 * Every campaign of the workspace with its phases, newest first: the union of what the features show (drift needs
 * the phases, labels the name and currency, the import picker the UTM tag), so they share one cached copy.
 */
export async function getWorkspaceCampaigns(workspaceId: string): Promise<WorkspaceCampaign[]> {
  const { data, error } = await supabase
    .from('campaigns')
    .select('*, campaign_phases(*)')
    .eq('workspace_id', workspaceIdSchema.parse(workspaceId))
    .order('created_at', { ascending: false });
  if (error) throw error;
  return (data ?? []) as WorkspaceCampaign[];
}

export function workspaceCampaignsQueryOptions(workspaceId: string) {
  return queryOptions({ queryKey: campaignKeys.list(workspaceId), queryFn: () => getWorkspaceCampaigns(workspaceId), staleTime: 30_000 });
}

/**
 * The workspace's campaigns, optionally through a feature's view of them. Pass a stable (module-level) `select` so
 * the view is recomputed only when the data changes.
 */
export function useWorkspaceCampaigns<T = WorkspaceCampaign[]>(workspaceId: string, select?: (campaigns: WorkspaceCampaign[]) => T) {
  return useQuery({ ...workspaceCampaignsQueryOptions(workspaceId), select });
}
