import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { dataSourceKeys } from '../keys';

export type ImportCampaign = { id: string; name: string; utm_campaign: string | null };

/** The workspace's campaigns, to pick the one a file's rows belong to. */
export async function getImportCampaigns(workspaceId: string): Promise<ImportCampaign[]> {
  const { data, error } = await supabase.from('campaigns').select('id, name, utm_campaign').eq('workspace_id', workspaceId).order('name');
  if (error) throw error;
  return data;
}

export function useImportCampaigns(workspaceId: string) {
  return useQuery(queryOptions({ queryKey: dataSourceKeys.campaigns(workspaceId), queryFn: () => getImportCampaigns(workspaceId) }));
}
