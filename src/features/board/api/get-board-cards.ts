import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { boardKeys } from '../keys';
import type { ActionCardRow } from '../types';
import { BOARD_PAGE_SIZE, boardCardsPage } from './board-cards-page';

/** Every action card of the workspace (or of one campaign), in board order. RLS limits rows to members. */
export async function getBoardCards(workspaceId: string, campaignId: string | null): Promise<ActionCardRow[]> {
  const rows: ActionCardRow[] = [];
  for (let from = 0; ; from += BOARD_PAGE_SIZE) {
    const { data, error } = await boardCardsPage(supabase, workspaceId, campaignId, from);
    if (error) throw error;
    rows.push(...(data ?? []));
    if (!data || data.length < BOARD_PAGE_SIZE) return rows;
  }
}

export function boardCardsQueryOptions(workspaceId: string, campaignId: string | null) {
  return queryOptions({
    queryKey: boardKeys.cardList(workspaceId, campaignId),
    queryFn: () => getBoardCards(workspaceId, campaignId),
    // Realtime keeps the cache current; a refetch is only needed after reconnecting.
    staleTime: 5 * 60_000,
  });
}

export function useBoardCards(workspaceId: string, campaignId: string | null) {
  return useQuery(boardCardsQueryOptions(workspaceId, campaignId));
}
