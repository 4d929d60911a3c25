import { openChannel } from '@/lib/realtime';

/**
 * Calls `onChange` whenever anyone inserts, updates or deletes a phase of this campaign (realtime postgres_changes;
 * RLS decides who hears it). Returns the unsubscribe function.
 */
export function subscribeToCampaignPhases(campaignId: string, onChange: () => void): () => void {
  return openChannel(`campaign-phases:${campaignId}`, { config: { private: true } }, (channel) => {
    channel
      .on('postgres_changes', { event: '*', schema: 'public', table: 'campaign_phases', filter: `campaign_id=eq.${campaignId}` }, () => onChange())
      .subscribe();
  });
}
