import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { supabase } from '@/lib/supabase';
import { opsKeys } from '../keys';
import type { SnapshotRow } from '../utils/metrics';
import { SNAPSHOT_COLUMNS } from './get-ops-snapshots';

const inputSchema = z.object({ workspaceId: z.uuid(), campaignId: z.uuid(), from: z.iso.date() });
export type CampaignDailyMetricsInput = z.input<typeof inputSchema>;

/** One campaign's daily snapshots since `from`, for the drilldown chart and funnel. */
export async function getCampaignDailyMetrics(input: CampaignDailyMetricsInput): Promise<SnapshotRow[]> {
  const { campaignId, from } = inputSchema.parse(input);
  const { data, error } = await supabase
    .from('performance_snapshots')
    .select(SNAPSHOT_COLUMNS)
    .eq('campaign_id', campaignId)
    .gte('date', from)
    .order('date')
    .limit(2_000);
  if (error) throw error;
  return data ?? [];
}

export function campaignDailyMetricsQueryOptions(input: CampaignDailyMetricsInput) {
  return queryOptions({
    queryKey: opsKeys.dailyMetrics(input.workspaceId, input.campaignId, input.from),
    queryFn: () => getCampaignDailyMetrics(input),
  });
}

export function useCampaignDailyMetrics(input: CampaignDailyMetricsInput | null) {
  return useQuery({
    ...campaignDailyMetricsQueryOptions(input ?? { workspaceId: '', campaignId: '', from: '' }),
    enabled: input !== null,
  });
}
