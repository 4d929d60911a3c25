import { openChannel } from '@/lib/realtime';

/** Live job-log and connection changes for a workspace (RLS decides who receives them). Returns the unsubscribe. */
export function subscribeToMetaSync(workspaceId: string, onChange: (table: 'meta_sync_runs' | 'meta_connections') => void): () => void {
  const filter = `workspace_id=eq.${workspaceId}`;
  return openChannel(`meta-sync:${workspaceId}:${Math.random().toString(36).slice(2, 8)}`, { config: { private: true } }, (channel) => {
    channel.on('postgres_changes', { event: '*', schema: 'public', table: 'meta_sync_runs', filter }, () => onChange('meta_sync_runs'));
    channel.on('postgres_changes', { event: '*', schema: 'public', table: 'meta_connections', filter }, () => onChange('meta_connections'));
    channel.subscribe();
  });
}
