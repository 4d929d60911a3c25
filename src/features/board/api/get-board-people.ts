import { queryOptions, useQuery } from '@tanstack/react-query';
import { supabase } from '@/lib/supabase';
import { boardKeys } from '../keys';
import type { BoardPerson } from '../types';

/** The workspace's members with their names, for card authors. Profiles are readable by co-members. */
export async function getBoardPeople(workspaceId: string): Promise<BoardPerson[]> {
  const members = await supabase.from('workspace_members').select('user_id').eq('workspace_id', workspaceId);
  if (members.error) throw members.error;
  const ids = (members.data ?? []).map((m) => m.user_id);
  if (ids.length === 0) return [];
  const { data, error } = await supabase.from('profiles').select('id, full_name, email').in('id', ids);
  if (error) throw error;
  return (data ?? []).map((p) => ({ id: p.id, name: p.full_name?.trim() || p.email || 'Teammate', email: p.email }));
}

export function boardPeopleQueryOptions(workspaceId: string) {
  return queryOptions({ queryKey: boardKeys.people(workspaceId), queryFn: () => getBoardPeople(workspaceId), staleTime: 5 * 60_000 });
}

export function useBoardPeople(workspaceId: string) {
  return useQuery(boardPeopleQueryOptions(workspaceId));
}
