import { openChannel } from '@/lib/realtime';

/**
 * Alert changes of one workspace as they happen (postgres_changes filtered by workspace_id; RLS decides who receives
 * them): a new alert from the analysis, one resolving itself when the metric recovers, a teammate dismissing one.
 * Returns the unsubscribe function.
 */
export function subscribeToAlerts(workspaceId: string, onChange: () => void, onStatus?: (status: string) => void): () => void {
  return openChannel(
    `alerts:${workspaceId}:${Math.random().toString(36).slice(2, 8)}`,
    { config: { private: true } },
    (channel) => {
      channel
        .on('postgres_changes', { event: '*', schema: 'public', table: 'ai_alerts', filter: `workspace_id=eq.${workspaceId}` }, () => onChange())
        .on('postgres_changes', { event: 'INSERT', schema: 'public', table: 'performance_snapshots', filter: `workspace_id=eq.${workspaceId}` }, () =>
          onChange(),
        )
        .subscribe((status) => onStatus?.(status));
    },
    () => onStatus?.('CHANNEL_ERROR'),
  );
}
