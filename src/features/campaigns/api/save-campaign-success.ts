import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { TablesUpdate } from '@/lib/db';
import { supabase } from '@/lib/supabase';
import { campaignKeys } from '../keys';

export type SuccessDefinition = Pick<TablesUpdate<'campaigns'>, 'primary_kpi' | 'kpi_target' | 'kpi_window_days' | 'peak_start' | 'peak_end'>;

/** Saves the success definition (primary KPI, target, window, peak-demand window) of a draft. */
export async function saveCampaignSuccess({ campaignId, success }: { campaignId: string; success: SuccessDefinition }): Promise<void> {
  const { error } = await supabase.from('campaigns').update(success).eq('id', campaignId);
  if (error) throw error;
}

export function useSaveCampaignSuccess() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveCampaignSuccess,
    onSuccess: (_data, input) => queryClient.invalidateQueries({ queryKey: campaignKeys.detail(input.campaignId) }),
  });
}
