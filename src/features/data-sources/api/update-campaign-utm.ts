import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { supabase } from '@/lib/supabase';
import { campaignKeys } from '@/entities/campaigns';

export const campaignUtmSchema = z.object({
  utm_campaign: z
    .string()
    .trim()
    .max(128, 'At most 128 characters')
    .transform((v) => (v === '' ? null : v)),
});

/** Sets the utm_campaign value the campaign's ad links carry (unique per workspace, case-insensitive). */
export async function updateCampaignUtm(campaignId: string, utm: string) {
  const { utm_campaign } = campaignUtmSchema.parse({ utm_campaign: utm });
  const { error } = await supabase.from('campaigns').update({ utm_campaign }).eq('id', campaignId);
  if (error?.code === '23505') throw new Error('Another campaign already uses this utm_campaign');
  if (error) throw error;
}

export function useUpdateCampaignUtm(workspaceId: string, campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (utm: string) => updateCampaignUtm(campaignId, utm),
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: campaignKeys.list(workspaceId) }),
        queryClient.invalidateQueries({ queryKey: campaignKeys.detail(campaignId) }),
      ]),
  });
}
