// Drives the realtime service with the real supabase-js client (and raw Phoenix frames) against its own
// fixture: its own embedded PostgreSQL (or the server REALTIME_FIXTURE_PG names) + PostgREST + the service.
import { randomUUID } from 'node:crypto';
import { createClient, type RealtimeChannel, type SupabaseClient } from '@supabase/supabase-js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import WebSocket from 'ws';
import { startRealtimeFixture, type RealtimeFixture } from '../../scripts/local-stack/realtime/test-fixture.ts';
import { waitFor } from '../support/wait-for.ts';

const ALICE = randomUUID();
const BOB = randomUUID();
const HEARTBEAT_MS = 400;

type Change = { eventType: string; new: Record<string, unknown>; old: Record<string, unknown>; table: string };

/** The shared `waitFor` with this file's argument order (probe, timeout, what). */
const until = <T>(read: () => T, timeoutMs = 5000, what = 'condition') => waitFor(read, { timeoutMs, what, intervalMs: 10 });

describe('realtime service against supabase-js', { timeout: 15_000 }, () => {
  let fx: RealtimeFixture;
  const clients: SupabaseClient[] = [];

  // realtime-js queues the first phx_join before the accessToken callback resolves and never re-sends the token
  // when it then resolves (the value is unchanged), so a channel subscribed right after createClient() would join
  // with the URL apikey, on hosted Supabase too. Settle the token first, as an app does once its session loads.
  async function client(token?: string): Promise<SupabaseClient> {
    const c = createClient(fx.url, fx.anonKey, {
      ...(token ? { accessToken: async () => token } : { auth: { persistSession: false, autoRefreshToken: false } }),
      realtime: { heartbeatIntervalMs: HEARTBEAT_MS },
    });
    clients.push(c);
    if (token) await c.realtime.setAuth(token);
    return c;
  }

  function subscribe(channel: RealtimeChannel): Promise<RealtimeChannel> {
    return new Promise((resolve, reject) => {
      channel.subscribe((status, err) => {
        if (status === 'SUBSCRIBED') resolve(channel);
        else if (status !== 'CLOSED') reject(new Error(`${status}: ${err?.message ?? ''}`));
      });
    });
  }

  function watchNotes(c: SupabaseClient, name: string, event: '*' | 'INSERT' | 'UPDATE' | 'DELETE', filter?: string) {
    const seen: Change[] = [];
    const channel = c
      .channel(name)
      .on('postgres_changes' as never, { event, schema: 'public', table: 'notes', ...(filter ? { filter } : {}) }, (p: Change) => seen.push(p));
    return { seen, ready: subscribe(channel), channel };
  }

  beforeAll(async () => {
    fx = await startRealtimeFixture({ idleTimeoutMs: 1500 });
  }, 60_000);

  afterAll(async () => {
    for (const c of clients) await c.removeAllChannels();
    await fx?.stop();
  }, 30_000);

  it('delivers an INSERT to the owner and not to another user', async () => {
    const alice = watchNotes(await client(await fx.userToken(ALICE)), 'a-insert', 'INSERT');
    const bob = watchNotes(await client(await fx.userToken(BOB)), 'b-insert', 'INSERT');
    await Promise.all([alice.ready, bob.ready]);
    await fx.db.query(`insert into notes (owner, body, n, tags) values ($1, 'alice-1', 7, '{x,y}')`, [ALICE]);
    const change = await until(() => alice.seen[0], 5000, 'alice insert');
    expect(change.eventType).toBe('INSERT');
    expect(change.new).toMatchObject({ owner: ALICE, body: 'alice-1', n: 7, done: false, tags: ['x', 'y'] });
    // Bob's channel delivers (his own note arrives), and a subscriber gets changes in commit order: by then Alice's
    // was already decided for him. He got only his own.
    await fx.db.query(`insert into notes (owner, body) values ($1, 'bob-marker')`, [BOB]);
    await until(() => bob.seen.length >= 1, 5000, "bob's own insert");
    expect(bob.seen.map((c) => c.new.body)).toEqual(['bob-marker']);
  });

  it('delivers UPDATE with the primary key in old, DELETE with only the key, and * for all three', async () => {
    const all = watchNotes(await client(await fx.userToken(ALICE)), 'a-all', '*');
    const updates = watchNotes(await client(await fx.userToken(ALICE)), 'a-upd', 'UPDATE');
    const deletes = watchNotes(await client(await fx.userToken(ALICE)), 'a-del', 'DELETE');
    const bobAll = watchNotes(await client(await fx.userToken(BOB)), 'b-all', '*');
    await Promise.all([all.ready, updates.ready, deletes.ready, bobAll.ready]);
    const { rows } = await fx.db.query(`insert into notes (owner, body) values ($1, 'x') returning id`, [ALICE]);
    const id = rows[0].id as string;
    // Like hosted Supabase, read access is checked against the row as it is when the change is processed, so
    // an insert deleted before delivery is dropped: wait for each step.
    await until(() => all.seen.length === 1, 5000, 'insert');
    await fx.db.query(`update notes set body = 'y' where id = $1`, [id]);
    await until(() => all.seen.length === 2, 5000, 'update');
    await fx.db.query(`delete from notes where id = $1`, [id]);
    await until(() => all.seen.length === 3, 5000, 'delete');
    expect(all.seen.map((c) => c.eventType)).toEqual(['INSERT', 'UPDATE', 'DELETE']);
    expect(updates.seen).toHaveLength(1);
    expect(updates.seen[0].new).toMatchObject({ id, body: 'y' });
    expect(updates.seen[0].old).toEqual({ id });
    await until(() => deletes.seen.length === 1, 2000, 'delete');
    expect(deletes.seen[0].old).toEqual({ id });
    // Hosted Supabase does not RLS-filter deletes: Bob sees the key of the deleted row only. His own note, committed
    // after, arriving proves his channel delivers and that Alice's insert and update were withheld, not late.
    await fx.db.query(`insert into notes (owner, body) values ($1, 'bob-marker')`, [BOB]);
    await until(() => bobAll.seen.some((c) => c.eventType === 'INSERT'), 5000, "bob's own insert");
    expect(bobAll.seen.map((c) => c.eventType)).toEqual(['DELETE', 'INSERT']);
    expect(bobAll.seen[0].old).toEqual({ id });
  });

  it('stops delivering updates once the row is no longer readable', async () => {
    const alice = watchNotes(await client(await fx.userToken(ALICE)), 'a-handover', 'UPDATE');
    const bob = watchNotes(await client(await fx.userToken(BOB)), 'b-handover', 'UPDATE');
    await Promise.all([alice.ready, bob.ready]);
    const { rows } = await fx.db.query(`insert into notes (owner, body) values ($1, 'mine') returning id`, [ALICE]);
    await fx.db.query(`update notes set owner = $2 where id = $1`, [rows[0].id, BOB]);
    await until(() => bob.seen.length === 1, 5000, 'bob update');
    // Alice's channel still delivers updates of her own notes; the handed-over one was not among them.
    const { rows: own } = await fx.db.query(`insert into notes (owner, body) values ($1, 'still mine') returning id`, [ALICE]);
    await fx.db.query(`update notes set body = 'still mine, edited' where id = $1`, [own[0].id]);
    await until(() => alice.seen.length >= 1, 5000, "alice's own update");
    expect(alice.seen.map((c) => c.new.id)).toEqual([own[0].id]);
  });

  it('delivers changes in commit order, not in the order the transactions began', async () => {
    const alice = watchNotes(await client(await fx.userToken(ALICE)), 'a-order', 'INSERT', 'body=like.order-%');
    await alice.ready;
    const early = new pg.Client({ connectionString: fx.dbUrl });
    await early.connect();
    try {
      await early.query('begin');
      await early.query(`insert into notes (owner, body) values ($1, 'order-begun-first')`, [ALICE]);
      // Both commit at once, so a feed that read the queue in capture order would deliver them reversed.
      await fx.db.query(`insert into notes (owner, body) values ($1, 'order-committed-first')`, [ALICE]);
      await early.query('commit');
      await until(() => alice.seen.length === 2, 5000, 'both commits');
      expect(alice.seen.map((c) => c.new.body)).toEqual(['order-committed-first', 'order-begun-first']);
    } finally {
      await early.end();
    }
  });

  it('checks each subscriber’s RLS over a many-row transaction and delivers every row to its owner only', async () => {
    const alices = await Promise.all(['a-batch-1', 'a-batch-2', 'a-batch-3'].map(async (n) => watchNotes(await client(await fx.userToken(ALICE)), n, 'INSERT', 'body=like.batch-%')));
    const bob = watchNotes(await client(await fx.userToken(BOB)), 'b-batch', 'INSERT', 'body=like.batch-%');
    await Promise.all([...alices.map((a) => a.ready), bob.ready]);
    await fx.db.query(
      `insert into notes (owner, body) select case when i % 2 = 0 then $1::uuid else $2::uuid end, 'batch-' || i from generate_series(1, 30) i`,
      [ALICE, BOB],
    );
    for (const a of alices) await until(() => a.seen.length === 15, 5000, 'alice batch');
    await until(() => bob.seen.length === 15, 5000, 'bob batch');
    for (const a of alices) expect(a.seen.every((c) => c.new.owner === ALICE)).toBe(true);
    expect(bob.seen.map((c) => c.new.body)).toEqual(Array.from({ length: 15 }, (_, i) => `batch-${2 * i + 1}`));
  });

  it('loses no change while its database connection is down, and delivers them in order after reconnecting', async () => {
    const alice = watchNotes(await client(await fx.userToken(ALICE)), 'a-reconnect', 'INSERT', 'body=like.gap-%');
    await alice.ready;
    const feedPid = async () =>
      (await fx.db.query(`select pid from pg_stat_activity where application_name = 'mot-realtime-feed' and datname = current_database()`)).rows[0]?.pid as
        | number
        | undefined;
    const before = await feedPid();
    expect(before).toBeTypeOf('number');
    await fx.db.query('select pg_terminate_backend($1)', [before]);
    for (let i = 0; i < 5; i++) await fx.db.query(`insert into notes (owner, body) values ($1, $2)`, [ALICE, `gap-${i}`]);
    await until(() => alice.seen.length === 5, 10_000, 'changes made while disconnected');
    const after = await feedPid();
    expect(after).toBeTypeOf('number');
    expect(after).not.toBe(before);
    await fx.db.query(`insert into notes (owner, body) values ($1, 'gap-after')`, [ALICE]);
    await until(() => alice.seen.length === 6, 5000, 'a change after reconnecting');
    expect(alice.seen.map((c) => c.new.body)).toEqual(['gap-0', 'gap-1', 'gap-2', 'gap-3', 'gap-4', 'gap-after']);
  });

  it('applies eq and in filters', async () => {
    const c = await client(await fx.userToken(ALICE));
    const eq = watchNotes(c, 'a-eq', 'INSERT', 'body=eq.match me');
    const inList = watchNotes(c, 'a-in', 'INSERT', 'n=in.(1,3)');
    const notEq = watchNotes(c, 'a-noteq', 'INSERT', 'body=not.eq.match me');
    await Promise.all([eq.ready, inList.ready, notEq.ready]);
    await fx.db.query(`insert into notes (owner, body, n) values ($1, 'other', 3), ($1, 'match me', 2)`, [ALICE]);
    await until(() => eq.seen.length === 1 && inList.seen.length === 1 && notEq.seen.length === 1, 5000, 'filtered');
    // Markers each filter lets through, committed after: once they arrive, whatever else the first batch would have
    // sent had arrived too.
    await fx.db.query(`insert into notes (owner, body, n) values ($1, 'match me', 1), ($1, 'marker', 1)`, [ALICE]);
    await until(() => eq.seen.length === 2 && inList.seen.length === 3 && notEq.seen.length === 2, 5000, 'markers');
    expect(eq.seen.map((s) => s.new.body)).toEqual(['match me', 'match me']);
    expect(inList.seen.map((s) => s.new.n)).toEqual([3, 1, 1]);
    expect(notEq.seen.map((s) => s.new.body)).toEqual(['other', 'marker']);
  });

  it('broadcasts between two clients honouring self and ack', async () => {
    const got = { a: [] as unknown[], b: [] as unknown[], self: [] as unknown[], bin: [] as unknown[] };
    const a = (await client())
      .channel('room1', { config: { broadcast: { self: false, ack: true } } })
      .on('broadcast', { event: 'ping' }, (m) => got.a.push(m.payload));
    const b = (await client())
      .channel('room1')
      .on('broadcast', { event: 'ping' }, (m) => got.b.push(m.payload))
      .on('broadcast', { event: 'bin' }, (m) => got.bin.push(m.payload));
    const s = (await client())
      .channel('room1', { config: { broadcast: { self: true } } })
      .on('broadcast', { event: 'ping' }, (m) => got.self.push(m.payload));
    await Promise.all([subscribe(a), subscribe(b), subscribe(s)]);
    expect(await a.send({ type: 'broadcast', event: 'ping', payload: { n: 1, s: 'é' } })).toBe('ok');
    await until(() => got.b.length === 1 && got.self.length === 1, 3000, 'ping from a');
    expect(got.b[0]).toEqual({ n: 1, s: 'é' });
    expect(await s.send({ type: 'broadcast', event: 'ping', payload: { n: 2 } })).toBe('ok');
    await until(() => got.self.length === 2 && got.a.length === 1 && got.b.length === 2, 3000, 'ping from s');
    // Broadcasts reach a member in the order sent: had `a` been sent its own ping 1, it would precede ping 2.
    expect(got.a).toEqual([{ n: 2 }]);

    // Raw bytes travel as binary frames both ways (kind 3 in, kind 4 out).
    await a.send({ type: 'broadcast', event: 'bin', payload: new Uint8Array([1, 2, 250]).buffer });
    await until(() => got.bin.length === 1, 3000, 'binary broadcast');
    expect([...new Uint8Array(got.bin[0] as ArrayBuffer)]).toEqual([1, 2, 250]);

    // REST fallback (channel not joined) and httpSend reach the joined members.
    const rest = (await client()).channel('room1');
    expect(await rest.send({ type: 'broadcast', event: 'ping', payload: { n: 3 } })).toBe('ok');
    expect(await rest.httpSend('ping', { n: 4 })).toEqual({ success: true });
    await until(() => got.b.length === 4, 3000, 'http broadcasts');
    expect(got.b.slice(2)).toEqual([{ n: 3 }, { n: 4 }]);
  });

  it('syncs presence joins and leaves between two clients', async () => {
    const events: string[] = [];
    const a = (await client()).channel('lobby', { config: { presence: { key: 'alice' } } });
    const b = (await client()).channel('lobby', { config: { presence: { key: 'bob' } } });
    b.on('presence', { event: 'sync' }, () => events.push('sync'))
      .on('presence', { event: 'join' }, ({ key }) => events.push(`join:${key}`))
      .on('presence', { event: 'leave' }, ({ key }) => events.push(`leave:${key}`));
    a.on('presence', { event: 'sync' }, () => {});
    await Promise.all([subscribe(a), subscribe(b)]);
    expect(await a.track({ online_at: 'now' })).toBe('ok');
    await until(() => events.includes('join:alice'), 3000, 'alice join');
    await until(() => (b.presenceState().alice?.length ?? 0) === 1, 3000, 'alice in state');
    expect(b.presenceState().alice[0]).toMatchObject({ online_at: 'now' });
    expect(b.presenceState().alice[0].presence_ref).toBeTruthy();
    expect(await b.track({ online_at: 'later' })).toBe('ok');
    await until(() => (a.presenceState().bob?.length ?? 0) === 1, 3000, 'bob seen by alice');
    expect(await a.untrack()).toBe('ok');
    await until(() => events.includes('leave:alice'), 3000, 'alice leave');
    await a.track({ online_at: 'again' });
    await until(() => b.presenceState().alice?.length === 1, 3000, 'alice back');
    // A disconnecting client leaves too.
    const aClient = clients[clients.length - 2];
    aClient.realtime.disconnect();
    await until(() => !b.presenceState().alice, 3000, 'alice gone after disconnect');
    expect(events).toContain('sync');
  });

  it('keeps a channel alive through heartbeats past the idle timeout, and removeChannel resolves ok', async () => {
    const c = await client();
    const got: unknown[] = [];
    const ch = c.channel('alive', { config: { broadcast: { self: true, ack: true } } }).on('broadcast', { event: 'x' }, (m) => got.push(m.payload));
    let acknowledged = 0;
    c.realtime.onHeartbeat((status) => {
      if (status === 'ok') acknowledged += 1;
    });
    await subscribe(ch);
    // Idle timeout 1.5 s, heartbeats every 0.4 s: five acknowledged heartbeats span 2 s, past the timeout.
    await until(() => acknowledged >= 5, 5000, 'five acknowledged heartbeats');
    expect(ch.state).toBe('joined');
    expect(await ch.send({ type: 'broadcast', event: 'x', payload: { ok: true } })).toBe('ok');
    await until(() => got.length === 1, 2000, 'self broadcast');
    expect(await c.removeChannel(ch)).toBe('ok');
  });

  it('refuses a forged token on join', async () => {
    const forged = await client((await fx.userToken(ALICE)).replace(/.{4}$/, 'AAAA'));
    const err = await subscribe(forged.channel('forged')).then(
      () => null,
      (e: Error) => e,
    );
    expect(err?.message).toMatch(/CHANNEL_ERROR.*InvalidJWTToken/);
  });

  it('denies the change queue and the RLS check to anon and authenticated', async () => {
    for (const token of [fx.anonKey, await fx.userToken(ALICE)]) {
      const read = await fetch(`${fx.postgrestUrl}/changes`, { headers: { Authorization: `Bearer ${token}`, 'Accept-Profile': '_realtime' } });
      expect(read.status).toBeGreaterThanOrEqual(400);
      const check = await fetch(`${fx.postgrestUrl}/rpc/visible_keys`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${token}`, 'Content-Profile': '_realtime', 'Content-Type': 'application/json' },
        body: JSON.stringify({ p_table: 'notes', p_pks: ['id'], p_keys: [], p_claims: [{ role: 'service_role' }] }),
      });
      expect(check.status).toBeGreaterThanOrEqual(400);
    }
  });

  it('delivers a run of inserts one by one, each once and in order', async () => {
    // Latency is measured by `npm run bench` (realtime row); here only what arrives, and in which order.
    const alice = watchNotes(await client(await fx.userToken(ALICE)), 'a-run', 'INSERT', 'body=like.run-%');
    await alice.ready;
    for (let i = 0; i < 20; i++) {
      await fx.db.query(`insert into notes (owner, body) values ($1, $2)`, [ALICE, `run-${i}`]);
      await until(() => alice.seen.length === i + 1, 3000, `insert ${i}`);
    }
    expect(alice.seen.map((c) => (c.new as { body: string }).body)).toEqual(Array.from({ length: 20 }, (_, i) => `run-${i}`));
  });

  describe('raw Phoenix frames', () => {
    function open(query: string) {
      const ws = new WebSocket(`${fx.url.replace('http', 'ws')}/realtime/v1/websocket?${query}`);
      const frames: unknown[] = [];
      ws.on('message', (d) => frames.push(JSON.parse(String(d))));
      return { ws, frames, opened: new Promise((r) => ws.once('open', r)) };
    }

    it('joins with the URL apikey when the payload has no access_token (vsn 2.0.0)', async () => {
      const { ws, frames, opened } = open(`apikey=${fx.anonKey}&vsn=2.0.0`);
      await opened;
      ws.send(JSON.stringify(['1', '1', 'realtime:anon-room', 'phx_join', { config: { postgres_changes: [{ event: '*', schema: 'public', table: 'notes' }] } }]));
      await until(() => frames.length >= 2, 3000, 'join reply');
      expect(frames[0]).toMatchObject(['1', '1', 'realtime:anon-room', 'phx_reply', { status: 'ok', response: { postgres_changes: [{ event: '*', schema: 'public', table: 'notes' }] } }]);
      expect(frames[1]).toMatchObject(['1', null, 'realtime:anon-room', 'system', { status: 'ok', message: 'Subscribed to PostgreSQL' }]);
      ws.send(JSON.stringify([null, '2', 'phoenix', 'heartbeat', {}]));
      await until(() => frames.length >= 3, 3000, 'heartbeat reply');
      expect(frames[2]).toEqual([null, '2', 'phoenix', 'phx_reply', { status: 'ok', response: {} }]);
      // anon reads nothing under the notes policy, so no INSERT arrives; deletes are not RLS-filtered, so the delete
      // of a note committed after it does: once that frame is here, the insert was withheld, not late.
      await fx.db.query(`insert into notes (owner, body) values ($1, 'hidden')`, [ALICE]);
      const { rows: marker } = await fx.db.query(`insert into notes (owner, body) values ($1, 'marker') returning id`, [ALICE]);
      await fx.db.query(`delete from notes where id = $1`, [marker[0].id]);
      await until(() => frames.length >= 4, 5000, 'the delete frame');
      expect(frames).toHaveLength(4);
      expect(frames[3]).toMatchObject([null, null, 'realtime:anon-room', 'postgres_changes', { data: { type: 'DELETE' } }]);
      expect(JSON.stringify(frames)).not.toContain('hidden');
      ws.close();
    });

    it('speaks vsn 1.0.0 object frames and closes idle sockets', async () => {
      const { ws, frames, opened } = open(`apikey=${fx.anonKey}&vsn=1.0.0`);
      await opened;
      ws.send(JSON.stringify({ topic: 'realtime:v1room', event: 'phx_join', payload: { config: {} }, ref: '1', join_ref: '1' }));
      await until(() => frames.length >= 1, 3000, 'v1 join');
      expect(frames[0]).toMatchObject({ topic: 'realtime:v1room', event: 'phx_reply', ref: '1', payload: { status: 'ok' } });
      ws.send(JSON.stringify({ topic: 'realtime:v1room', event: 'phx_leave', payload: {}, ref: '2', join_ref: '1' }));
      await until(() => frames.length >= 3, 3000, 'v1 leave');
      expect(frames[1]).toMatchObject({ event: 'phx_reply', ref: '2', payload: { status: 'ok' } });
      expect(frames[2]).toMatchObject({ event: 'phx_close', join_ref: '1' });
      const closed = await new Promise<number>((r) => ws.once('close', (code) => r(code)));
      expect(closed).toBeGreaterThan(0);
    });

    it('refuses tokens without exp and closes a channel whose token expires', async () => {
      const { ws, frames, opened } = open(`apikey=${fx.anonKey}&vsn=2.0.0`);
      await opened;
      const noExp = await new (await import('jose')).SignJWT({ role: 'authenticated', sub: ALICE })
        .setProtectedHeader({ alg: 'HS256' })
        .sign(new TextEncoder().encode(fx.secret));
      ws.send(JSON.stringify(['1', '1', 'realtime:x', 'phx_join', { config: {}, access_token: noExp }]));
      await until(() => frames.length >= 1, 3000, 'no-exp reply');
      expect(frames[0]).toMatchObject([
        '1',
        '1',
        'realtime:x',
        'phx_reply',
        { status: 'error', response: { reason: 'InvalidJWTToken: Fields `role` and `exp` are required in JWT' } },
      ]);
      ws.send(JSON.stringify(['2', '2', 'realtime:x', 'phx_join', { config: {}, access_token: await fx.userToken(ALICE, 1) }]));
      await until(() => frames.length >= 4, 4000, 'expiry');
      expect(frames[1]).toMatchObject(['2', '2', 'realtime:x', 'phx_reply', { status: 'ok' }]);
      expect(frames[2]).toMatchObject(['2', null, 'realtime:x', 'system', { status: 'error', extension: 'system' }]);
      expect(frames[3]).toMatchObject(['2', '2', 'realtime:x', 'phx_close', {}]);
      ws.send(JSON.stringify(['2', '3', 'realtime:x', 'phx_join', { config: {}, access_token: await fx.userToken(ALICE, -10) }]));
      await until(() => frames.length >= 5, 3000, 'expired reply');
      expect((frames[4] as [unknown, unknown, unknown, unknown, { response: { reason: string } }])[4].response.reason).toMatch(
        /^InvalidJWTToken: Token has expired/,
      );
      ws.close();
    });
  });
});
