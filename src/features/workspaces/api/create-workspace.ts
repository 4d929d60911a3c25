import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import type { WorkspaceMembership } from '@/hooks/use-current-workspace';
import { supabase } from '@/lib/supabase';
import { workspaceKeys } from '../keys';

export const createWorkspaceSchema = z.object({
  name: z.string().trim().min(2, 'Give your workspace a name of at least 2 characters').max(80, 'Keep the name under 80 characters'),
});
export type CreateWorkspaceInput = z.infer<typeof createWorkspaceSchema>;

/** Creates a workspace; a database trigger makes the creator its admin. */
export async function createWorkspace(input: CreateWorkspaceInput): Promise<{ id: string; name: string }> {
  const { name } = createWorkspaceSchema.parse(input);
  const { data, error } = await supabase.from('workspaces').insert({ name }).select('id, name').single();
  if (error) throw error;
  return { id: data.id as string, name: data.name as string };
}

export function useCreateWorkspace({ onCreated }: { onCreated?: (workspace: { id: string; name: string }) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createWorkspace,
    onSuccess: async (workspace) => {
      // Show the new workspace at once (the creator is its admin); the refetch below confirms it.
      queryClient.setQueriesData<WorkspaceMembership[]>({ queryKey: [...workspaceKeys.all, 'memberships'] }, (old) =>
        old && !old.some((m) => m.workspace.id === workspace.id) ? [...old, { workspace, role: 'admin' }] : old,
      );
      onCreated?.(workspace);
      await queryClient.invalidateQueries({ queryKey: workspaceKeys.all });
    },
  });
}
