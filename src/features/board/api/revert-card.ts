import { useMutation, useQueryClient } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { boardKeys } from '../keys';
import type { ActionCardRow } from '../types';
import { upsertCard } from '../utils/card-cache';
import { moveActionCard } from './move-card';

/**
 * Reverts a card. Either the database creates the reverting card (previous and new state swapped, linked, in
 * Completed) and moves the original to Reverted in one call, or an existing card is named as the one that
 * reverts it: then the original moves to Reverted first (so a refused move changes nothing) and the link follows.
 * `beforeId` places the original in Reverted where it was dropped.
 */
export async function revertActionCard(input: {
  cardId: string;
  revertingCardId: string | null;
  beforeId: string | null;
}): Promise<{ original: ActionCardRow; reverting: ActionCardRow | null }> {
  if (input.revertingCardId === null) {
    const { data, error } = await supabase.rpc('revert_action_card', { p_action_id: input.cardId });
    if (error) throw error;
    const reverting = data as ActionCardRow;
    const original = await moveActionCard({ cardId: input.cardId, status: 'reverted', beforeId: input.beforeId });
    return { original, reverting };
  }
  const original = await moveActionCard({ cardId: input.cardId, status: 'reverted', beforeId: input.beforeId });
  const { data, error } = await supabase
    .from('marketer_actions')
    .update({ reverts_action_id: input.cardId })
    .eq('id', input.revertingCardId)
    .select()
    .single();
  if (error) throw error;
  return { original, reverting: data };
}

export function useRevertCard(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revertActionCard,
    onSuccess: ({ original, reverting }) => {
      upsertCard(queryClient, original);
      if (reverting) upsertCard(queryClient, reverting);
    },
    // Other cards were renumbered; realtime brings them too, this makes sure.
    onSettled: () => queryClient.invalidateQueries({ queryKey: boardKeys.cards(workspaceId) }),
  });
}
