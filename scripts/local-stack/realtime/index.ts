// Realtime for the embedded local stack: a Phoenix-channels websocket speaking what realtime-js expects
// (docs/local-stack.md §3): postgres_changes scoped by the subscriber's RLS, broadcast, presence, and the HTTP
// broadcast API. Changes are pushed as they commit by the change feed (./change-feed.ts); read access is checked
// by the table's own policies under each subscriber's claims, one query per table per batch for all subscribers
// (`_realtime.visible_keys`, scripts/local-stack/sql/realtime.sql), as hosted Supabase Realtime does.
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { decodeJwt, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import pg from 'pg';
import { WebSocket, WebSocketServer } from 'ws';
import { startChangeFeed, type ChangeRow } from './change-feed.ts';
import { matchesFilters, parseFilter, type ColumnFilter } from './filters.ts';
import { decodeFrame, encodeFrame, type Frame, type Vsn } from './protocol.ts';

export interface RealtimeServiceOptions {
  /** Superuser connection string: the change feed listens on it and RLS checks run on it. */
  databaseUrl: string;
  jwtSecret: string;
  /** A socket that sends nothing (not even heartbeats) for this long is closed (default 60 s, like Phoenix). */
  idleTimeoutMs?: number;
  /** Channels one socket may join (Realtime's "channels per connection": 100 on every plan). */
  maxChannelsPerConnection?: number;
  /**
   * Sockets with a joined channel per client: per user (the JWT's `sub`), or per address for the anon key alone
   * (default LOCAL_STACK_REALTIME_MAX_CONNECTIONS or 100). Hosted Realtime counts 200 per free project instead.
   */
  maxConnectionsPerClient?: number;
  log?: (m: string) => void;
}

export interface RealtimeService {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  handleHttp(req: IncomingMessage, res: ServerResponse, path: string): Promise<void>;
  close(): Promise<void>;
}

type ChangeType = ChangeRow['type'];

interface ClientBinding {
  event?: string;
  schema?: string;
  table?: string;
  filter?: string;
}

interface Binding {
  id: number;
  event: '*' | ChangeType;
  schema: string;
  table: string;
  filters: ColumnFilter[];
}

interface PresenceMeta {
  phx_ref: string;
  phx_ref_prev?: string;
  [key: string]: unknown;
}

interface Conn {
  ws: WebSocket;
  vsn: Vsn;
  apikey: string | null;
  /** The socket's peer address: the connection limit's key when no user is signed in. */
  address: string;
  /** The key this socket counts against once it has joined a channel (null until then). */
  clientKey: string | null;
  channels: Map<string, Channel>;
  lastSeen: number;
  queue: Promise<void>;
}

interface Channel {
  conn: Conn;
  topic: string;
  joinRef: string | null;
  token: string;
  role: string;
  claims: Claims;
  exp: number;
  expiryTimer: NodeJS.Timeout | null;
  bindings: Binding[];
  broadcastSelf: boolean;
  broadcastAck: boolean;
  presenceKey: string;
  presenceEnabled: boolean;
  meta: PresenceMeta | null;
}

type Claims = JWTPayload & { role: string; exp: number };
type Verified = { ok: true; claims: Claims } | { ok: false; reason: string };

const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers':
    'authorization, x-client-info, apikey, content-type, x-retry-count, traceparent, tracestate, baggage, x-supabase-api-version, accept-profile, content-profile, prefer, range, x-region',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
};

const MAX_TIMER_MS = 2 ** 31 - 1;

const subTopic = (topic: string) => topic.replace(/^realtime:/, '');
const newRef = () => randomBytes(8).toString('base64url');

function keyOf(record: Record<string, unknown>, pks: string[]): string {
  return JSON.stringify(pks.map((k) => (record[k] === undefined || record[k] === null ? null : String(record[k]))));
}

