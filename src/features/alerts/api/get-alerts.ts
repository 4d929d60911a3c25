import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type { AiAlert } from '@/lib/db';
import { supabase } from '@/lib/supabase';
import { alertKeys } from '../keys';

export const alertsViewSchema = z.enum(['active', 'history']);
export type AlertsView = z.output<typeof alertsViewSchema>;

/** Active alerts (newest first), or the history of resolved and dismissed ones (most recently closed first). */
export async function getAlerts(workspaceId: string, view: AlertsView): Promise<AiAlert[]> {
  const query = supabase.from('ai_alerts').select('*').eq('workspace_id', workspaceId);
  const { data, error } =
    view === 'active'
      ? await query.eq('status', 'active').order('detected_at', { ascending: false }).limit(200)
      : await query.in('status', ['resolved', 'dismissed']).order('resolved_at', { ascending: false }).limit(200);
  if (error) throw error;
  return data;
}

export function alertsQueryOptions(workspaceId: string, view: AlertsView) {
  return queryOptions({ queryKey: alertKeys.list(workspaceId, view), queryFn: () => getAlerts(workspaceId, alertsViewSchema.parse(view)) });
}

export function useAlerts(workspaceId: string, view: AlertsView) {
  return useQuery(alertsQueryOptions(workspaceId, view));
}
