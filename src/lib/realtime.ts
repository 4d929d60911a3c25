import type { RealtimeChannel, RealtimeChannelOptions, RealtimeClient } from '@supabase/supabase-js';
import { supabase } from './supabase';

type MaybeDeferred = RealtimeClient & { load?: () => Promise<RealtimeClient> };

/** supabase-js's realtime client; in the SPA build it loads on first use (src/lib/supabase-deferred). */
export function realtimeClient(): Promise<RealtimeClient> {
  const realtime = supabase.realtime as MaybeDeferred;
  return realtime.load ? realtime.load() : Promise.resolve(realtime);
}

/**
 * `client.channel(name, options)` once the realtime client has loaded and its socket carries the signed-in user's
 * JWT: `setup` adds the listeners and calls `subscribe`. The app's channels are private (`config.private: true`) and
 * the project refuses private joins that carry only the anon key (realtime.messages policies, migration
 * 20261201080000), while realtime-js puts whatever token it holds at `subscribe()` into the join — so the token is
 * settled first. Returns the unsubscribe function, safe to call before the channel exists. `onLoadError` hears when
 * the client could not be loaded (e.g. the chunk failed to download).
 */
export function openChannel(
  name: string,
  options: RealtimeChannelOptions | undefined,
  setup: (channel: RealtimeChannel) => void,
  onLoadError?: (error: unknown) => void,
): () => void {
  let closed = false;
  let open: { client: RealtimeClient; channel: RealtimeChannel } | undefined;
  realtimeClient()
    .then(async (client) => {
      // Without a session there is no user token to put on the socket; the join is then refused, as it should be.
      await client.setAuth().catch(() => undefined);
      return client;
    })
    .then(
      (client) => {
        if (closed) return;
        const channel = client.channel(name, options);
        open = { client, channel };
        setup(channel);
      },
      (error: unknown) => onLoadError?.(error),
    );
  return () => {
    closed = true;
    if (open) void open.client.removeChannel(open.channel);
  };
}
