import { subscribePrivateChannel } from '@/lib/realtime';
import { supabase } from '@/lib/supabase';

/** New days of data, cards and correlations of one campaign as they land. Returns the unsubscribe function. */
export function subscribeToTimeline(campaignId: string, onChange: () => void): () => void {
  const filter = `campaign_id=eq.${campaignId}`;
  const channel = supabase
    .channel(`timeline:${campaignId}:${Math.random().toString(36).slice(2, 8)}`, { config: { private: true } })
    .on('postgres_changes', { event: '*', schema: 'public', table: 'performance_snapshots', filter }, onChange)
    .on('postgres_changes', { event: '*', schema: 'public', table: 'marketer_actions', filter }, onChange);
  const cancel = subscribePrivateChannel(channel);
  return () => {
    cancel();
    void supabase.removeChannel(channel);
  };
}
