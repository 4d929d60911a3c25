import { RealtimeClient as RealClient } from '@supabase/realtime-js';
import { describe, expect, it } from 'vitest';
import { RealtimeClient } from './realtime-js';

describe('the deferred realtime client supabase-js gets in the SPA build', () => {
  it('builds the real client from the options supabase-js passed, with the last token it was given', async () => {
    const deferred = new RealtimeClient('ws://127.0.0.1:1/realtime/v1', { params: { apikey: 'anon-key' } });
    await deferred.setAuth('first-token');
    await deferred.setAuth('user-token');
    const real = await deferred.load();
    expect(real).toBeInstanceOf(RealClient);
    expect(real.endPoint).toBe('ws://127.0.0.1:1/realtime/v1/websocket');
    expect(real.accessTokenValue).toBe('user-token');
    expect(await deferred.load()).toBe(real); // one real client, however often it is asked for
  });

  it('forwards token changes made after loading', async () => {
    const deferred = new RealtimeClient('ws://127.0.0.1:1/realtime/v1', { params: { apikey: 'anon-key' } });
    const real = await deferred.load();
    await deferred.setAuth('refreshed-token');
    expect(real.accessTokenValue).toBe('refreshed-token');
  });

  it('refuses supabase.channel(), which would bypass the lazy load', () => {
    expect(() => new RealtimeClient('ws://127.0.0.1:1/realtime/v1', {}).channel()).toThrow(/openChannel/);
  });
});
