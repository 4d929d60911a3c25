/**
 * Stands in for `@supabase/realtime-js` inside supabase-js in the SPA build (vite.config.ts `deferSupabaseModules`),
 * so the websocket client (realtime-js + phoenix) is not part of the first load. supabase-js constructs this with
 * exactly the options it would give the real client and forwards token changes to `setAuth`; `load()` imports the
 * real client, builds it from those options and replays the last token. Use it through `openChannel` in
 * `@/lib/realtime`, never `supabase.channel()`.
 */
import type { RealtimeClient as RealClient, RealtimeClientOptions } from '@supabase/realtime-js';

export class RealtimeClient {
  private real: Promise<RealClient> | undefined;
  private lastAuth: { token?: string | null } | undefined;

  constructor(
    private readonly endPoint: string,
    private readonly options: RealtimeClientOptions,
  ) {}

  /** The real client, loaded and constructed on first call. */
  load(): Promise<RealClient> {
    this.real ??= import('@supabase/realtime-js').then(async ({ RealtimeClient: Real }) => {
      const client = new Real(this.endPoint, this.options);
      if (this.lastAuth) await client.setAuth(this.lastAuth.token);
      return client;
    });
    return this.real;
  }

  async setAuth(token?: string | null): Promise<void> {
    this.lastAuth = { token };
    if (this.real) await (await this.real).setAuth(token);
  }

  channel(): never {
    throw new Error('Realtime loads on demand in the SPA: open channels with openChannel() from @/lib/realtime.');
  }

  getChannels(): [] {
    return [];
  }

  async removeChannel(): Promise<'ok'> {
    return 'ok';
  }

  async removeAllChannels(): Promise<[]> {
    return [];
  }
}
