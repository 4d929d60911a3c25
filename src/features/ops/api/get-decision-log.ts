import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { supabase } from '@/lib/supabase';
import { opsKeys } from '../keys';

const workspaceIdSchema = z.uuid();

export interface DecisionLogEntry {
  id: string;
  decision: string;
  note: string | null;
  decided_by: string | null;
  decided_at: string;
  recommendation_id: string;
  recommendations: { title: string; campaign_id: string | null } | null;
}

/** The latest 50 decisions on recommendations, with the recommendation they were about. */
export async function getDecisionLog(workspaceId: string): Promise<DecisionLogEntry[]> {
  const { data, error } = await supabase
    .from('recommendation_decisions')
    .select('id, decision, note, decided_by, decided_at, recommendation_id, recommendations(title, campaign_id)')
    .eq('workspace_id', workspaceIdSchema.parse(workspaceId))
    .order('decided_at', { ascending: false })
    .limit(50);
  if (error) throw error;
  return data ?? [];
}

export function decisionLogQueryOptions(workspaceId: string) {
  return queryOptions({ queryKey: opsKeys.decisionLog(workspaceId), queryFn: () => getDecisionLog(workspaceId) });
}

export function useDecisionLog(workspaceId: string) {
  return useQuery(decisionLogQueryOptions(workspaceId));
}
