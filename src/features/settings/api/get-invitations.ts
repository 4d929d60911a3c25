import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type { WorkspaceRole } from '@/lib/db';
import { toWorkspaceRole } from '@/lib/roles';
import { supabase } from '@/lib/supabase';
import { settingsKeys } from '../keys';

export type Invitation = {
  id: string;
  email: string;
  role: WorkspaceRole;
  invitedAt: string;
  expiresAt: string;
};

/** The workspace's pending invitations, newest first (RLS: admins only). */
export async function getInvitations(workspaceId: string): Promise<Invitation[]> {
  const id = z.uuid().parse(workspaceId);
  const { data, error } = await supabase
    .from('workspace_invitations')
    .select('id, email, role, created_at, expires_at')
    .eq('workspace_id', id)
    .eq('status', 'pending')
    .order('created_at', { ascending: false });
  if (error) throw error;
  return data.map((r) => ({ id: r.id, email: r.email, role: toWorkspaceRole(r.role), invitedAt: r.created_at, expiresAt: r.expires_at }));
}

export function invitationsQueryOptions(workspaceId: string) {
  return queryOptions({ queryKey: settingsKeys.invitations(workspaceId), queryFn: () => getInvitations(workspaceId) });
}

export function useInvitations(workspaceId: string, enabled: boolean) {
  return useQuery({ ...invitationsQueryOptions(workspaceId), enabled });
}
