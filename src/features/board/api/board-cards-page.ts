import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '@/lib/database.types';

/** Hosted Supabase caps a response at 1,000 rows by default, so the board reads in pages of that size. */
export const BOARD_PAGE_SIZE = 1000;

/**
 * One page of the board's cards in board order (column, position, newest first, id), every column, since the card
 * and its dialogs show nearly all of them. Takes the client so `npm run bench` times this very query. RLS limits
 * rows to members.
 */
export function boardCardsPage(db: SupabaseClient<Database>, workspaceId: string, campaignId: string | null, from: number) {
  let query = db.from('marketer_actions').select('*').eq('workspace_id', workspaceId);
  if (campaignId) query = query.eq('campaign_id', campaignId);
  return query
    .order('status')
    .order('position')
    .order('occurred_at', { ascending: false })
    .order('id')
    .range(from, from + BOARD_PAGE_SIZE - 1);
}
