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
  plannedLaunch: string | null;
  phases: PhasePlanRow[];
}

/**
 * Saves the execution blueprint of a draft: the phase list replaced as a whole in one atomic call (a draft has no
 * execution logged yet, and replacing avoids name/position collisions while phases are renamed and reordered; the
 * database refuses a campaign past its decision gate), then the planned launch, so a refused blueprint changes nothing.
 */
export async function saveCampaignBlueprint({ campaignId, plannedLaunch, phases }: SaveBlueprintInput): Promise<void> {
  const replaced = await supabase.rpc('replace_campaign_phases', { p_campaign_id: campaignId, p_phases: phases });
  if (replaced.error) throw replaced.error;
  const { error } = await supabase.from('campaigns').update({ planned_launch: plannedLaunch }).eq('id', campaignId);
  if (error) throw error;
}

export function useSaveCampaignBlueprint() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveCampaignBlueprint,
    onSuccess: (_data, input) => queryClient.invalidateQueries({ queryKey: campaignKeys.detail(input.campaignId) }),
  });
}
