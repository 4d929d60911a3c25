import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { CampaignPhase } from '@/lib/db';
import { supabase } from '@/lib/supabase';
import { executionKeys } from '../keys';

const timestamp = z.iso.datetime({ offset: true, error: 'must be a timestamp' }).nullable();

export const phasePatchSchema = z
  .object({
    actual_start: timestamp,
    actual_end: timestamp,
    delivered_assets: z.number().int().min(0, 'Delivered assets cannot be negative'),
    approvals_actual: z.number().int().min(0, 'Approval cycles cannot be negative'),
  })
  .partial();
export type PhasePatch = z.infer<typeof phasePatchSchema>;

export interface UpdatePhaseInput {
  campaignId: string;
  phaseId: string;
  patch: PhasePatch;
}

/** The database's words, made readable: the end-after-start constraint is the one people meet. */
function readable(error: { code?: string; message: string }): Error {
  if (error.code === '23514' && error.message.includes('end_after_start')) return new Error('A phase cannot end before it starts.');
  if (error.code === '23514') return new Error(`The database refused the values: ${error.message}`);
  return Object.assign(new Error(error.message), error);
}

/**
 * Logs execution on one phase (start, completion, back-filled dates, delivered assets, approval cycles) through the
 * database's lifecycle RPC: it refuses before the decision gate says Proceed, and the first phase started makes the
 * campaign active in the same transaction.
 */
export async function updatePhase({ phaseId, patch }: UpdatePhaseInput): Promise<CampaignPhase> {
  const values = phasePatchSchema.parse(patch);
  const { data, error } = await supabase.rpc('log_phase_execution', { p_phase_id: phaseId, p_patch: values });
  if (error) throw readable(error);
  return data;
}

/** Starting a phase can move the campaign to active, so campaign views refresh too. */
const startsPhase = (patch: PhasePatch) => patch.actual_start !== undefined;

/** Optimistic: the tracker and the drift table move at once; a refusal rolls back and shows the reason. */
export function useUpdatePhase() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updatePhase,
    onMutate: async ({ campaignId, phaseId, patch }) => {
      const key = executionKeys.phases(campaignId);
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<CampaignPhase[]>(key);
      queryClient.setQueryData<CampaignPhase[]>(key, (old) => old?.map((p) => (p.id === phaseId ? { ...p, ...patch } : p)));
      return { previous };
    },
    onError: (_error, { campaignId }, context) => {
      if (context?.previous) queryClient.setQueryData(executionKeys.phases(campaignId), context.previous);
    },
    onSettled: async (_data, _error, { campaignId, patch }) => {
      await queryClient.invalidateQueries({ queryKey: executionKeys.phases(campaignId) });
      if (startsPhase(patch)) await queryClient.invalidateQueries({ queryKey: ['campaigns'] });
    },
  });
}
