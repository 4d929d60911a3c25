import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { supabase } from '@/lib/supabase';
import { peopleKeys } from './keys';
import { personName, type Person } from './views';

const workspaceIdSchema = z.uuid();

/** The workspace's members with their names (profiles are readable by co-members). */
export async function getWorkspacePeople(workspaceId: string): Promise<Person[]> {
  const members = await supabase.from('workspace_members').select('user_id').eq('workspace_id', workspaceIdSchema.parse(workspaceId));
  if (members.error) throw members.error;
  const ids = (members.data ?? []).map((m) => m.user_id);
  if (ids.length === 0) return [];
  const { data, error } = await supabase.from('profiles').select('id, full_name, email').in('id', ids);
  if (error) throw error;
  return (data ?? []).map((p) => ({ ...p, name: personName(p) }));
}

export function workspacePeopleQueryOptions(workspaceId: string) {
  return queryOptions({ queryKey: peopleKeys.workspace(workspaceId), queryFn: () => getWorkspacePeople(workspaceId), staleTime: 5 * 60_000 });
}

/** The workspace's people, optionally mapped by a stable (module-level) `select`. */
export function useWorkspacePeople<T = Person[]>(workspaceId: string, select?: (people: Person[]) => T) {
  return useQuery({ ...workspacePeopleQueryOptions(workspaceId), select });
}
