import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TablesInsert } from '@/lib/db';
import { supabase } from '@/lib/supabase';
import { campaignKeys } from '../keys';

export type PhasePlanRow = Pick<
  TablesInsert<'campaign_phases'>,
  'name' | 'position' | 'planned_start' | 'planned_days' | 'required_assets' | 'approvals_planned' | 'teams' | 'tools'
>;

export interface SaveBlueprintInput {
  campaignId: string;
  workspaceId: string;
  plannedLaunch: string | null;
  phases: PhasePlanRow[];
}

/**
 * Saves the execution blueprint of a draft: the planned launch, then the phase list replaced as a whole (a draft has
 * no execution logged yet, and replacing avoids name/position collisions while phases are renamed and reordered).
 */
export async function saveCampaignBlueprint({ campaignId, workspaceId, plannedLaunch, phases }: SaveBlueprintInput): Promise<void> {
  const campaign = await supabase.from('campaigns').update({ planned_launch: plannedLaunch }).eq('id', campaignId).select('status').single();
  if (campaign.error) throw campaign.error;
  if (campaign.data.status !== 'draft') throw new Error('Only a draft’s blueprint can be replaced; this campaign is past its decision gate');
  const removed = await supabase.from('campaign_phases').delete().eq('campaign_id', campaignId);
  if (removed.error) throw removed.error;
  const { error } = await supabase
    .from('campaign_phases')
    .insert(phases.map((p) => ({ ...p, campaign_id: campaignId, workspace_id: workspaceId })));
  if (error) throw error;
}

export function useSaveCampaignBlueprint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveCampaignBlueprint,
    onSuccess: (_data, input) => queryClient.invalidateQueries({ queryKey: campaignKeys.detail(input.campaignId) }),
  });
}
