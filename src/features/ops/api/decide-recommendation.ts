import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { supabase } from '@/lib/supabase';
import { opsKeys } from '../keys';

export const decideRecommendationSchema = z.object({
  recommendationId: z.uuid(),
  decision: z.enum(['accepted', 'rejected']),
  note: z.string().trim().max(2000).optional(),
});
export type DecideRecommendationInput = z.input<typeof decideRecommendationSchema>;

/** Accepts or rejects a recommendation: one RPC logs the decision and moves the status (ops heads and admins only). */
export async function decideRecommendation(input: DecideRecommendationInput) {
  const { recommendationId, decision, note } = decideRecommendationSchema.parse(input);
  const { data, error } = await supabase.rpc('decide_recommendation', {
    p_recommendation_id: recommendationId,
    p_decision: decision,
    ...(note ? { p_note: note } : {}),
  });
  if (error) throw error;
  return data;
}

export function useDecideRecommendation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: decideRecommendation,
    onSettled: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: opsKeys.recommendations(workspaceId) }),
        queryClient.invalidateQueries({ queryKey: opsKeys.decisionLog(workspaceId) }),
        queryClient.invalidateQueries({ queryKey: opsKeys.auditLog(workspaceId) }),
      ]),
  });
}
