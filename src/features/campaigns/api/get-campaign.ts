import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Campaign, CampaignPhase, PromoCode } from '@/lib/db';
import { supabase } from '@/lib/supabase';
import { campaignKeys } from '../keys';

export type CampaignDetail = Campaign & { campaign_phases: CampaignPhase[]; promo_codes: Pick<PromoCode, 'id' | 'code'>[] };

/** One campaign with its phases (by position) and promo codes; null when it does not exist for this user. */
export async function getCampaign(campaignId: string): Promise<CampaignDetail | null> {
  const { data, error } = await supabase
    .from('campaigns')
    .select('*, campaign_phases(*), promo_codes(id, code)')
    .eq('id', campaignId)
    .maybeSingle();
  if (error) throw error;
  if (!data) return null;
  const detail = data as CampaignDetail;
  return { ...detail, campaign_phases: [...detail.campaign_phases].sort((a, b) => a.position - b.position) };
}

export function campaignQueryOptions(campaignId: string) {
  return queryOptions({ queryKey: campaignKeys.detail(campaignId), queryFn: () => getCampaign(campaignId), enabled: !!campaignId });
}

export function useCampaign(campaignId: string) {
  return useQuery(campaignQueryOptions(campaignId));
}
