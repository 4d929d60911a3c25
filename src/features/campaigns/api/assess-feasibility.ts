import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { FeasibilityReport } from '@domain/feasibility.ts';
import type { FeasibilityAssessment } from '@/lib/db';
import { toFunctionError } from '@/lib/function-error';
import { supabase } from '@/lib/supabase';
import { campaignKeys } from '../keys';

const inputSchema = z.object({ campaignId: z.uuid() });

/** Runs the feasibility rules on the server (edge function `assess-feasibility`), which records the assessment. */
export async function assessFeasibility(input: { campaignId: string }): Promise<{ assessment: FeasibilityAssessment; report: FeasibilityReport }> {
  const { campaignId } = inputSchema.parse(input);
  const { data, error } = await supabase.functions.invoke('assess-feasibility', { body: { campaign_id: campaignId } });
  if (error) throw await toFunctionError(error);
  return data as { assessment: FeasibilityAssessment; report: FeasibilityReport };
}

export function useAssessFeasibility() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: assessFeasibility,
    onSuccess: async (_data, { campaignId }) => {
      await queryClient.invalidateQueries({ queryKey: campaignKeys.latestAssessment(campaignId) });
    },
  });
}
