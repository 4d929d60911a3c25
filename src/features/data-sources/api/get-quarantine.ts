import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { qualityReasonSchema } from '@domain/snapshot-quality.ts';
import { supabase } from '@/lib/supabase';
import { dataSourceKeys } from '../keys';

export interface QuarantinedRow {
  id: string;
  campaign_id: string;
  campaign: string;
  date: string;
  data_source: string;
  metrics: Record<string, number>;
  reasons: z.infer<typeof qualityReasonSchema>[];
  created_at: string;
}

const metricsSchema = z.record(z.string(), z.number());

/** The workspace's open quarantined rows, newest day first, with their reasons. */
export async function getQuarantine(workspaceId: string): Promise<QuarantinedRow[]> {
  const { data, error } = await supabase
    .from('quarantined_snapshots')
    .select('id, campaign_id, date, data_source, metrics, reasons, created_at, campaigns(name)')
    .eq('workspace_id', workspaceId)
    .eq('status', 'open')
    .order('date', { ascending: false })
    .limit(500);
  if (error) throw error;
  return data.map((r) => ({
    id: r.id,
    campaign_id: r.campaign_id,
    campaign: (r.campaigns as { name: string } | null)?.name ?? 'Unknown campaign',
    date: r.date,
    data_source: r.data_source,
    metrics: metricsSchema.catch({}).parse(r.metrics),
    reasons: z.array(qualityReasonSchema.partial({ metric: true }).passthrough()).catch([]).parse(r.reasons) as QuarantinedRow['reasons'],
    created_at: r.created_at,
  }));
}

export function useQuarantine(workspaceId: string) {
  return useQuery(queryOptions({ queryKey: dataSourceKeys.quarantine(workspaceId), queryFn: () => getQuarantine(workspaceId) }));
}
