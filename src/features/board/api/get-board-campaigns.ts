import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { boardKeys } from '../keys';
import type { BoardCampaign } from '../types';

/** The workspace's campaigns (id, name, status) for card labels, the campaign filter and the create dialog. */
export async function getBoardCampaigns(workspaceId: string): Promise<BoardCampaign[]> {
  const { data, error } = await supabase.from('campaigns').select('id, name, status').eq('workspace_id', workspaceId).order('name');
  if (error) throw error;
  return data ?? [];
}

export function boardCampaignsQueryOptions(workspaceId: string) {
  return queryOptions({ queryKey: boardKeys.campaigns(workspaceId), queryFn: () => getBoardCampaigns(workspaceId), staleTime: 60_000 });
}

export function useBoardCampaigns(workspaceId: string) {
  return useQuery(boardCampaignsQueryOptions(workspaceId));
}
