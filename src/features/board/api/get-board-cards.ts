import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { boardKeys } from '../keys';
import type { ActionCardRow } from '../types';

/** Hosted Supabase caps a response at 1,000 rows by default, so the board reads in pages of that size. */
const PAGE = 1000;

/** Every action card of the workspace (or of one campaign), in board order. RLS limits rows to members. */
export async function getBoardCards(workspaceId: string, campaignId: string | null): Promise<ActionCardRow[]> {
  const rows: ActionCardRow[] = [];
  for (let from = 0; ; from += PAGE) {
    let query = supabase.from('marketer_actions').select('*').eq('workspace_id', workspaceId);
    if (campaignId) query = query.eq('campaign_id', campaignId);
    const { data, error } = await query
      .order('status')
      .order('position')
      .order('occurred_at', { ascending: false })
      .order('id')
      .range(from, from + PAGE - 1);
    if (error) throw error;
    rows.push(...(data ?? []));
    if (!data || data.length < PAGE) return rows;
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
