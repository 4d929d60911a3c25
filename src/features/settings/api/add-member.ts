import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { WORKSPACE_ROLES } from '@/lib/db';
import { supabase } from '@/lib/supabase';
import { settingsKeys } from '../keys';

export const addMemberSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, 'Enter their email address').pipe(z.email('Enter a valid email address')),
  role: z.enum(WORKSPACE_ROLES, { message: 'Choose a role' }),
});
export type AddMemberInput = z.input<typeof addMemberSchema>;

/**
 * Adds an existing account to the workspace by email (admins only). The RPC answers P0002 when nobody has signed
 * up with that email and 22023 when they are already a member; its message is shown as is.
 */
export async function addMember(workspaceId: string, input: AddMemberInput) {
  const { email, role } = addMemberSchema.parse(input);
  const { data, error } = await supabase.rpc('add_workspace_member', { p_workspace_id: workspaceId, p_email: email, p_role: role });
  if (error) throw error;
  return data;
}

export function useAddMember(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AddMemberInput) => addMember(workspaceId, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: settingsKeys.members(workspaceId) }),
  });
}
