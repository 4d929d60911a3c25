import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type { WorkspaceRole } from '@/lib/db';
import { toWorkspaceRole } from '@/lib/roles';
import { supabase } from '@/lib/supabase';
import { settingsKeys } from '../keys';
import { sortMembers } from '../utils/members';

export type Member = {
  id: string;
  userId: string;
  role: WorkspaceRole;
  joinedAt: string;
  fullName: string | null;
  email: string | null;
};

/**
 * The workspace's members with their names and emails. workspace_members points at auth.users, not profiles,
 * so the profiles come in a second request (RLS shows co-members' profiles). Admins first, then by name.
 */
export async function getMembers(workspaceId: string): Promise<Member[]> {
  const id = z.uuid().parse(workspaceId);
  const { data: rows, error } = await supabase.from('workspace_members').select('id, user_id, role, created_at').eq('workspace_id', id);
  if (error) throw error;
  const userIds = rows.map((r) => r.user_id);
  const profiles = new Map<string, { full_name: string | null; email: string | null }>();
  if (userIds.length > 0) {
    const { data, error: profileError } = await supabase.from('profiles').select('id, full_name, email').in('id', userIds);
    if (profileError) throw profileError;
    for (const p of data) profiles.set(p.id, p);
  }
  return sortMembers(
    rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      role: toWorkspaceRole(r.role),
      joinedAt: r.created_at,
      fullName: profiles.get(r.user_id)?.full_name ?? null,
      email: profiles.get(r.user_id)?.email ?? null,
    })),
  );
}

export function membersQueryOptions(workspaceId: string) {
  return queryOptions({ queryKey: settingsKeys.members(workspaceId), queryFn: () => getMembers(workspaceId) });
}

export function useMembers(workspaceId: string) {
  return useQuery(membersQueryOptions(workspaceId));
}
