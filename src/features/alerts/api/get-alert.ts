import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type { AiAlert, MarketerAction } from '@/lib/db';
import { chooseMetricSources, DELIVERY_METRICS, DERIVED_METRICS, mergeBySource, metricSourceLabel, OUTCOME_METRICS, type ReadableMetric } from '@domain/metric-sources.ts';

const READABLE = [...DELIVERY_METRICS, ...OUTCOME_METRICS, ...DERIVED_METRICS];
import { supabase } from '@/lib/supabase';
import { alertKeys } from '@/entities/alerts';
import { parseCorrelationData } from '../utils/alert-data';

export type AlertAction = Pick<MarketerAction, 'id' | 'title' | 'description' | 'action_type' | 'occurred_at' | 'status' | 'metadata' | 'reverts_action_id'>;

export interface AlertDetailData {
  alert: AiAlert;
  campaign: { id: string; name: string; currency: string } | null;
  triggerAction: AlertAction | null;
  revertAction: AlertAction | null;
  /** Daily values of the alert's metric from the first day of its counterfactual on (for recovery after the analysis). */
  laterValues: { date: string; value: number | null }[];
  /** Where the metric is read from ("from Meta"), by the rule the analysis uses; null without data. */
  metricSource: string | null;
}

const ACTION_COLUMNS = 'id, title, description, action_type, occurred_at, status, metadata, reverts_action_id';

/** One alert with its campaign, the action it blames, the card that reverted it and the metric's daily values since. */
export async function getAlert(alertId: string): Promise<AlertDetailData | null> {
  const id = z.uuid().safeParse(alertId);
  if (!id.success) return null;
  const { data: alert, error } = await supabase.from('ai_alerts').select('*').eq('id', id.data).maybeSingle();
  if (error) throw error;
  if (!alert) return null;

  const data = parseCorrelationData(alert.correlation_data);
  const metric = data.metric ?? 'sales';
  const from = data.counterfactual?.[0]?.date ?? alert.detected_at.slice(0, 10);
  const actionIds = [alert.trigger_action_id, alert.revert_action_id].filter((v): v is string => Boolean(v));
  const [campaign, actions, snapshots] = await Promise.all([
    supabase.from('campaigns').select('id, name, currency').eq('id', alert.campaign_id).maybeSingle(),
    actionIds.length ? supabase.from('marketer_actions').select(ACTION_COLUMNS).in('id', actionIds) : Promise.resolve({ data: [], error: null }),
    supabase.from('performance_snapshots').select('*').eq('campaign_id', alert.campaign_id).gte('date', from).order('date'),
  ]);
  if (campaign.error) throw campaign.error;
  if (actions.error) throw actions.error;
  if (snapshots.error) throw snapshots.error;

  // Each metric from the source that counts for it (domain rule), as the analysis reads it: sources never summed.
  const choice = chooseMetricSources(snapshots.data);
  const laterValues = mergeBySource(snapshots.data, choice).map((d) => {
    const raw = (d as Record<string, unknown>)[metric];
    return { date: d.date, value: raw === null || raw === undefined ? null : Number(raw) };
  });

  const byId = new Map((actions.data as AlertAction[]).map((a) => [a.id, a]));
  return {
    alert,
    campaign: campaign.data,
    triggerAction: alert.trigger_action_id ? (byId.get(alert.trigger_action_id) ?? null) : null,
    revertAction: alert.revert_action_id ? (byId.get(alert.revert_action_id) ?? null) : null,
    laterValues,
    metricSource: (READABLE as readonly string[]).includes(metric) ? metricSourceLabel(choice, metric as ReadableMetric) : null,
  };
}

export function alertQueryOptions(workspaceId: string, alertId: string) {
  return queryOptions({ queryKey: alertKeys.detail(workspaceId, alertId), queryFn: () => getAlert(alertId) });
}

export function useAlert(workspaceId: string, alertId: string) {
  return useQuery(alertQueryOptions(workspaceId, alertId));
}
