import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { subscribeToOps } from '../api/subscribe-ops';
import { alertKeys } from '@/entities/alerts';
import { campaignKeys } from '@/entities/campaigns';
import { opsKeys } from '../keys';

/** Keeps the ops page live: a relevant change refetches its queries; a reconnect refetches what was missed meanwhile. */
export function useOpsRealtime(workspaceId: string): { live: boolean } {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);
  const wasLive = useRef(false);
  useEffect(() => {
    // A day's import writes many snapshot rows at once: refetch once after the burst, not per row.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const invalidate = () => {
      clearTimeout(timer);
      // The page reads campaigns and alerts through their entities, so those keys refresh with the ops ones.
      timer = setTimeout(() => {
        for (const queryKey of [opsKeys.workspace(workspaceId), campaignKeys.list(workspaceId), alertKeys.workspace(workspaceId)]) {
          void queryClient.invalidateQueries({ queryKey });
        }
      }, 400);
    };
    const unsubscribe = subscribeToOps(workspaceId, invalidate, (status) => {
      const subscribed = status === 'SUBSCRIBED';
      if (subscribed && wasLive.current) invalidate();
      if (subscribed) wasLive.current = true;
      setLive(subscribed);
    });
    return () => {
      clearTimeout(timer);
      unsubscribe();
      setLive(false);
    };
  }, [queryClient, workspaceId]);
  return { live };
}
