import { workspaceThresholdOverrides } from '@domain/thresholds.ts';
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { WorkspaceMembership } from '@/hooks/use-current-workspace';
import { toWorkspaceRole } from '@/lib/roles';
import { supabase } from '@/lib/supabase';
import { workspaceKeys } from '../keys';

type EmbeddedWorkspace = { id: string; name: string; settings: unknown };
type Embedded = EmbeddedWorkspace | EmbeddedWorkspace[] | null;

/**
 * The workspaces the user belongs to, with their role and threshold overrides in each, sorted by name. RLS limits
 * rows to the caller.
 */
export async function getMemberships(userId: string): Promise<WorkspaceMembership[]> {
  const { data, error } = await supabase.from('workspace_members').select('role, workspaces(id, name, settings)').eq('user_id', userId);
  if (error) throw error;
  const rows = (data ?? []) as { role: unknown; workspaces: Embedded }[];
  return rows
    .flatMap((row) => {
      const workspace = Array.isArray(row.workspaces) ? row.workspaces[0] : row.workspaces;
      if (!workspace) return [];
      const summary = { id: workspace.id, name: workspace.name, thresholdOverrides: workspaceThresholdOverrides(workspace.settings) };
      return [{ workspace: summary, role: toWorkspaceRole(row.role) }];
    })
    .sort((a, b) => a.workspace.name.localeCompare(b.workspace.name));
}

export function membershipsQueryOptions(userId: string) {
  return queryOptions({
    queryKey: workspaceKeys.memberships(userId),
    queryFn: () => getMemberships(userId),
    staleTime: 5 * 60_000,
  });
}

export function useMemberships(userId: string) {
  return useQuery(membershipsQueryOptions(userId));
}
