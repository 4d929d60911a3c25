import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type { Profile } from '@/lib/db';
import { supabase } from '@/lib/supabase';
import { opsKeys } from '../keys';

const idsSchema = z.array(z.uuid()).max(200);

export type Person = Pick<Profile, 'id' | 'full_name' | 'email'>;

/** Names of the people behind decisions and audit rows (RLS shows co-members' profiles). */
export async function getPeople(ids: readonly string[]): Promise<Record<string, Person>> {
  const parsed = idsSchema.parse(ids);
  if (parsed.length === 0) return {};
  const { data, error } = await supabase.from('profiles').select('id, full_name, email').in('id', parsed);
  if (error) throw error;
  return Object.fromEntries((data ?? []).map((p) => [p.id, p]));
}

export function peopleQueryOptions(workspaceId: string, ids: readonly string[]) {
  const unique = [...new Set(ids)].sort();
  return queryOptions({ queryKey: opsKeys.people(workspaceId, unique), queryFn: () => getPeople(unique), staleTime: 5 * 60_000 });
}

export function usePeople(workspaceId: string, ids: readonly (string | null)[]) {
  const present = ids.filter((id): id is string => !!id);
  return useQuery({ ...peopleQueryOptions(workspaceId, present), placeholderData: keepPreviousData });
}

