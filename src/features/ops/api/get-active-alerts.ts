import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { supabase } from '@/lib/supabase';
import { opsKeys } from '../keys';

const workspaceIdSchema = z.uuid();

export interface OpsAlert {
  id: string;
  campaign_id: string;
  severity: string;
  title: string;
  detected_at: string;
  confidence: number;
  source: string;
}

/** The workspace's active alerts across campaigns, newest first. */
export async function getActiveAlerts(workspaceId: string): Promise<OpsAlert[]> {
  const { data, error } = await supabase
    .from('ai_alerts')
    .select('id, campaign_id, severity, title, detected_at, confidence, source')
    .eq('workspace_id', workspaceIdSchema.parse(workspaceId))
    .eq('status', 'active')
    .order('detected_at', { ascending: false })
    .limit(500);
  if (error) throw error;
  return data ?? [];
}

export function activeAlertsQueryOptions(workspaceId: string) {
  return queryOptions({ queryKey: opsKeys.activeAlerts(workspaceId), queryFn: () => getActiveAlerts(workspaceId) });
}

export function useActiveAlerts(workspaceId: string) {
  return useQuery(activeAlertsQueryOptions(workspaceId));
}
