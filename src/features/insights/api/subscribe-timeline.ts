import { openChannel } from '@/lib/realtime';

/** New days of data, cards and correlations of one campaign as they land. Returns the unsubscribe function. */
export function subscribeToTimeline(campaignId: string, onChange: () => void): () => void {
  const filter = `campaign_id=eq.${campaignId}`;
  return openChannel(`timeline:${campaignId}:${Math.random().toString(36).slice(2, 8)}`, { config: { private: true } }, (channel) => {
    channel
      .on('postgres_changes', { event: '*', schema: 'public', table: 'performance_snapshots', filter }, onChange)
      .on('postgres_changes', { event: '*', schema: 'public', table: 'marketer_actions', filter }, onChange)
      .subscribe();
  });
}
