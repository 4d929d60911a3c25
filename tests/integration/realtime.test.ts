/**
 * Realtime through the whole local stack (gateway → realtime service → PostgREST → database), as the SPA uses
 * it: private channels (the project allows no public ones), postgres_changes on campaigns scoped by workspace
 * membership (RLS), a workspace filter, broadcast and presence between two members of a workspace. The protocol in depth is covered by
 * scripts/local-stack/realtime/realtime.fixture.test.ts.
 */
import type { RealtimeChannel, RealtimePostgresChangesPayload } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/database.types.ts';
import { serviceClient, signUpUser, type Client } from '../support/clients.ts';
import { waitFor } from '../support/wait-for.ts';

type Campaign = Database['public']['Tables']['campaigns']['Row'];
type Change = RealtimePostgresChangesPayload<Campaign>;

interface Member {
  client: Client;
  userId: string;
  workspaceId: string;
}

function subscribe(channel: RealtimeChannel): Promise<RealtimeChannel> {
  return new Promise((resolve, reject) => {
    channel.subscribe((status, err) => {
      if (status === 'SUBSCRIBED') resolve(channel);
      else if (status !== 'CLOSED') reject(new Error(`${status}: ${err?.message ?? ''}`));
    });
  });
}

async function member(label: string): Promise<Member> {
  const { client, user } = await signUpUser(`${label}-${crypto.randomUUID().slice(0, 8)}@example.com`);
  const { data, error } = await client.from('workspaces').insert({ name: `${label} workspace` }).select().single();
  if (error || !data) throw new Error(`workspace for ${label}: ${error?.message}`);
  return { client, userId: user.id, workspaceId: data.id };
}

function watchCampaigns(m: Member, name: string, filter?: string) {
  const seen: Change[] = [];
  const channel = m.client
    .channel(`ops:${m.workspaceId}:${name}`, { config: { private: true } })
    .on('postgres_changes', { event: '*', schema: 'public', table: 'campaigns', ...(filter ? { filter } : {}) }, (p: Change) =>
      seen.push(p),
    );
  return { seen, ready: subscribe(channel) };
}

describe('realtime through the local stack', () => {
  let alice: Member;
  let bob: Member;

  beforeAll(async () => {
    [alice, bob] = await Promise.all([member('alice'), member('bob')]);
  });

  afterAll(async () => {
    await Promise.all([alice?.client.removeAllChannels(), bob?.client.removeAllChannels()]);
  });

  it("delivers a campaign's changes to its workspace members only", async () => {
    const aliceAll = watchCampaigns(alice, 'alice-campaigns');
    const aliceFiltered = watchCampaigns(alice, 'alice-ws', `workspace_id=eq.${alice.workspaceId}`);
    const bobAll = watchCampaigns(bob, 'bob-campaigns');
    await Promise.all([aliceAll.ready, aliceFiltered.ready, bobAll.ready]);

    const t0 = performance.now();
    const { data: campaign, error } = await alice.client
      .from('campaigns')
      .insert({ workspace_id: alice.workspaceId, name: 'Spring launch', objective: 'sales', budget: 1200.5, keywords: ['a', 'b'] })
      .select()
      .single();
    expect(error).toBeNull();
    const inserted = await waitFor(() => aliceFiltered.seen[0], { what: 'insert for alice' });
    console.log(`realtime insert→delivery through the stack: ${(performance.now() - t0).toFixed(0)} ms (includes the REST insert)`);
    expect(inserted.eventType).toBe('INSERT');
    expect(inserted.new).toMatchObject({ id: campaign!.id, name: 'Spring launch', budget: 1200.5, keywords: ['a', 'b'] });

    await alice.client.from('campaigns').update({ name: 'Spring launch, renamed' }).eq('id', campaign!.id);
    const updated = await waitFor(() => aliceAll.seen.find((c) => c.eventType === 'UPDATE'), { what: 'update for alice' });
    expect(updated.new).toMatchObject({ id: campaign!.id, name: 'Spring launch, renamed' });
    expect(updated.old).toEqual({ id: campaign!.id });

    // Bob's channel delivers (his own change arrives), and changes reach a subscriber in commit order: by the time
    // his arrives, Alice's two were already decided for him. He got none of them.
    const { data: own } = await bob.client.from('campaigns').insert({ workspace_id: bob.workspaceId, name: 'Bob only', objective: 'leads' }).select().single();
    await waitFor(() => bobAll.seen.find((c) => c.eventType === 'INSERT' && (c.new as Campaign).id === own!.id), { what: "bob's own insert" });
    expect(bobAll.seen.map((c) => (c.new as Campaign).id)).toEqual([own!.id]);
  });

  it('broadcasts and shares presence between two members of a workspace', async () => {
    const { client: carolClient, user: carol } = await signUpUser();
    const { error } = await serviceClient().from('workspace_members').insert({ workspace_id: alice.workspaceId, user_id: carol.id, role: 'viewer' });
    expect(error).toBeNull();
    await Promise.all([alice.client.realtime.setAuth(), carolClient.realtime.setAuth()]);
    const board = `board:${alice.workspaceId}:shared`;
    const received: unknown[] = [];
    const a = alice.client.channel(board, { config: { private: true, broadcast: { ack: true }, presence: { key: alice.userId } } });
    const b = carolClient
      .channel(board, { config: { private: true, presence: { key: carol.id } } })
      .on('broadcast', { event: 'card-moved' }, (m) => received.push(m.payload));
    a.on('presence', { event: 'sync' }, () => {});
    b.on('presence', { event: 'sync' }, () => {});
    await Promise.all([subscribe(a), subscribe(b)]);

    expect(await a.send({ type: 'broadcast', event: 'card-moved', payload: { card: 'c1', to: 'done' } })).toBe('ok');
    await waitFor(() => received.length === 1, { what: 'broadcast' });
    expect(received[0]).toEqual({ card: 'c1', to: 'done' });

    expect(await a.track({ viewing: 'board' })).toBe('ok');
    await waitFor(() => b.presenceState()[alice.userId]?.length === 1, { what: 'presence join' });
    expect(await alice.client.removeChannel(a)).toBe('ok');
    await waitFor(() => !b.presenceState()[alice.userId], { what: 'presence leave' });
    await carolClient.removeAllChannels();
  });
});
