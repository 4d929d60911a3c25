/**
 * Issue 11, item 9: realtime join limits as Supabase Realtime has them. A socket may join 100 channels, a user (or,
 * with the anon key alone, an address) may hold 100 sockets; past that the join is refused with Realtime's own
 * error, and subscribers already joined keep receiving. Channels are private (the project allows no public ones),
 * on topics of the users' own workspace.
 */
import { RealtimeClient, type RealtimeChannel } from '@supabase/realtime-js';
import { afterAll, describe, expect, it } from 'vitest';
import { serviceClient, signUpUser, stack } from '../support/clients.ts';
import { must } from '../support/team.ts';

const sockets: RealtimeClient[] = [];
afterAll(() => sockets.forEach((s) => s.disconnect()));

function socket(token: string): RealtimeClient {
  const client = new RealtimeClient(`${stack().url}/realtime/v1`, { params: { apikey: stack().anonKey } });
  client.setAuth(token);
  sockets.push(client);
  return client;
}

/** A workspace of `owner`'s, with `others` added as marketers. */
async function workspaceOf(owner: Awaited<ReturnType<typeof signUpUser>>, ...others: Awaited<ReturnType<typeof signUpUser>>[]): Promise<string> {
  const ws = await must(owner.client.from('workspaces').insert({ name: 'Limits workspace' }).select().single(), 'workspace');
  for (const other of others) {
    await must(serviceClient().from('workspace_members').insert({ workspace_id: ws.id, user_id: other.user.id, role: 'marketer' }).select(), 'member');
  }
  return ws.id;
}

const privately = { config: { private: true } };

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
    const ws = await workspaceOf(listener, flooder);
    const own = socket(listener.session.access_token);
    const room = own.channel(`board:${ws}:limits-room`, privately);
    const heard = new Promise((resolve) => room.on('broadcast', { event: 'ping' }, (m) => resolve(m.payload)));
    expect(await join(room)).toBe('SUBSCRIBED');

    const flood = socket(flooder.session.access_token);
    const first = flood.channel(`board:${ws}:limits-room`, privately);
    expect(await join(first)).toBe('SUBSCRIBED');
    const results = await Promise.all(Array.from({ length: 99 }, (_, i) => join(flood.channel(`ops:${ws}:limits-${i}`, privately))));
    expect(results.every((r) => r === 'SUBSCRIBED')).toBe(true);
    expect(await join(flood.channel(`ops:${ws}:limits-one-too-many`, privately))).toContain('ChannelRateLimitReached: Too many channels');

    await first.send({ type: 'broadcast', event: 'ping', payload: { still: 'here' } });
    expect(await heard).toEqual({ still: 'here' });
  }, 60_000);

  it('refuses the 101st socket of one user with ConnectionRateLimitReached', async () => {
    const user = await signUpUser();
    const ws = await workspaceOf(user);
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => join(socket(user.session.access_token).channel(`ops:${ws}:conn-${i}`, privately))));
    expect(results.every((r) => r === 'SUBSCRIBED')).toBe(true);
    expect(await join(socket(user.session.access_token).channel(`ops:${ws}:conn-too-many`, privately))).toContain('ConnectionRateLimitReached: Too many connected users');
  }, 60_000);
});
