import type { RealtimeChannel } from '@supabase/supabase-js';
import { supabase } from './supabase';

type SubscribeCallback = Parameters<RealtimeChannel['subscribe']>[0];

/**
 * Subscribes a private channel (`config: { private: true }`) once the realtime socket carries the signed-in user's
 * JWT. realtime-js puts the token it holds at `subscribe()` into the join, and the project refuses private joins
 * that only carry the anon key (realtime.messages policies, supabase/migrations/20261201080000_…), so the token is
 * settled first. Returns a function that cancels a subscribe still waiting for it.
 */
export function subscribePrivateChannel(channel: RealtimeChannel, callback?: SubscribeCallback): () => void {
  let cancelled = false;
  void supabase.realtime
    .setAuth()
    .catch(() => undefined)
    .then(() => {
      if (!cancelled) channel.subscribe(callback);
    });
  return () => {
    cancelled = true;
  };
}
