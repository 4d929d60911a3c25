import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { supabase } from '@/lib/supabase';
import { settingsKeys } from '../keys';

export const removeMemberSchema = z.object({ memberId: z.uuid() });
export type RemoveMemberInput = z.input<typeof removeMemberSchema> & { userId: string };

/** Removes a member from the workspace (admins only, by RLS); the database keeps the last admin (22023). */
export async function removeMember(input: RemoveMemberInput) {
  const { memberId } = removeMemberSchema.parse(input);
  const { data, error } = await supabase.from('workspace_members').delete().eq('id', memberId).select('id');
  if (error) throw error;
  if (data.length === 0) throw new Error('Only workspace admins can remove members');
}

/** `currentUserId`: admins who leave lose the workspace, so every cached query is refetched. */
export function useRemoveMember(workspaceId: string, currentUserId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: removeMember,
    onSettled: (_data, _error, input) =>
      input.userId === currentUserId
        ? queryClient.invalidateQueries()
        : queryClient.invalidateQueries({ queryKey: settingsKeys.members(workspaceId) }),
  });
}
