import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { WORKSPACE_ROLES } from '@/lib/db';
import { supabase } from '@/lib/supabase';
import { settingsKeys } from '../keys';

export const updateMemberRoleSchema = z.object({ memberId: z.uuid(), role: z.enum(WORKSPACE_ROLES) });
export type UpdateMemberRoleInput = z.input<typeof updateMemberRoleSchema> & { userId: string };

/**
 * Changes a member's role (admins only, by RLS). The database refuses to demote the last admin (22023); a
 * non-admin's update matches no row, which is reported instead of passing silently.
 */
export async function updateMemberRole(input: UpdateMemberRoleInput) {
  const { memberId, role } = updateMemberRoleSchema.parse(input);
  const { data, error } = await supabase.from('workspace_members').update({ role }).eq('id', memberId).select('id, role');
  if (error) throw error;
  if (data.length === 0) throw new Error('Only workspace admins can change roles');
  return data[0];
}

/** `currentUserId`: when admins change their own role, every cached query is refetched so the app follows it. */
export function useUpdateMemberRole(workspaceId: string, currentUserId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: updateMemberRole,
    onSettled: (_data, _error, input) =>
      input.userId === currentUserId
        ? queryClient.invalidateQueries()
        : queryClient.invalidateQueries({ queryKey: settingsKeys.members(workspaceId) }),
  });
}
