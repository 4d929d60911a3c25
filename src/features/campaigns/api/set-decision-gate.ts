import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { supabase } from '@/lib/supabase';
import { campaignKeys } from '../keys';

export const decisionGateSchema = z.object({
  campaignId: z.uuid(),
  assessmentId: z.uuid(),
  decision: z.enum(['proceed', 'adjust', 'pause']),
  note: z
    .string()
    .trim()
    .max(2000, 'Keep the note under 2,000 characters')
    .optional()
    .transform((v) => (v ? v : undefined)),
});
export type DecisionGateInput = z.input<typeof decisionGateSchema>;

/** Confirms or overrides the proposed gate (ops heads and admins; the RPC records who and when, atomically). */
export async function setDecisionGate(input: DecisionGateInput) {
  const { assessmentId, decision, note } = decisionGateSchema.parse(input);
  const { data, error } = await supabase.rpc('set_decision_gate', { p_assessment_id: assessmentId, p_decision: decision, p_note: note });
  if (error) throw error;
  return data;
}

export function useSetDecisionGate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: setDecisionGate,
    onSuccess: async (_data, input) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: campaignKeys.latestAssessment(input.campaignId) }),
        queryClient.invalidateQueries({ queryKey: campaignKeys.detail(input.campaignId) }),
        queryClient.invalidateQueries({ queryKey: [...campaignKeys.all, 'list'] }),
      ]);
    },
  });
}
