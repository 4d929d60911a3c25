import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { supabase } from '@/lib/supabase';
import { opsKeys } from '../keys';
import type { SnapshotRow } from '../utils/metrics';

const inputSchema = z.object({ workspaceId: z.uuid(), from: z.iso.date() });
export type OpsSnapshotsInput = z.input<typeof inputSchema>;

export const SNAPSHOT_COLUMNS = 'campaign_id, date, data_source, revenue, spend, conversions, impressions, clicks';

/** Every campaign's daily snapshots since `from` (inclusive), all data sources (the page picks one per campaign). */
export async function getOpsSnapshots(input: OpsSnapshotsInput): Promise<SnapshotRow[]> {
  const { workspaceId, from } = inputSchema.parse(input);
  const { data, error } = await supabase
    .from('performance_snapshots')
    .select(SNAPSHOT_COLUMNS)
    .eq('workspace_id', workspaceId)
    .gte('date', from)
    .order('date')
    .limit(10_000);
  if (error) throw error;
  return data ?? [];
}

export function opsSnapshotsQueryOptions(input: { workspaceId: string; from: string }) {
  return queryOptions({ queryKey: opsKeys.snapshots(input.workspaceId, input.from), queryFn: () => getOpsSnapshots(input) });
}

export function useOpsSnapshots(input: { workspaceId: string; from: string }) {
  return useQuery(opsSnapshotsQueryOptions(input));
}
