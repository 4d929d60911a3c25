import type { RealtimeChannel, RealtimeChannelOptions, RealtimeClient } from '@supabase/supabase-js';
import { supabase } from './supabase';

type MaybeDeferred = RealtimeClient & { load?: () => Promise<RealtimeClient> };

/** supabase-js's realtime client; in the SPA build it loads on first use (src/lib/supabase-deferred). */
export function realtimeClient(): Promise<RealtimeClient> {
  const realtime = supabase.realtime as MaybeDeferred;
  return realtime.load ? realtime.load() : Promise.resolve(realtime);
}

/**
 * `supabase.channel(name, options)` once the realtime client has loaded: `setup` adds the listeners and calls
 * `subscribe`. Returns the unsubscribe function, safe to call before the channel exists. `onLoadError` hears
 * when the client could not be loaded (e.g. the chunk failed to download).
 */
export function openChannel(
  name: string,
  options: RealtimeChannelOptions | undefined,
  setup: (channel: RealtimeChannel) => void,
  onLoadError?: (error: unknown) => void,
): () => void {
  let closed = false;
  let open: { client: RealtimeClient; channel: RealtimeChannel } | undefined;
  realtimeClient().then(
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
