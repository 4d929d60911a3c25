import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { supabase } from '@/lib/supabase';
import { workspaceKeys } from '../keys';

export const invitationAnswerSchema = z.object({ invitationId: z.uuid(), answer: z.enum(['accept', 'decline']) });
export type InvitationAnswer = z.infer<typeof invitationAnswerSchema>;

/** Accepts (joining the workspace with the invited role) or declines an invitation addressed to the caller. */
export async function respondToInvitation(input: InvitationAnswer): Promise<{ workspaceId: string | null }> {
  const { invitationId, answer } = invitationAnswerSchema.parse(input);
  if (answer === 'accept') {
    const { data, error } = await supabase.rpc('accept_workspace_invitation', { p_invitation_id: invitationId });
    if (error) throw error;
    return { workspaceId: data.workspace_id };
  }
  const { error } = await supabase.rpc('decline_workspace_invitation', { p_invitation_id: invitationId });
  if (error) throw error;
  return { workspaceId: null };
}

/** Memberships and invitations both change, so both are refetched. */
export function useRespondToInvitation({ onJoined }: { onJoined?: (workspaceId: string) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: respondToInvitation,
    onSuccess: async ({ workspaceId }) => {
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.all });
      if (workspaceId) onJoined?.(workspaceId);
    },
  });
}
