import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { supabase } from '@/lib/supabase';
import { insightKeys } from '../keys';
import type { TimelineAction, TimelineCorrelation, TimelineSnapshot } from '../utils/timeline-model';

export interface CorrelationTimelineData {
  actions: TimelineAction[];
  snapshots: TimelineSnapshot[];
  correlations: TimelineCorrelation[];
}

/** The campaign's last `days` days of snapshots, the actions in that span, and every correlation the analysis stored. */
export async function getCorrelationTimeline(campaignId: string, days = 21): Promise<CorrelationTimelineData> {
  const id = z.uuid().parse(campaignId);
  const snapshots = await supabase
    .from('performance_snapshots')
    .select('date, data_source, sales, revenue, conversions, roas, cpa, clicks, impressions, spend')
    .eq('campaign_id', id)
    .order('date', { ascending: false })
    .limit(days * 3);
  if (snapshots.error) throw snapshots.error;
  const rows = [...snapshots.data].reverse();
  const dates = [...new Set(rows.map((r) => r.date))].slice(-days);
  const from = dates[0];
  const [actions, correlations] = await Promise.all([
    (() => {
      let q = supabase
        .from('marketer_actions')
        .select('id, title, action_type, occurred_at, status, reverts_action_id')
        .eq('campaign_id', id)
        .neq('status', 'planned')
        .order('occurred_at')
        .limit(200);
      if (from) q = q.gte('occurred_at', `${from}T00:00:00Z`);
      return q;
    })(),
    supabase.from('correlations').select('id, action_id, metric, change_pct, confidence, strength, insight, method, details').eq('campaign_id', id).limit(500),
  ]);
  if (actions.error) throw actions.error;
  if (correlations.error) throw correlations.error;
  return {
    actions: actions.data,
    snapshots: rows.filter((r) => !from || r.date >= from) as TimelineSnapshot[],
    correlations: correlations.data.map((c) => ({ ...c, change_pct: Number(c.change_pct), confidence: Number(c.confidence) })),
  };
}

export function correlationTimelineQueryOptions(campaignId: string) {
  return queryOptions({ queryKey: insightKeys.timeline(campaignId), queryFn: () => getCorrelationTimeline(campaignId) });
}

export function useCorrelationTimeline(campaignId: string) {
  return useQuery(correlationTimelineQueryOptions(campaignId));
}
