import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { alertKeys } from '../keys';

export type AlertCampaign = { id: string; name: string; currency: string };

/** Campaign names and currencies of the workspace, keyed by id, to label alerts. */
export async function getAlertCampaigns(workspaceId: string): Promise<Record<string, AlertCampaign>> {
  const { data, error } = await supabase.from('campaigns').select('id, name, currency').eq('workspace_id', workspaceId);
  if (error) throw error;
  return Object.fromEntries(data.map((c) => [c.id, c]));
}

export function useAlertCampaigns(workspaceId: string) {
  return useQuery(queryOptions({ queryKey: alertKeys.campaigns(workspaceId), queryFn: () => getAlertCampaigns(workspaceId), staleTime: 5 * 60_000 }));
}
