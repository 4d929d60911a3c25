import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { supabase } from '@/lib/supabase';
import { metaKeys } from '../keys';

/** Revokes a connection (admins and ops heads): the token is deleted, imported data stays. */
export async function revokeMetaConnection(connectionId: string): Promise<void> {
  const { error } = await supabase.rpc('revoke_meta_connection', { p_connection_id: z.uuid().parse(connectionId) });
  if (error) throw error;
}

export function useRevokeMetaConnection(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeMetaConnection,
    onSettled: () => queryClient.invalidateQueries({ queryKey: metaKeys.connections(workspaceId) }),
  });
}
