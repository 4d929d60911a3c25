import { subscribePrivateChannel } from '@/lib/realtime';
import { supabase } from '@/lib/supabase';

/**
 * Calls `onChange` whenever anyone inserts, updates or deletes a phase of this campaign (realtime postgres_changes;
 * RLS decides who hears it). Returns the unsubscribe function.
 */
export function subscribeToCampaignPhases(campaignId: string, onChange: () => void): () => void {
  const channel = supabase
    .channel(`campaign-phases:${campaignId}`, { config: { private: true } })
    .on('postgres_changes', { event: '*', schema: 'public', table: 'campaign_phases', filter: `campaign_id=eq.${campaignId}` }, () => onChange());
  const cancel = subscribePrivateChannel(channel);
  return () => {
    cancel();
    void supabase.removeChannel(channel);
  };
}
