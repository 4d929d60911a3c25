// Who the caller is in a workspace. Functions that write with the service role (RLS bypassed) ask this first, so a
// viewer cannot make the service write in their name.
import type { SupabaseClient } from '@supabase/supabase-js';
import { HttpError } from './http.ts';

export type WorkspaceRole = 'admin' | 'ops_head' | 'marketer' | 'viewer';

/** Roles that act on a workspace's data (everyone but viewers). */
export const ACTING_ROLES: readonly WorkspaceRole[] = ['admin', 'ops_head', 'marketer'];

/** The caller's role in the workspace, read through a client carrying their JWT (RLS); null when not a member. */
export async function callerRole(client: SupabaseClient, userId: string, workspaceId: string): Promise<WorkspaceRole | null> {
  const { data, error } = await client
    .from('workspace_members')
    .select('role')
    .eq('workspace_id', workspaceId)
    .eq('user_id', userId)
    .maybeSingle();
  if (error) throw new HttpError(502, 'Could not check your membership', error.message);
  return (data?.role as WorkspaceRole | undefined) ?? null;
}

/** Throws 403 with `refusal` unless the caller acts on the workspace (admin, ops head or marketer). */
export async function requireActingRole(client: SupabaseClient, userId: string, workspaceId: string, refusal: string): Promise<WorkspaceRole> {
  const role = await callerRole(client, userId, workspaceId);
  if (!role || !ACTING_ROLES.includes(role)) throw new HttpError(403, refusal);
  return role;
}
