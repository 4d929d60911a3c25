import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { toFunctionError } from '@/lib/function-error';
import { supabase } from '@/lib/supabase';
import { metaKeys } from '../keys';

export interface SyncRunResult {
  run_id: string | null;
  status: 'succeeded' | 'partial' | 'failed';
  snapshots_written: number;
  snapshots_unchanged: number;
  cards_created: number;
  needs_reconnect: boolean;
  error: string | null;
}

/** Runs the Meta sync for one campaign now (edge function `sync-meta`); resolves when it has finished. */
export async function syncMetaNow(campaignId: string): Promise<SyncRunResult[]> {
  const { data, error } = await supabase.functions.invoke('sync-meta', { body: { campaign_id: z.uuid().parse(campaignId) } });
  if (error) throw await toFunctionError(error);
  return (data as { runs: SyncRunResult[] }).runs;
}

export function useSyncMetaNow(campaignId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => syncMetaNow(campaignId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: metaKeys.all }),
  });
}
