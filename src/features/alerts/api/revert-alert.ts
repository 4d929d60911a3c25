import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { MarketerAction } from '@/lib/db';
import { supabase } from '@/lib/supabase';
import { alertKeys } from '@/entities/alerts';

/**
 * Executes the alert's one-click revert in one database call: the reverting card is created (previous and new state
 * swapped, linked to the original), the original moves to Reverted, and the alert remembers the new card. Returns it.
 */
export async function revertAlertAction(alertId: string): Promise<MarketerAction> {
  const { data, error } = await supabase.rpc('revert_alert_action', { p_alert_id: z.uuid().parse(alertId) });
  if (error) throw error;
  return data as MarketerAction;
}

export function useRevertAlertAction(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revertAlertAction,
    onSettled: () => queryClient.invalidateQueries({ queryKey: alertKeys.workspace(workspaceId) }),
  });
}
