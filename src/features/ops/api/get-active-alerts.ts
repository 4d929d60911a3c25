import { useAlerts } from '@/entities/alerts';
import type { AiAlert } from '@/lib/db';

/** What the ops page shows of an active alert. */
export type OpsAlert = Pick<AiAlert, 'id' | 'campaign_id' | 'severity' | 'title' | 'detected_at' | 'confidence' | 'source'>;

/** The workspace's active alerts across campaigns, newest first (the alerts entity's active view). */
export function useActiveAlerts(workspaceId: string) {
  return useAlerts(workspaceId, 'active');
}
