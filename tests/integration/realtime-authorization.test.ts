/**
 * Issue 11, item 2: presence and broadcast authorization, Supabase's private-channel model. Before, anyone with
 * the anon key and a workspace id could join `board:<workspace>:all`, read who is online, track a fake viewer and
 * broadcast into it (also through POST /realtime/v1/api/broadcast). Now the project allows private channels only
 * ("Allow public access" off) and the RLS policies on realtime.messages let members of the topic's workspace in.
 * Every test drives the real realtime-js client (through supabase-js) against the local stack.
 */
import type { RealtimeChannel } from '@supabase/supabase-js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { anonClient, serviceClient, signUpUser, stack, type Client } from '../support/clients.ts';
import { makeTeam, must, type Team } from '../support/team.ts';
import { waitFor } from '../support/wait-for.ts';

interface Outsider {
  client: Client;
  token: string;
  workspaceId: string;
}

const opened: Client[] = [];

/** A client whose realtime socket carries its JWT before it joins, as the app settles it (src/lib/realtime.ts). */
async function ready(client: Client): Promise<Client> {
  opened.push(client);
  await client.realtime.setAuth();
  return client;
}

/** Resolves with 'SUBSCRIBED' or the refusal's message; a refused channel is removed so it does not rejoin. */
function join(client: Client, channel: RealtimeChannel): Promise<string> {
  return new Promise((resolve) => {
    channel.subscribe((status, err) => {
      if (status === 'SUBSCRIBED') resolve(status);
      else if (status === 'CHANNEL_ERROR' || status === 'TIMED_OUT') {
        void client.removeChannel(channel);
        resolve(err?.message ?? status);
      }
    });
  });
}

const unauthorized = (topic: string) => `Unauthorized: You do not have permissions to read from this Channel topic: ${topic}`;

