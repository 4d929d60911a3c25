import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { TablesInsert } from '@/lib/db';
import { supabase } from '@/lib/supabase';
import { campaignKeys } from '../keys';

export const promoCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9_-]{3,32}$/, 'Promo codes are 3–32 letters, digits, - or _');

export type CampaignIntentRow = Pick<
  TablesInsert<'campaigns'>,
  | 'name' | 'objective' | 'industry' | 'budget' | 'currency' | 'audience' | 'platform' | 'ad_link'
  | 'meta_pixel_id' | 'ads_account_id' | 'website_tracking' | 'utm_campaign' | 'promo_tracking'
  | 'meta_campaign_ids' | 'meta_adset_ids' | 'meta_ad_ids'
>;

export interface SaveIntentInput {
  workspaceId: string;
  /** Absent on the first save: the draft campaign is created. */
  campaignId?: string;
  intent: CampaignIntentRow;
  /** Promo codes to attach to the campaign (codes it already has are skipped). */
  promoCodes: string[];
}

/** Creates the draft campaign after step 1, or updates its intent on later saves; adds new promo codes. */
export async function saveCampaignIntent({ workspaceId, campaignId, intent, promoCodes }: SaveIntentInput): Promise<{ id: string }> {
  const codes = z.array(promoCodeSchema).parse(promoCodes);
  const result = campaignId
    ? await supabase.from('campaigns').update(intent).eq('id', campaignId).select('id').single()
    : await supabase.from('campaigns').insert({ ...intent, workspace_id: workspaceId, status: 'draft' }).select('id').single();
  // The only unique column the intent writes besides promo codes (below): utm_campaign, per workspace.
  if (result.error?.code === '23505') throw new Error('Another campaign in this workspace already uses this utm_campaign');
  if (result.error) throw result.error;
  const id = result.data.id;
  if (codes.length > 0) {
    const existing = await supabase.from('promo_codes').select('code').eq('campaign_id', id);
    if (existing.error) throw existing.error;
    const known = new Set((existing.data ?? []).map((r) => r.code));
    const fresh = codes.filter((c) => !known.has(c));
    if (fresh.length > 0) {
      const { error } = await supabase.from('promo_codes').insert(fresh.map((code) => ({ code, campaign_id: id, workspace_id: workspaceId })));
      if (error) throw error.code === '23505' ? new Error('A promo code is already used by another campaign in this workspace') : error;
    }
  }
  return { id };
}

export function useSaveCampaignIntent() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: saveCampaignIntent,
    onSuccess: ({ id }, { workspaceId }) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: campaignKeys.detail(id) }),
        queryClient.invalidateQueries({ queryKey: campaignKeys.list(workspaceId) }),
      ]),
  });
}
