import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type { AiAlert } from '@/lib/db';
import { supabase } from '@/lib/supabase';
import { alertKeys } from './keys';

const workspaceIdSchema = z.uuid();
export const alertsViewSchema = z.enum(['active', 'history']);
export type AlertsView = z.output<typeof alertsViewSchema>;

/** The most alerts one view holds: enough for every campaign of a busy workspace, bounded so a page stays light. */
export const ALERTS_VIEW_LIMIT = 500;

/**
 * Active alerts (newest first), or the history of resolved and dismissed ones (most recently closed first), whole
 * rows: the alerts page, the ops ranking and the board's badges each take their view of the same cached list.
 */
export async function getAlerts(workspaceId: string, view: AlertsView): Promise<AiAlert[]> {
  const query = supabase.from('ai_alerts').select('*').eq('workspace_id', workspaceIdSchema.parse(workspaceId));
  const { data, error } =
    alertsViewSchema.parse(view) === 'active'
      ? await query.eq('status', 'active').order('detected_at', { ascending: false }).limit(ALERTS_VIEW_LIMIT)
      : await query.in('status', ['resolved', 'dismissed']).order('resolved_at', { ascending: false }).limit(ALERTS_VIEW_LIMIT);
  if (error) throw error;
  return data ?? [];
}

export function alertsQueryOptions(workspaceId: string, view: AlertsView) {
  return queryOptions({ queryKey: alertKeys.list(workspaceId, view), queryFn: () => getAlerts(workspaceId, view) });
}

/** One view of the workspace's alerts, optionally mapped by a stable (module-level) `select`. */
export function useAlerts<T = AiAlert[]>(workspaceId: string, view: AlertsView, select?: (alerts: AiAlert[]) => T) {
  return useQuery({ ...alertsQueryOptions(workspaceId, view), select });
}
