import { openChannel } from '@/lib/realtime';

/**
 * Changes that move the ops page, for one workspace (RLS decides who receives them): alerts raised or closed,
 * recommendations decided, new snapshots, logged execution. Returns the unsubscribe function.
 */
export function subscribeToOps(workspaceId: string, onChange: (table: string) => void, onStatus?: (status: string) => void): () => void {
  const filter = `workspace_id=eq.${workspaceId}`;
  return openChannel(
    `ops:${workspaceId}:${Math.random().toString(36).slice(2, 8)}`,
    { config: { private: true } },
    (channel) => {
      for (const table of ['ai_alerts', 'recommendations', 'performance_snapshots', 'campaign_phases', 'campaigns']) {
        channel.on('postgres_changes', { event: '*', schema: 'public', table, filter }, () => onChange(table));
      }
      channel.subscribe((status) => onStatus?.(status));
    },
    () => onStatus?.('CHANNEL_ERROR'),
  );
}
