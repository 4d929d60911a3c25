/**
 * Issue 11, item 9: realtime join limits as Supabase Realtime has them. A socket may join 100 channels, a user (or,
 * with the anon key alone, an address) may hold 100 sockets; past that the join is refused with Realtime's own
 * error, and subscribers already joined keep receiving.
 */
import { RealtimeClient, type RealtimeChannel } from '@supabase/realtime-js';
import { afterAll, describe, expect, it } from 'vitest';
import { signUpUser, stack } from '../support/clients.ts';

const sockets: RealtimeClient[] = [];
afterAll(() => sockets.forEach((s) => s.disconnect()));

function socket(token: string): RealtimeClient {
  const client = new RealtimeClient(`${stack().url}/realtime/v1`, { params: { apikey: stack().anonKey } });
  client.setAuth(token);
  sockets.push(client);
  return client;
}

/** Resolves with 'SUBSCRIBED' or the join's error message. */
function join(channel: RealtimeChannel): Promise<string> {
  return new Promise((resolve) => {
    channel.subscribe((status, err) => {
      if (status === 'SUBSCRIBED') resolve(status);
      else if (status === 'CHANNEL_ERROR') resolve(err?.message ?? status);
    });
  });
}

describe('realtime join limits', () => {
  it('refuses the 101st channel on one socket with ChannelRateLimitReached, and existing subscribers keep receiving', async () => {
    const flooder = await signUpUser();
    const listener = await signUpUser();
    const own = socket(listener.session.access_token);
    const room = own.channel('limits-room');
    const heard = new Promise((resolve) => room.on('broadcast', { event: 'ping' }, (m) => resolve(m.payload)));
    expect(await join(room)).toBe('SUBSCRIBED');

    const flood = socket(flooder.session.access_token);
    const first = flood.channel('limits-room');
    expect(await join(first)).toBe('SUBSCRIBED');
    const results = await Promise.all(Array.from({ length: 99 }, (_, i) => join(flood.channel(`limits-${i}`))));
    expect(results.every((r) => r === 'SUBSCRIBED')).toBe(true);
    expect(await join(flood.channel('limits-one-too-many'))).toContain('ChannelRateLimitReached: Too many channels');

    await first.send({ type: 'broadcast', event: 'ping', payload: { still: 'here' } });
    expect(await heard).toEqual({ still: 'here' });
  }, 60_000);

  it('refuses the 101st socket of one user with ConnectionRateLimitReached', async () => {
    const user = await signUpUser();
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => join(socket(user.session.access_token).channel(`conn-${i}`))));
    expect(results.every((r) => r === 'SUBSCRIBED')).toBe(true);
    expect(await join(socket(user.session.access_token).channel('conn-too-many'))).toContain('ConnectionRateLimitReached: Too many connected users');
  }, 60_000);
});
