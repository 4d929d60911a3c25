import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { supabase } from '@/lib/supabase';
import { settingsKeys } from '../keys';

export const revokeIngestKeySchema = z.object({ keyId: z.uuid() });
export type RevokeIngestKeyInput = z.input<typeof revokeIngestKeySchema>;

/** Revokes a key by stamping revoked_at (admins only, by RLS); ingest-events refuses it from then on. */
export async function revokeIngestKey(input: RevokeIngestKeyInput) {
  const { keyId } = revokeIngestKeySchema.parse(input);
  const { data, error } = await supabase
    .from('ingest_keys')
    .update({ revoked_at: new Date().toISOString() })
    .eq('id', keyId)
    .is('revoked_at', null)
    .select('id');
  if (error) throw error;
  if (data.length === 0) throw new Error('This key is already revoked, or only admins can revoke it');
}

export function useRevokeIngestKey(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeIngestKey,
    onSettled: () => queryClient.invalidateQueries({ queryKey: settingsKeys.ingestKeys(workspaceId) }),
  });
}