async function httpBroadcast(body: unknown, token: string, path = '') {
  return fetch(`${stack().url}/realtime/v1/api/broadcast${path}`, {
    method: 'POST',
    headers: { apikey: stack().anonKey, authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

let team: Team;
let outsider: Outsider;
let memberToken: string;
let board: string;

beforeAll(async () => {
  team = await makeTeam('Victim');
  const person = await signUpUser();
  const ws = await must(person.client.from('workspaces').insert({ name: 'Outsider workspace' }).select().single(), 'outsider workspace');
  outsider = { client: person.client, token: person.session.access_token, workspaceId: ws.id };
  memberToken = (await team.members.viewer.client.auth.getSession()).data.session!.access_token;
  board = `board:${team.workspaceId}:all`;
}, 60_000);

// realtime-js hands back a client's existing channel for the same topic: every test starts without any.
afterEach(async () => {
  await Promise.all(opened.map((c) => c.removeAllChannels()));
});

afterAll(async () => {
  await Promise.all(opened.map((c) => c.removeAllChannels()));
});

/** The victim's admin on the board, tracked as a viewer, as the app puts them there. */
async function adminOnBoard(key: string) {
  const admin = await ready(team.members.admin.client);
  const channel = admin.channel(board, { config: { private: true, presence: { key } } }).on('presence', { event: 'sync' }, () => {});
  expect(await join(admin, channel)).toBe('SUBSCRIBED');
  expect(await channel.track({ user_id: team.members.admin.userId, name: 'Admin' })).toBe('ok');
  return channel;
}

describe('private board channels', () => {
  it("refuses an outsider's private join with CHANNEL_ERROR; a viewer member joins and sees who is online", async () => {
    await adminOnBoard('admin-1');

    const intruder = await ready(outsider.client);
    const spy = intruder.channel(board, { config: { private: true, presence: { key: 'intruder' } } }).on('presence', { event: 'sync' }, () => {});
    expect(await join(intruder, spy)).toBe(unauthorized(board));
    expect(spy.presenceState()).toEqual({});

    const viewer = await ready(team.members.viewer.client);
    const seat = viewer.channel(board, { config: { private: true, presence: { key: 'viewer-1' } } }).on('presence', { event: 'sync' }, () => {});
    expect(await join(viewer, seat)).toBe('SUBSCRIBED');
    await waitFor(() => seat.presenceState()['admin-1']?.length === 1, { what: "the admin's presence, for the viewer" });
    expect(await seat.track({ user_id: team.members.viewer.userId, name: 'Viewer' })).toBe('ok');
  });

  it("closes a removed member's channel when their token is refreshed (permissions are cached until then)", async () => {
    const leaver = await signUpUser();
    await must(serviceClient().from('workspace_members').insert({ workspace_id: team.workspaceId, user_id: leaver.user.id, role: 'viewer' }).select(), 'add');
    const client = await ready(leaver.client);
    const statuses: string[] = [];
    const channel = client.channel(board, { config: { private: true, presence: { key: 'leaver' } } }).on('presence', { event: 'sync' }, () => {});
    const joined = new Promise<void>((resolve) =>
      channel.subscribe((status) => {
        statuses.push(status);
        if (status === 'SUBSCRIBED') resolve();
      }),
    );
    await joined;
    await must(serviceClient().from('workspace_members').delete().eq('workspace_id', team.workspaceId).eq('user_id', leaver.user.id).select(), 'remove');
    // supabase-js hands the refreshed token to realtime-js, which sends it on the joined channel (access_token).
    const { error } = await client.auth.refreshSession();
    expect(error).toBeNull();
    await waitFor(() => statuses.includes('CLOSED'), { what: "the removed member's channel to close" });
    expect(statuses).toEqual(['SUBSCRIBED', 'CLOSED']);
  });

  it('refuses a client with only the anon key', async () => {
    const anon = await ready(anonClient());
    const channel = anon.channel(board, { config: { private: true, presence: { key: 'anon' } } }).on('presence', { event: 'sync' }, () => {});
    expect(await join(anon, channel)).toBe(unauthorized(board));
  });

  it('refuses public joins: presence, broadcast and postgres_changes channels must be private', async () => {
    const viewer = await ready(team.members.viewer.client);
    const publicBoard = viewer.channel(board, { config: { presence: { key: 'viewer-public' } } }).on('presence', { event: 'sync' }, () => {});
    expect(await join(viewer, publicBoard)).toBe('PrivateOnly: This project only allows private channels');
    const publicChanges = viewer
      .channel(`ops:${team.workspaceId}:public`)
      .on('postgres_changes', { event: '*', schema: 'public', table: 'campaigns', filter: `workspace_id=eq.${team.workspaceId}` }, () => {});
    expect(await join(viewer, publicChanges)).toBe('PrivateOnly: This project only allows private channels');
  });

  it('answers malformed and unknown topics with a refusal, and keeps serving', async () => {
    const viewer = await ready(team.members.viewer.client);
    const topics = [
      'board:not-a-uuid:all',
      'board:',
      'board',
      `board:${team.workspaceId}:all:extra`,
      `board:${team.workspaceId}';select pg_sleep(1)--`,
      `campaign-phases:${crypto.randomUUID()}`,
      `elsewhere:${team.workspaceId}:all`,
      `board:${team.workspaceId.toUpperCase().replace(/-/g, '')}:all`,
    ];
    for (const topic of topics) {
      expect(await join(viewer, viewer.channel(topic, { config: { private: true } }))).toBe(unauthorized(topic));
    }
    expect(await join(viewer, viewer.channel(`board:${team.workspaceId}:after-malformed`, { config: { private: true } }))).toBe('SUBSCRIBED');
  });
});

describe('broadcast into a private board', () => {
  /** A viewer listening for `move` broadcasts on the board. */
  async function listener(key: string) {
    const viewer = await ready(team.members.viewer.client);
    const heard: unknown[] = [];
    const channel = viewer.channel(board, { config: { private: true, presence: { key } } }).on('broadcast', { event: 'move' }, (m) => heard.push(m.payload));
    expect(await join(viewer, channel)).toBe('SUBSCRIBED');
    return heard;
  }

  it("drops an outsider's and the anon key's messages sent through the socket client and the batch HTTP API", async () => {
    const heard = await listener('listener-batch');
    // An unjoined channel's send() goes to POST /api/broadcast with `private: true`, as realtime-js does.
    const intruder = await ready(outsider.client);
    expect(await intruder.channel(board, { config: { private: true } }).send({ type: 'broadcast', event: 'move', payload: { from: 'outsider-client' } })).toBe('ok');
    const message = (from: string) => ({ messages: [{ topic: board, event: 'move', payload: { from }, private: true }] });
    expect((await httpBroadcast(message('outsider'), outsider.token)).status).toBe(202);
    expect((await httpBroadcast(message('anon'), stack().anonKey)).status).toBe(202);
    // Not private: it goes to the public room, which nobody can join on this project.
    expect((await httpBroadcast({ messages: [{ topic: board, event: 'move', payload: { from: 'public' } }] }, outsider.token)).status).toBe(202);
    // The member's message comes after all of them on the same socket: by then theirs were decided.
    expect((await httpBroadcast(message('member'), memberToken)).status).toBe(202);
    await waitFor(() => heard.length > 0, { what: "the member's broadcast" });
    expect(heard).toEqual([{ from: 'member' }]);
  });

  it('refuses the single-message HTTP API without a member JWT (403) and delivers with one (202)', async () => {
    const heard = await listener('listener-single');
    const path = `/${encodeURIComponent(board)}/events/move?private=true`;
    const anon = await httpBroadcast({ from: 'anon' }, stack().anonKey, path);
    expect([anon.status, await anon.json()]).toEqual([403, { message: 'Unauthorized' }]);
    expect((await httpBroadcast({ from: 'outsider' }, outsider.token, path)).status).toBe(403);
    expect((await httpBroadcast({ from: 'member' }, memberToken, path)).status).toBe(202);
    await waitFor(() => heard.length > 0, { what: "the member's broadcast" });
    expect(heard).toEqual([{ from: 'member' }]);
  });

  it("lets members broadcast to each other over the socket, and only members' channels hear it", async () => {
    const heard = await listener('listener-socket');
    const intruder = await ready(outsider.client);
    const overhear: unknown[] = [];
    const tap = intruder.channel(board, { config: { private: true } }).on('broadcast', { event: 'move' }, (m) => overhear.push(m.payload));
    expect(await join(intruder, tap)).toBe(unauthorized(board));
    const admin = await ready(team.members.admin.client);
    const sender = admin.channel(board, { config: { private: true, broadcast: { ack: true }, presence: { key: 'admin-sender' } } });
    expect(await join(admin, sender)).toBe('SUBSCRIBED');
    expect(await sender.send({ type: 'broadcast', event: 'move', payload: { from: 'admin' } })).toBe('ok');
    await waitFor(() => heard.length > 0, { what: "the admin's broadcast" });
    expect(heard).toEqual([{ from: 'admin' }]);
    expect(overhear).toEqual([]);
  });
});

describe("the app's other private channels", () => {
  it('let members receive postgres_changes on ops and campaign topics, and refuse outsiders', async () => {
    const admin = await ready(team.members.admin.client);
    const campaign = await must(
      admin.from('campaigns').insert({ workspace_id: team.workspaceId, name: 'Private channels', objective: 'sales' }).select().single(),
      'campaign',
    );
    const viewer = await ready(team.members.viewer.client);
    const seen: string[] = [];
    const ops = viewer
      .channel(`ops:${team.workspaceId}:test`, { config: { private: true } })
      .on('postgres_changes', { event: 'UPDATE', schema: 'public', table: 'campaigns', filter: `workspace_id=eq.${team.workspaceId}` }, (p) =>
        seen.push((p.new as { name: string }).name),
      );
    expect(await join(viewer, ops)).toBe('SUBSCRIBED');
    for (const topic of [`timeline:${campaign.id}:test`, `campaign-phases:${campaign.id}`, `alerts:${team.workspaceId}:test`, `meta-sync:${team.workspaceId}:test`]) {
      expect(await join(viewer, viewer.channel(topic, { config: { private: true } }))).toBe('SUBSCRIBED');
    }
    const intruder = await ready(outsider.client);
    for (const topic of [`ops:${team.workspaceId}:x`, `timeline:${campaign.id}:x`, `campaign-phases:${campaign.id}`, `alerts:${team.workspaceId}:x`]) {
      expect(await join(intruder, intruder.channel(topic, { config: { private: true } }))).toBe(unauthorized(topic));
    }

    await must(admin.from('campaigns').update({ name: 'Private channels, renamed' }).eq('id', campaign.id).select(), 'rename');
    await waitFor(() => seen.length > 0, { what: 'the campaign update on the private ops channel' });
    expect(seen).toEqual(['Private channels, renamed']);
  });

  it('refuse presence from members on channels that only carry postgres_changes: only boards take writes', async () => {
    const viewer = await ready(team.members.viewer.client);
    const ops = viewer.channel(`ops:${team.workspaceId}:presence`, { config: { private: true, presence: { key: 'viewer-ops' } } }).on('presence', { event: 'sync' }, () => {});
    expect(await join(viewer, ops)).toBe('SUBSCRIBED');
    expect(await ops.track({ user_id: team.members.viewer.userId })).toBe('error');
    const onBoard = viewer.channel(`board:${team.workspaceId}:presence`, { config: { private: true, presence: { key: 'viewer-board' } } }).on('presence', { event: 'sync' }, () => {});
    expect(await join(viewer, onBoard)).toBe('SUBSCRIBED');
    expect(await onBoard.track({ user_id: team.members.viewer.userId })).toBe('ok');
  });
});
