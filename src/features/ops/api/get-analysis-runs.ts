import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type { AnalysisRun } from '@/lib/db';
import { supabase } from '@/lib/supabase';
import { opsKeys } from '../keys';

const workspaceIdSchema = z.uuid();

/** The job log: the latest 25 analysis runs of the workspace, newest first. */
export async function getAnalysisRuns(workspaceId: string): Promise<AnalysisRun[]> {
  const { data, error } = await supabase
    .from('analysis_runs')
    .select('*')
    .eq('workspace_id', workspaceIdSchema.parse(workspaceId))
    .order('started_at', { ascending: false })
    .limit(25);
  if (error) throw error;
  return data ?? [];
}

export function analysisRunsQueryOptions(workspaceId: string) {
  return queryOptions({ queryKey: opsKeys.analysisRuns(workspaceId), queryFn: () => getAnalysisRuns(workspaceId) });
}

export function useAnalysisRuns(workspaceId: string) {
  return useQuery(analysisRunsQueryOptions(workspaceId));
}
