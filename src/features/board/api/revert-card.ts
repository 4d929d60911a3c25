import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { boardKeys } from '../keys';
import type { ActionCardRow } from '../types';
import { upsertCard } from '../utils/card-cache';
import { moveActionCard } from './move-card';

/**
 * Reverts a card. Either the database creates the reverting card (previous and new state swapped, linked, in
 * Completed) and moves the original to Reverted in one call, or an existing card is named as the one that
 * reverts it: then the database links it and moves the original to Reverted in one call (`link_revert_card`).
 * `beforeId` then places the original in Reverted where it was dropped; the revert itself is already saved.
 */
export async function revertActionCard(input: {
  cardId: string;
  revertingCardId: string | null;
  beforeId: string | null;
}): Promise<{ original: ActionCardRow; reverting: ActionCardRow }> {
  const { data, error } =
    input.revertingCardId === null
      ? await supabase.rpc('revert_action_card', { p_action_id: input.cardId })
      : await supabase.rpc('link_revert_card', { p_original_id: input.cardId, p_reverting_id: input.revertingCardId });
  if (error) throw error;
  const reverting = data as ActionCardRow;
  const original = await moveActionCard({ cardId: input.cardId, status: 'reverted', beforeId: input.beforeId });
  return { original, reverting };
}

export function useRevertCard(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revertActionCard,
    onSuccess: ({ original, reverting }) => {
      upsertCard(queryClient, original);
      upsertCard(queryClient, reverting);
    },
    // Other cards were renumbered; realtime brings them too, this makes sure.
    onSettled: () => queryClient.invalidateQueries({ queryKey: boardKeys.cards(workspaceId) }),
  });
}
