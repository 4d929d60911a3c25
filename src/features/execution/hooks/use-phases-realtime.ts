import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { subscribeToCampaignPhases } from '../api/subscribe-campaign-phases';
import { executionKeys } from '../keys';

/** Keeps the phases (and so the drift) live for everyone looking at the campaign. */
export function usePhasesRealtime(campaignId: string) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!campaignId) return;
    return subscribeToCampaignPhases(campaignId, () => {
      void queryClient.invalidateQueries({ queryKey: executionKeys.phases(campaignId) });
      // Starting a phase can move the campaign from planned to active (campaigns are not broadcast themselves).
      void queryClient.invalidateQueries({ queryKey: ['campaigns'] });
    });
  }, [campaignId, queryClient]);
}
