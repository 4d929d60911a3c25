import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { subscribeToBoard } from '../api/subscribe-board';
import { alertKeys } from '@/entities/alerts';
import { boardKeys } from '../keys';
import type { BoardViewer } from '../types';
import { applyCardChanges, type CardChange } from '../utils/card-cache';

/**
 * Keeps the board live: another member's create, move or edit patches the cached cards as it arrives, alert
 * changes refresh the badges, and presence lists who else has this board open. After a reconnect the cards are
 * refetched, since changes made while offline were not delivered. Changes are applied in batches (one move
 * renumbers a whole column, i.e. many UPDATE events), so a burst renders once.
 */
export function useBoardRealtime(workspaceId: string, boardKey: string, me: BoardViewer): { viewers: BoardViewer[]; live: boolean } {
  const queryClient = useQueryClient();
  const [viewers, setViewers] = useState<BoardViewer[]>([]);
  const [live, setLive] = useState(false);
  const wasLive = useRef(false);
  const { userId, name } = me;

  useEffect(() => {
    let pending: CardChange[] = [];
    let timer: ReturnType<typeof setTimeout> | null = null;
    const flush = () => {
      timer = null;
      const batch = pending;
      pending = [];
      applyCardChanges(queryClient, workspaceId, batch);
    };
    const unsubscribe = subscribeToBoard({
      workspaceId,
      boardKey,
      me: { userId, name },
      onChange: (change) => {
        if (change.type === 'signals') {
          // Badges are the alerts entity's active view joined with the board's correlations and effects.
          void queryClient.invalidateQueries({ queryKey: alertKeys.workspace(workspaceId) });
          void queryClient.invalidateQueries({ queryKey: boardKeys.signals(workspaceId) });
          return;
        }
        pending.push(change);
        timer ??= setTimeout(flush, 32);
      },
      onViewers: setViewers,
      onStatus: (status) => {
        const subscribed = status === 'SUBSCRIBED';
        if (subscribed && wasLive.current) void queryClient.invalidateQueries({ queryKey: boardKeys.cards(workspaceId) });
        if (subscribed) wasLive.current = true;
        setLive(subscribed);
      },
    });
    return () => {
      if (timer) clearTimeout(timer);
      unsubscribe();
      setLive(false);
      setViewers([]);
    };
  }, [queryClient, workspaceId, boardKey, userId, name]);

  return { viewers, live };
}
