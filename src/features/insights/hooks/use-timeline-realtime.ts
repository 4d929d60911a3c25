import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { subscribeToTimeline } from '../api/subscribe-timeline';
import { insightKeys } from '../keys';

/** Refetches the campaign's timeline whenever its days of data or its cards change, for as long as it is shown. */
export function useTimelineRealtime(campaignId: string) {
  const queryClient = useQueryClient();
  useEffect(
    () => subscribeToTimeline(campaignId, () => void queryClient.invalidateQueries({ queryKey: insightKeys.timeline(campaignId) })),
    [campaignId, queryClient],
  );
}
