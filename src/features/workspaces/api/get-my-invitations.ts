import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type { WorkspaceRole } from '@/lib/db';
import { toWorkspaceRole } from '@/lib/roles';
import { supabase } from '@/lib/supabase';
import { workspaceKeys } from '../keys';

export type MyInvitation = {
  id: string;
  workspaceId: string;
  workspaceName: string;
  role: WorkspaceRole;
  invitedBy: string | null;
  expiresAt: string;
};

const invitationRowsSchema = z.array(
  z.object({
    id: z.uuid(),
    workspace_id: z.uuid(),
    workspace_name: z.string(),
    role: z.string(),
    invited_by_name: z.string().nullable(),
    expires_at: z.string(),
  }),
);

/** Invitations addressed to the signed-in user's confirmed email that they have not answered yet. */
export async function getMyInvitations(): Promise<MyInvitation[]> {
  const { data, error } = await supabase.rpc('my_workspace_invitations');
  if (error) throw error;
  return invitationRowsSchema.parse(data ?? []).map((r) => ({
    id: r.id,
    workspaceId: r.workspace_id,
    workspaceName: r.workspace_name,
    role: toWorkspaceRole(r.role),
    invitedBy: r.invited_by_name,
    expiresAt: r.expires_at,
  }));
}

export function myInvitationsQueryOptions(userId: string) {
  return queryOptions({ queryKey: workspaceKeys.invitations(userId), queryFn: getMyInvitations });
}

export function useMyInvitations(userId: string) {
  return useQuery(myInvitationsQueryOptions(userId));
}
