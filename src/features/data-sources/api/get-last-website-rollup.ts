import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { supabase } from '@/lib/supabase';
import { dataSourceKeys } from '../keys';

const websiteRollupRunSchema = z.object({
  id: z.string(),
  trigger: z.enum(['ingest', 'schedule', 'manual']),
  status: z.enum(['running', 'succeeded', 'failed']),
  days: z.array(z.string()),
  rows_written: z.number().int(),
  rows_unchanged: z.number().int(),
  rows_quarantined: z.number().int(),
  unattributed: z.number().int(),
  other_currency: z.number().int(),
  error: z.string().nullable(),
  started_at: z.string(),
  finished_at: z.string().nullable(),
});
export type WebsiteRollupRun = z.output<typeof websiteRollupRunSchema>;

/** The workspace's latest website roll-up (website_rollup_runs), or null when none has run yet. */
export async function getLastWebsiteRollup(workspaceId: string): Promise<WebsiteRollupRun | null> {
  const { data, error } = await supabase
    .from('website_rollup_runs')
    .select('id, trigger, status, days, rows_written, rows_unchanged, rows_quarantined, unattributed, other_currency, error, started_at, finished_at')
    .eq('workspace_id', z.uuid().parse(workspaceId))
    .order('started_at', { ascending: false })
    .limit(1)
    .maybeSingle();
  if (error) throw error;
  return data ? websiteRollupRunSchema.parse(data) : null;
}

export function useLastWebsiteRollup(workspaceId: string) {
  return useQuery(queryOptions({ queryKey: dataSourceKeys.websiteRollup(workspaceId), queryFn: () => getLastWebsiteRollup(workspaceId) }));
}
