import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type { Tables } from '@/lib/db';
import { supabase } from '@/lib/supabase';
import { opsKeys } from '../keys';

export type MetaSyncRun = Tables<'meta_sync_runs'>;

/** The Meta sync's job log: the latest 25 runs of the workspace, newest first. */
export async function getMetaSyncRuns(workspaceId: string): Promise<MetaSyncRun[]> {
  const { data, error } = await supabase
    .from('meta_sync_runs')
    .select('*')
    .eq('workspace_id', z.uuid().parse(workspaceId))
    .order('started_at', { ascending: false })
    .limit(25);
  if (error) throw error;
  return data ?? [];
}

export function useMetaSyncRuns(workspaceId: string) {
  return useQuery(queryOptions({ queryKey: opsKeys.metaSyncRuns(workspaceId), queryFn: () => getMetaSyncRuns(workspaceId) }));
}
