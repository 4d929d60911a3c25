import { useMutation, useQueryClient } from '@tanstack/react-query';
import { applyMove, BOARD_COLUMN_IDS, type MoveRequest } from '@domain/board.ts';
import { toast } from '@/components/ui/toast';
import { z } from 'zod';
import { supabase } from '@/lib/supabase';
import { errorMessage } from '@/lib/utils';
import { boardKeys } from '../keys';
import type { ActionCardRow } from '../types';
import { restoreCardLists, updateCardLists, upsertCard } from '../utils/card-cache';

export const moveCardSchema = z.object({
  cardId: z.uuid(),
  status: z.enum(BOARD_COLUMN_IDS as [string, ...string[]]),
  beforeId: z.uuid().nullable(),
});

/** One atomic move (column + place before a card or at the end + renumber), checked by RLS and the role. */
export async function moveActionCard(input: MoveRequest): Promise<ActionCardRow> {
  const { cardId, status, beforeId } = moveCardSchema.parse(input);
  const { data, error } = await supabase.rpc('move_action_card', {
    p_action_id: cardId,
    p_status: status,
    ...(beforeId ? { p_before_id: beforeId } : {}),
  });
  if (error) throw error;
  return data as ActionCardRow;
}

/** Readable reason for a refused move. */
export function moveErrorMessage(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  if (code === '42501') return 'You have view-only access to this board, so the card went back where it was.';
  return `The move could not be saved (${errorMessage(error)}), so the card went back where it was.`;
}

/**
 * Moves a card with an optimistic update: every cached list of the workspace gets the same move the RPC makes
 * (domain `applyMove`); a refused write restores them, explains why in a toast, and refetches.
 */
export function useMoveCard(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: moveActionCard,
    onMutate: async (request: MoveRequest) => {
      await queryClient.cancelQueries({ queryKey: boardKeys.cards(workspaceId) });
      const snapshot = updateCardLists(queryClient, workspaceId, (list) => applyMove(list, request, new Date().toISOString()));
      return { snapshot };
    },
    onError: (error, _request, context) => {
      if (context) restoreCardLists(queryClient, context.snapshot);
      toast.error('Move not saved', { description: moveErrorMessage(error) });
      void queryClient.invalidateQueries({ queryKey: boardKeys.cards(workspaceId) });
    },
    onSuccess: (row) => upsertCard(queryClient, row),
  });
}
