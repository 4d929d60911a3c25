/**
 * Hardening, realtime filters (issue 11, item 1): one subscriber's catastrophic-backtracking filter
 * (`name=match.^(a+)+$`) and another tenant's row named 40 × "a" + "!". With a backtracking RegExp the gateway
 * (which also serves REST and auth) spent 2^40 steps on that row; now the victim's own change still arrives.
 */
import type { RealtimeChannel, RealtimePostgresChangesPayload } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/database.types.ts';
import { signUpUser, type Client } from '../support/clients.ts';

type Change = RealtimePostgresChangesPayload<Database['public']['Tables']['campaigns']['Row']>;

interface Tenant {
  client: Client;
  workspaceId: string;
}

async function tenant(label: string): Promise<Tenant> {
  const { client } = await signUpUser();
  const { data, error } = await client.from('workspaces').insert({ name: `${label} workspace` }).select().single();
  if (error || !data) throw new Error(`workspace: ${error?.message}`);
  return { client, workspaceId: data.id };
}

/** Subscribes to campaign INSERTs; `next(name)` resolves with the first change for a campaign of that name. */
function watch(t: Tenant, channelName: string, filter: string) {
  const seen: Change[] = [];
  const waiters: { name: string; resolve: (c: Change) => void }[] = [];
  const channel: RealtimeChannel = t.client.channel(`ops:${t.workspaceId}:${channelName}`, { config: { private: true } }).on(
    'postgres_changes',
    { event: 'INSERT', schema: 'public', table: 'campaigns', filter },
    (change: Change) => {
      seen.push(change);
      for (const w of waiters) if ((change.new as { name?: string }).name === w.name) w.resolve(change);
    },
  );
  const ready = new Promise<void>((resolve, reject) =>
    void t.client.realtime.setAuth().then(() => channel.subscribe((status, err) => (status === 'SUBSCRIBED' ? resolve() : status === 'CLOSED' ? undefined : reject(new Error(`${status} ${err?.message ?? ''}`))))),
  );
  const next = (name: string) => new Promise<Change>((resolve) => waiters.push({ name, resolve }));
  return { seen, ready, next };
}

let attacker: Tenant;
let victim: Tenant;

beforeAll(async () => {
  [attacker, victim] = await Promise.all([tenant('Attacker'), tenant('Victim')]);
});

afterAll(async () => {
  await Promise.all([attacker?.client.removeAllChannels(), victim?.client.removeAllChannels()]);
});

describe('a hostile realtime filter', () => {
  it("does not stall the gateway on another tenant's row, and still matches what it should", async () => {
    const hostile = watch(attacker, 'redos', 'name=match.^(a+)+$');
    const own = watch(victim, 'own', `workspace_id=eq.${victim.workspaceId}`);
    await Promise.all([hostile.ready, own.ready]);

    const evil = `${'a'.repeat(40)}!`;
    const arrived = own.next(evil);
    const { error } = await victim.client.from('campaigns').insert({ workspace_id: victim.workspaceId, name: evil, objective: 'sales' });
    expect(error).toBeNull();
    expect((await arrived).new).toMatchObject({ name: evil, workspace_id: victim.workspaceId });
    // REST answers too: the gateway is not busy backtracking.
    const read = await victim.client.from('campaigns').select('name').eq('workspace_id', victim.workspaceId);
    expect(read.data).toEqual([{ name: evil }]);

    // The hostile subscriber's channel delivers what its pattern matches in its own workspace, and nothing else.
    const matched = hostile.next('aaaa');
    await attacker.client.from('campaigns').insert({ workspace_id: attacker.workspaceId, name: 'aaaa', objective: 'sales' });
    expect((await matched).new).toMatchObject({ name: 'aaaa' });
    expect(hostile.seen.map((c) => (c.new as { name: string }).name)).toEqual(['aaaa']);
  }, 30_000);
});
