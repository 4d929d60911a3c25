import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { WORKSPACE_ROLES } from '@/lib/db';
import { supabase } from '@/lib/supabase';
import { settingsKeys } from '../keys';

export const inviteMemberSchema = z.object({
  email: z.string().trim().toLowerCase().min(1, 'Enter their email address').pipe(z.email('Enter a valid email address')),
  role: z.enum(WORKSPACE_ROLES, { message: 'Choose a role' }),
});
export type InviteMemberInput = z.input<typeof inviteMemberSchema>;

/**
 * Invites an email to the workspace with a role (admins only). The person joins once they accept in the app; the
 * database answers the same whether an account uses the address or not, and 22023 when they are already a member.
 */
export async function inviteMember(workspaceId: string, input: InviteMemberInput) {
  const { email, role } = inviteMemberSchema.parse(input);
  const { data, error } = await supabase.rpc('invite_workspace_member', { p_workspace_id: workspaceId, p_email: email, p_role: role });
  if (error) throw error;
  return data;
}

export function useInviteMember(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: InviteMemberInput) => inviteMember(workspaceId, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: settingsKeys.invitations(workspaceId) }),
  });
}