export function createRealtimeService(opts: RealtimeServiceOptions): RealtimeService {
  const log = opts.log ?? (() => {});
  const idleTimeoutMs = opts.idleTimeoutMs ?? 60_000;
  const secret = new TextEncoder().encode(opts.jwtSecret);
  const wss = new WebSocketServer({ noServer: true });
  const conns = new Set<Conn>();
  const topics = new Map<string, Set<Channel>>();
  const maxChannels = opts.maxChannelsPerConnection ?? 100;
  const maxConnections = opts.maxConnectionsPerClient ?? (Number(process.env.LOCAL_STACK_REALTIME_MAX_CONNECTIONS) || 100);
  const connectionsByClient = new Map<string, Set<Conn>>();
  let nextBindingId = 1000;
  let stopped = false;
  // RLS checks go over their own connection, so a slow check never delays the feed's LISTEN connection.
  const checks = new pg.Pool({ connectionString: opts.databaseUrl, max: 2, application_name: 'mot-realtime-rls' });
  checks.on('error', (err) => log(`realtime: RLS check connection error: ${err.message}`));

  // ---------------------------------------------------------------- tokens

  async function verifyToken(token: string | null | undefined): Promise<Verified> {
    if (!token) return { ok: false, reason: 'InvalidJWTToken: You must provide a JWT' };
    try {
      const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'] });
      if (typeof payload.role !== 'string' || typeof payload.exp !== 'number') {
        return { ok: false, reason: 'InvalidJWTToken: Fields `role` and `exp` are required in JWT' };
      }
      return { ok: true, claims: payload as Claims };
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) {
        let ago = 0;
        try {
          ago = Math.max(0, Math.floor(Date.now() / 1000) - Number(decodeJwt(token).exp));
        } catch {
          /* keep 0 */
        }
        return { ok: false, reason: `InvalidJWTToken: Token has expired ${ago} seconds ago` };
      }
      const message = err instanceof Error ? err.message : String(err);
      return { ok: false, reason: `InvalidJWTToken: ${message}` };
    }
  }

  function armExpiry(channel: Channel) {
    if (channel.expiryTimer) clearTimeout(channel.expiryTimer);
    const ms = channel.exp * 1000 - Date.now();
    channel.expiryTimer = setTimeout(
      () => {
        if (channel.exp * 1000 > Date.now()) return armExpiry(channel);
        closeWithError(channel, `Token has expired ${Math.max(0, Math.floor(Date.now() / 1000) - channel.exp)} seconds ago`);
      },
      Math.min(Math.max(ms, 0), MAX_TIMER_MS),
    );
    channel.expiryTimer.unref?.();
  }

  // ---------------------------------------------------------------- sending

  function send(conn: Conn, frame: Frame) {
    if (conn.ws.readyState !== WebSocket.OPEN) return;
    const data = encodeFrame(frame, conn.vsn);
    if (data !== null) conn.ws.send(data);
  }

  function reply(conn: Conn, frame: Frame, status: 'ok' | 'error', response: unknown = {}) {
    send(conn, { joinRef: frame.joinRef, ref: frame.ref, topic: frame.topic, event: 'phx_reply', payload: { status, response } });
  }

  function system(channel: Channel, status: 'ok' | 'error', message: string, extension = 'system') {
    send(channel.conn, {
      joinRef: channel.joinRef,
      ref: null,
      topic: channel.topic,
      event: 'system',
      payload: { extension, status, message, channel: subTopic(channel.topic) },
    });
  }

  function closeWithError(channel: Channel, message: string) {
    system(channel, 'error', message);
    send(channel.conn, { joinRef: channel.joinRef, ref: channel.joinRef, topic: channel.topic, event: 'phx_close', payload: {} });
    removeChannel(channel);
  }

  // ---------------------------------------------------------------- presence

  function presenceState(topic: string): Record<string, { metas: PresenceMeta[] }> {
    const state: Record<string, { metas: PresenceMeta[] }> = {};
    for (const ch of topics.get(topic) ?? []) {
      if (!ch.meta) continue;
      (state[ch.presenceKey] ??= { metas: [] }).metas.push(ch.meta);
    }
    return state;
  }

  function presenceDiff(topic: string, joins: Record<string, unknown>, leaves: Record<string, unknown>) {
    for (const ch of topics.get(topic) ?? []) {
      send(ch.conn, { joinRef: ch.joinRef, ref: null, topic, event: 'presence_diff', payload: { joins, leaves } });
    }
  }

  function untrack(channel: Channel) {
    const meta = channel.meta;
    if (!meta) return;
    channel.meta = null;
    presenceDiff(channel.topic, {}, { [channel.presenceKey]: { metas: [meta] } });
  }

  // ---------------------------------------------------------------- channels

  function removeChannel(channel: Channel) {
    if (channel.expiryTimer) clearTimeout(channel.expiryTimer);
    channel.expiryTimer = null;
    if (channel.conn.channels.get(channel.topic) === channel) channel.conn.channels.delete(channel.topic);
    const members = topics.get(channel.topic);
    if (members?.delete(channel)) {
      if (members.size === 0) topics.delete(channel.topic);
      untrack(channel);
    }
  }

  function hasChangeSubscribers(): boolean {
    for (const conn of conns) for (const ch of conn.channels.values()) if (ch.bindings.length) return true;
    return false;
  }

  function broadcast(topic: string, payload: unknown, sender: Channel | null) {
    for (const ch of topics.get(topic) ?? []) {
      if (ch === sender && !ch.broadcastSelf) continue;
      send(ch.conn, { joinRef: null, ref: null, topic, event: 'broadcast', payload });
    }
  }

  /**
   * Realtime's join limits, with its error texts: too many channels on this socket, or too many sockets for this
   * user (anon key alone: this address). Returns the refusal, or null after counting the socket.
   */
  function admit(conn: Conn, topic: string, claims: Claims): string | null {
    if (!conn.channels.has(topic) && conn.channels.size >= maxChannels) return 'ChannelRateLimitReached: Too many channels';
    if (conn.clientKey) return null;
    const key = typeof claims.sub === 'string' && claims.sub ? `user:${claims.sub}` : `address:${conn.address}`;
    let sockets = connectionsByClient.get(key);
    if (!sockets) connectionsByClient.set(key, (sockets = new Set()));
    if (sockets.size >= maxConnections) {
      if (sockets.size === 0) connectionsByClient.delete(key);
      return 'ConnectionRateLimitReached: Too many connected users';
    }
    sockets.add(conn);
    conn.clientKey = key;
    return null;
  }

  function forget(conn: Conn) {
    if (!conn.clientKey) return;
    const sockets = connectionsByClient.get(conn.clientKey);
    sockets?.delete(conn);
    if (sockets?.size === 0) connectionsByClient.delete(conn.clientKey);
  }

  async function handleJoin(conn: Conn, frame: Frame) {
    const payload = (frame.payload ?? {}) as {
      config?: {
        broadcast?: { self?: boolean; ack?: boolean };
        presence?: { key?: string; enabled?: boolean };
        postgres_changes?: ClientBinding[];
      };
      access_token?: string;
    };
    const config = payload.config ?? {};
    const verified = await verifyToken(payload.access_token ?? conn.apikey);
    if (!verified.ok) {
      log(`realtime: join ${frame.topic} refused: ${verified.reason}`);
      return reply(conn, frame, 'error', { reason: verified.reason });
    }
    const refusal = admit(conn, frame.topic, verified.claims);
    if (refusal) {
      log(`realtime: join ${frame.topic} refused: ${refusal}`);
      return reply(conn, frame, 'error', { reason: refusal });
    }
    const clientBindings = Array.isArray(config.postgres_changes) ? config.postgres_changes : [];
    let bindings: Binding[];
    try {
      bindings = clientBindings.map((b) => {
        const event = String(b.event ?? '*').toUpperCase();
        if (!['*', 'INSERT', 'UPDATE', 'DELETE'].includes(event)) throw new Error(`Invalid event: ${b.event}`);
        return {
          id: nextBindingId++,
          event: event as Binding['event'],
          schema: b.schema || '*',
          table: b.table || '*',
          filters: parseFilter(b.filter),
        };
      });
    } catch (err) {
      return reply(conn, frame, 'error', { reason: err instanceof Error ? err.message : String(err) });
    }

    const previous = conn.channels.get(frame.topic);
    if (previous) removeChannel(previous);
    // The first listener must not receive changes that were queued while nobody listened.
    if (bindings.length && !hasChangeSubscribers()) await feed.discardQueued();
    if (conn.ws.readyState !== WebSocket.OPEN) return;

    const channel: Channel = {
      conn,
      topic: frame.topic,
      joinRef: frame.joinRef ?? frame.ref,
      token: (payload.access_token ?? conn.apikey) as string,
      role: verified.claims.role,
      claims: verified.claims,
      exp: verified.claims.exp,
      expiryTimer: null,
      bindings,
      broadcastSelf: Boolean(config.broadcast?.self),
      broadcastAck: Boolean(config.broadcast?.ack),
      presenceKey: config.presence?.key || randomUUID(),
      presenceEnabled: Boolean(config.presence?.enabled),
      meta: null,
    };
    conn.channels.set(frame.topic, channel);
    let members = topics.get(frame.topic);
    if (!members) topics.set(frame.topic, (members = new Set()));
    members.add(channel);
    armExpiry(channel);

    reply(conn, frame, 'ok', {
      postgres_changes: clientBindings.map((b, i) => ({ ...b, id: bindings[i].id })),
    });
    if (bindings.length) system(channel, 'ok', 'Subscribed to PostgreSQL', 'postgres_changes');
    if (channel.presenceEnabled) {
      send(conn, { joinRef: channel.joinRef, ref: null, topic: channel.topic, event: 'presence_state', payload: presenceState(channel.topic) });
    }
  }

  async function handleFrame(conn: Conn, frame: Frame) {
    if (frame.topic === 'phoenix') {
      if (frame.event === 'heartbeat') reply(conn, frame, 'ok');
      return;
    }
    if (frame.event === 'phx_join') return handleJoin(conn, frame);
    const channel = conn.channels.get(frame.topic);
    if (!channel) {
      if (frame.event !== 'phx_leave' && frame.event !== 'access_token') reply(conn, frame, 'error', { reason: 'unmatched topic' });
      else if (frame.event === 'phx_leave') reply(conn, frame, 'ok');
      return;
    }
    switch (frame.event) {
      case 'phx_leave':
        reply(conn, frame, 'ok');
        send(conn, { joinRef: channel.joinRef, ref: channel.joinRef, topic: channel.topic, event: 'phx_close', payload: {} });
        removeChannel(channel);
        return;
      case 'access_token': {
        const token = (frame.payload as { access_token?: string } | null)?.access_token;
        if (!token || token === channel.token) return;
        const verified = await verifyToken(token);
        if (!verified.ok) return closeWithError(channel, `Received an invalid access token from client: ${verified.reason}`);
        channel.token = token;
        channel.role = verified.claims.role;
        channel.claims = verified.claims;
        channel.exp = verified.claims.exp;
        armExpiry(channel);
        return;
      }
      case 'broadcast': {
        broadcast(channel.topic, frame.payload, channel);
        if (channel.broadcastAck) reply(conn, frame, 'ok');
        return;
      }
      case 'presence': {
        const p = (frame.payload ?? {}) as { event?: string; payload?: Record<string, unknown> };
        reply(conn, frame, 'ok');
        if (p.event === 'track') {
          const prev = channel.meta;
          const meta: PresenceMeta = { ...(p.payload ?? {}), phx_ref: newRef() };
          if (prev) meta.phx_ref_prev = prev.phx_ref;
          channel.meta = meta;
          presenceDiff(
            channel.topic,
            { [channel.presenceKey]: { metas: [meta] } },
            prev ? { [channel.presenceKey]: { metas: [prev] } } : {},
          );
        } else if (p.event === 'untrack') untrack(channel);
        return;
      }
      default:
        if (frame.ref) reply(conn, frame, 'ok');
    }
  }

  function onConnection(ws: WebSocket, vsn: Vsn, apikey: string | null, address: string) {
    const conn: Conn = { ws, vsn, apikey, address, clientKey: null, channels: new Map(), lastSeen: Date.now(), queue: Promise.resolve() };
    conns.add(conn);
    ws.on('message', (data, isBinary) => {
      conn.lastSeen = Date.now();
      let frame: Frame;
      try {
        const buf = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
        frame = decodeFrame(buf, isBinary, vsn);
      } catch (err) {
        log(`realtime: unreadable frame: ${err instanceof Error ? err.message : String(err)}`);
        return;
      }
      conn.queue = conn.queue
        .then(() => handleFrame(conn, frame))
        .catch((err: unknown) => log(`realtime: ${frame.event} on ${frame.topic} failed: ${err instanceof Error ? err.stack : String(err)}`));
    });
    ws.on('close', () => {
      conns.delete(conn);
      forget(conn);
      for (const ch of [...conn.channels.values()]) removeChannel(ch);
    });
    ws.on('error', (err) => log(`realtime: socket error: ${err.message}`));
  }

  const idleSweep = setInterval(
    () => {
      const now = Date.now();
      for (const conn of conns) if (now - conn.lastSeen > idleTimeoutMs) conn.ws.terminate();
    },
    Math.max(250, Math.floor(idleTimeoutMs / 4)),
  );
  idleSweep.unref?.();

  // ---------------------------------------------------------------- postgres_changes

  function bindingMatches(b: Binding, row: ChangeRow): boolean {
    if (b.schema !== '*' && b.schema !== row.table_schema) return false;
    if (b.table !== '*' && b.table !== row.table_name) return false;
    if (b.event !== '*' && b.event !== row.type) return false;
    if (row.type === 'DELETE') return matchesFilters(b.filters, row.old_record, row.columns, true);
    return matchesFilters(b.filters, row.record, row.columns);
  }

  /**
   * Which (subscriber, row) pairs of one table RLS lets through, as `${subscriber}\u0000${keyOf(row)}`. One query
   * for every subscriber and row of the batch: the database switches to each subscriber's role and claims in turn.
   */
  async function visiblePairs(schema: string, table: string, pks: string[], records: Record<string, unknown>[], claims: Claims[]) {
    const keys = records.map((r) => Object.fromEntries(pks.map((k) => [k, r[k]])));
    const { rows } = await checks.query<{ subscriber: number; key_index: number }>(
      'select subscriber, key_index from _realtime.visible_keys($1::regclass, $2::text[], $3::jsonb, $4::jsonb)',
      [`"${schema.replace(/"/g, '""')}"."${table.replace(/"/g, '""')}"`, pks, JSON.stringify(keys), JSON.stringify(claims)],
    );
    return new Set(rows.map((r) => `${r.subscriber}\u0000${keyOf(records[r.key_index], pks)}`));
  }

  async function deliver(rows: ChangeRow[]) {
    const channels: Channel[] = [];
    for (const conn of conns) for (const ch of conn.channels.values()) if (ch.bindings.length) channels.push(ch);
    if (!channels.length) return;
    const nowSec = Date.now() / 1000;
    const deliveries: { channel: Channel; row: ChangeRow; ids: number[] }[] = [];
    // Per table: the distinct subscribers (by token) and rows whose visibility must be asked.
    const tables = new Map<string, { schema: string; table: string; pks: string[]; tokens: Map<string, number>; claims: Claims[]; records: Map<string, Record<string, unknown>> }>();
    const tableKey = (row: ChangeRow) => `${row.table_schema}\u0000${row.table_name}`;
    for (const row of rows) {
      for (const channel of channels) {
        if (channel.exp <= nowSec) continue;
        const ids = channel.bindings.filter((b) => bindingMatches(b, row)).map((b) => b.id);
        if (!ids.length) continue;
        deliveries.push({ channel, row, ids });
        if (row.type === 'DELETE' || channel.role === 'service_role' || !row.record || !row.primary_keys.length) continue;
        let t = tables.get(tableKey(row));
        if (!t) tables.set(tableKey(row), (t = { schema: row.table_schema, table: row.table_name, pks: row.primary_keys, tokens: new Map(), claims: [], records: new Map() }));
        if (!t.tokens.has(channel.token)) {
          t.tokens.set(channel.token, t.claims.length);
          t.claims.push(channel.claims);
        }
        t.records.set(keyOf(row.record, row.primary_keys), row.record);
      }
    }
    const visible = new Map<string, Set<string>>();
    await Promise.all(
      [...tables].map(async ([key, t]) => {
        try {
          visible.set(key, await visiblePairs(t.schema, t.table, t.pks, [...t.records.values()], t.claims));
        } catch (err) {
          log(`realtime: access check on ${t.schema}.${t.table} failed: ${err instanceof Error ? err.message : String(err)}`);
          visible.set(key, new Set());
        }
      }),
    );
    for (const { channel, row, ids } of deliveries) {
      if (row.type !== 'DELETE' && channel.role !== 'service_role') {
        if (!row.record || !row.primary_keys.length) continue;
        const t = tables.get(tableKey(row));
        const subscriber = t?.tokens.get(channel.token);
        if (subscriber === undefined || !visible.get(tableKey(row))?.has(`${subscriber}\u0000${keyOf(row.record, row.primary_keys)}`)) continue;
      }
      if (channel.conn.channels.get(channel.topic) !== channel) continue;
      const data: Record<string, unknown> = {
        schema: row.table_schema,
        table: row.table_name,
        commit_timestamp: new Date(row.commit_timestamp).toISOString(),
        type: row.type,
        columns: row.columns,
        errors: null,
      };
      if (row.type !== 'DELETE') data.record = row.record;
      if (row.type !== 'INSERT') data.old_record = row.old_record ?? {};
      send(channel.conn, { joinRef: null, ref: null, topic: channel.topic, event: 'postgres_changes', payload: { ids, data } });
    }
  }

  const feed = startChangeFeed({ databaseUrl: opts.databaseUrl, deliver, wanted: hasChangeSubscribers, log });

  // ---------------------------------------------------------------- HTTP broadcast API

  async function readBody(req: IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  function json(res: ServerResponse, status: number, body: unknown) {
    res.writeHead(status, { ...CORS_HEADERS, 'Content-Type': 'application/json' });
    res.end(body === undefined ? '' : JSON.stringify(body));
  }

  async function handleHttp(req: IncomingMessage, res: ServerResponse, path: string) {
    const pathname = path.split('?')[0].replace(/^\/realtime\/v1/, '');
    if (req.method === 'OPTIONS') {
      res.writeHead(200, CORS_HEADERS);
      return void res.end();
    }
    const m = /^\/api\/broadcast(?:\/([^/]+)\/events\/([^/]+))?\/?$/.exec(pathname);
    if (!m) return json(res, 404, { message: 'Not found' });
    if (req.method !== 'POST') return json(res, 405, { message: 'Method not allowed' });
    const auth = req.headers.authorization;
    const apikey = req.headers.apikey;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : Array.isArray(apikey) ? apikey[0] : apikey;
    const verified = await verifyToken(token);
    if (!verified.ok) return json(res, 401, { message: verified.reason });
    const body = await readBody(req);
    try {
      if (m[1] !== undefined) {
        const topic = `realtime:${decodeURIComponent(m[1])}`;
        const event = decodeURIComponent(m[2]);
        const isJson = String(req.headers['content-type'] ?? 'application/json').includes('json');
        const payload = isJson ? (body.length ? JSON.parse(body.toString('utf8')) : {}) : body;
        broadcast(topic, { type: 'broadcast', event, payload }, null);
        return json(res, 202, undefined);
      }
      const parsed = JSON.parse(body.toString('utf8') || '{}') as { messages?: { topic?: string; event?: string; payload?: unknown }[] };
      if (!Array.isArray(parsed.messages)) return json(res, 400, { message: 'messages must be an array' });
      for (const msg of parsed.messages) {
        if (typeof msg.topic !== 'string' || typeof msg.event !== 'string') continue;
        broadcast(`realtime:${msg.topic}`, { type: 'broadcast', event: msg.event, payload: msg.payload ?? {} }, null);
      }
      return json(res, 202, undefined);
    } catch (err) {
      return json(res, 400, { message: err instanceof Error ? err.message : String(err) });
    }
  }

  // ---------------------------------------------------------------- upgrade and close

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (stopped || !/\/websocket\/?$/.test(url.pathname)) {
      socket.write('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      socket.destroy();
      return;
    }
    const vsn: Vsn = url.searchParams.get('vsn') === '2.0.0' ? '2.0.0' : '1.0.0';
    const header = req.headers.apikey;
    const apikey = url.searchParams.get('apikey') ?? (Array.isArray(header) ? header[0] : header) ?? null;
    wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, vsn, apikey, req.socket.remoteAddress ?? 'unknown'));
  }

  async function close() {
    if (stopped) return;
    stopped = true;
    clearInterval(idleSweep);
    const closing = [...conns].map((conn) => {
      for (const ch of [...conn.channels.values()]) closeWithError(ch, 'Server is shutting down');
      return new Promise<void>((resolve) => {
        if (conn.ws.readyState === WebSocket.CLOSED) return resolve();
        const timer = setTimeout(() => {
          conn.ws.terminate();
          resolve();
        }, 1000);
        conn.ws.once('close', () => {
          clearTimeout(timer);
          resolve();
        });
        conn.ws.close(1001, 'server shutting down');
      });
    });
    await Promise.all(closing);
    await feed.close();
    await checks.end().catch(() => undefined);
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  }

  return { handleUpgrade, handleHttp, close };
}
