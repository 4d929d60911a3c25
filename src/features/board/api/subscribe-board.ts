import type { RealtimePostgresChangesPayload } from '@supabase/supabase-js';
import { openChannel } from '@/lib/realtime';
import type { ActionCardRow, BoardViewer } from '../types';

export type BoardChange =
  | { type: 'upsert'; row: ActionCardRow }
  | { type: 'delete'; id: string }
  | { type: 'signals' };

/**
 * One realtime channel per board: card changes of the workspace (postgres_changes filtered by workspace_id; RLS
 * decides who receives them), alert and correlation changes (for badges), and presence of who is looking.
 * The realtime client loads on demand, so the channel joins a moment after this returns. Returns the unsubscribe
 * function.
 */
export function subscribeToBoard(opts: {
  workspaceId: string;
  boardKey: string;
  me: BoardViewer;
  onChange: (change: BoardChange) => void;
  onViewers: (viewers: BoardViewer[]) => void;
  onStatus?: (status: string) => void;
}): () => void {
  const { workspaceId, me } = opts;
  const filter = `workspace_id=eq.${workspaceId}`;
  return openChannel(
    `board:${workspaceId}:${opts.boardKey}`,
    // Private: only members of the workspace may join, see who is here and appear here (realtime.messages policies).
    { config: { private: true, presence: { key: me.userId } } },
    (channel) => {
      channel
        .on('postgres_changes', { event: '*', schema: 'public', table: 'marketer_actions', filter }, (payload: RealtimePostgresChangesPayload<ActionCardRow>) => {
          if (payload.eventType === 'DELETE') {
            const id = (payload.old as Partial<ActionCardRow>).id;
            if (id) opts.onChange({ type: 'delete', id });
          } else {
            opts.onChange({ type: 'upsert', row: payload.new });
          }
        })
        .on('postgres_changes', { event: '*', schema: 'public', table: 'ai_alerts', filter }, () => opts.onChange({ type: 'signals' }))
        // The analysis rewrites change effects after new data: the cards' effect lines follow without a reload.
        .on('postgres_changes', { event: '*', schema: 'public', table: 'action_effects', filter }, () => opts.onChange({ type: 'signals' }))
        .on('presence', { event: 'sync' }, () => {
          const state = channel.presenceState<{ user_id: string; name: string }>();
          const viewers = new Map<string, BoardViewer>();
          for (const entries of Object.values(state)) {
            for (const entry of entries) if (entry.user_id) viewers.set(entry.user_id, { userId: entry.user_id, name: entry.name });
          }
          opts.onViewers([...viewers.values()]);
        })
        .subscribe((status) => {
          opts.onStatus?.(status);
          if (status === 'SUBSCRIBED') void channel.track({ user_id: me.userId, name: me.name });
        });
    },
    () => opts.onStatus?.('CHANNEL_ERROR'),
  );
}
