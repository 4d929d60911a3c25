import { queryOptions, useQuery } from '@tanstack/react-query';
import type { FeasibilityAssessment, Profile } from '@/lib/db';
import { supabase } from '@/lib/supabase';
import { campaignKeys } from '../keys';

export type AssessmentWithDecider = FeasibilityAssessment & { decider: Pick<Profile, 'full_name' | 'email'> | null };

/** The campaign's most recent feasibility assessment, with who set its decision gate; null before the first one. */
export async function getLatestAssessment(campaignId: string): Promise<AssessmentWithDecider | null> {
  const { data, error } = await supabase
    .from('feasibility_assessments')
    .select('*')
    .eq('campaign_id', campaignId)
    .order('created_at', { ascending: false })
    .limit(1)
    .maybeSingle();
  if (error) throw error;
  if (!data) return null;
  let decider: AssessmentWithDecider['decider'] = null;
  if (data.decided_by) {
    const profile = await supabase.from('profiles').select('full_name, email').eq('id', data.decided_by).maybeSingle();
    if (profile.error) throw profile.error;
    decider = profile.data;
  }
  return { ...data, decider };
}

export function latestAssessmentQueryOptions(campaignId: string) {
  return queryOptions({
    queryKey: campaignKeys.latestAssessment(campaignId),
    queryFn: () => getLatestAssessment(campaignId),
    enabled: !!campaignId,
  });
}

export function useLatestAssessment(campaignId: string) {
  return useQuery(latestAssessmentQueryOptions(campaignId));
}
