import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type { Recommendation } from '@/lib/db';
import { supabase } from '@/lib/supabase';
import { opsKeys } from '../keys';

const workspaceIdSchema = z.uuid();

export type OpsRecommendation = Pick<Recommendation, 'id' | 'campaign_id' | 'kind' | 'title' | 'rationale' | 'score' | 'status' | 'source' | 'created_at'>;

/** The workspace's recommendations, open ones first, then the most recent. */
export async function getRecommendations(workspaceId: string): Promise<OpsRecommendation[]> {
  const { data, error } = await supabase
    .from('recommendations')
    .select('id, campaign_id, kind, title, rationale, score, status, source, created_at')
    .eq('workspace_id', workspaceIdSchema.parse(workspaceId))
    .order('created_at', { ascending: false })
    .limit(100);
  if (error) throw error;
  return [...(data ?? [])].sort((a, b) => Number(b.status === 'open') - Number(a.status === 'open'));
}

export function recommendationsQueryOptions(workspaceId: string) {
  return queryOptions({ queryKey: opsKeys.recommendations(workspaceId), queryFn: () => getRecommendations(workspaceId) });
}

export function useRecommendations(workspaceId: string) {
  return useQuery(recommendationsQueryOptions(workspaceId));
}
