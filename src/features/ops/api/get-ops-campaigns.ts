import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { supabase } from '@/lib/supabase';
import { opsKeys } from '../keys';
import type { RankingCampaign } from '../utils/ranking';

const workspaceIdSchema = z.uuid();

/** Every campaign of the workspace with its phases (drift is computed in the browser), by name. */
export async function getOpsCampaigns(workspaceId: string): Promise<RankingCampaign[]> {
  const { data, error } = await supabase
    .from('campaigns')
    .select('id, name, status, decision, objective, industry, planned_launch, currency, campaign_phases(*)')
    .eq('workspace_id', workspaceIdSchema.parse(workspaceId))
    .order('name');
  if (error) throw error;
  return data ?? [];
}

export function opsCampaignsQueryOptions(workspaceId: string) {
  return queryOptions({ queryKey: opsKeys.campaigns(workspaceId), queryFn: () => getOpsCampaigns(workspaceId) });
}

export function useOpsCampaigns(workspaceId: string) {
  return useQuery(opsCampaignsQueryOptions(workspaceId));
}
