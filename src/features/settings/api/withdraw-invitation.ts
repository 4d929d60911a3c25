import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { supabase } from '@/lib/supabase';
import { settingsKeys } from '../keys';

/** Withdraws a pending invitation (admins only, by RLS); once answered it can no longer be withdrawn. */
export async function withdrawInvitation(invitationId: string) {
  const id = z.uuid().parse(invitationId);
  const { data, error } = await supabase.from('workspace_invitations').delete().eq('id', id).select('id');
  if (error) throw error;
  if (data.length === 0) throw new Error('This invitation was already answered or withdrawn');
}

export function useWithdrawInvitation(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: withdrawInvitation,
    onSettled: () => queryClient.invalidateQueries({ queryKey: settingsKeys.invitations(workspaceId) }),
  });
}
