import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { subscribeToAlerts } from '../api/subscribe-alerts';
import { alertKeys } from '@/entities/alerts';

/** Keeps every alert query of the workspace live; refetches after a reconnect, since changes made meanwhile were missed. */
export function useAlertsRealtime(workspaceId: string): { live: boolean } {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);
  const wasLive = useRef(false);
  useEffect(() => {
    const invalidate = () => void queryClient.invalidateQueries({ queryKey: alertKeys.workspace(workspaceId) });
    const unsubscribe = subscribeToAlerts(workspaceId, invalidate, (status) => {
      const subscribed = status === 'SUBSCRIBED';
      if (subscribed && wasLive.current) invalidate();
      if (subscribed) wasLive.current = true;
      setLive(subscribed);
    });
    return () => {
      unsubscribe();
      setLive(false);
    };
  }, [queryClient, workspaceId]);
  return { live };
}
