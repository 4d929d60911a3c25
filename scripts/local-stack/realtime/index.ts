// Realtime for the embedded local stack: a Phoenix-channels websocket speaking what realtime-js expects
// (docs/local-stack.md §3): postgres_changes scoped by the subscriber's RLS, broadcast, presence, and the HTTP
// broadcast API. Changes come from `_realtime.take_changes()` (scripts/local-stack/sql/realtime.sql), drained
// through PostgREST with the service key; read access is checked by asking PostgREST for the rows with each
// subscriber's own JWT, so the database's policies decide, as on hosted Supabase.
import { randomBytes, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { decodeJwt, errors as joseErrors, jwtVerify, type JWTPayload } from 'jose';
import { WebSocket, WebSocketServer } from 'ws';
import { matchesFilters, parseFilter, type ColumnFilter, type ColumnType } from './filters.ts';
import { decodeFrame, encodeFrame, type Frame, type Vsn } from './protocol.ts';

export interface RealtimeServiceOptions {
  postgrestUrl: string;
  jwtSecret: string;
  anonKey: string;
  serviceRoleKey: string;
  /** How often the change queue is polled while someone listens to postgres_changes (default 100 ms). */
  pollIntervalMs?: number;
  /** How often the queue is drained (and discarded) while nobody listens (default 1000 ms). */
  idleDrainMs?: number;
  /** A socket that sends nothing (not even heartbeats) for this long is closed (default 60 s, like Phoenix). */
  idleTimeoutMs?: number;
  log?: (m: string) => void;
}

export interface RealtimeService {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  handleHttp(req: IncomingMessage, res: ServerResponse, path: string): Promise<void>;
  close(): Promise<void>;
}

type ChangeType = 'INSERT' | 'UPDATE' | 'DELETE';

interface ChangeRow {
  id: number;
  table_schema: string;
  table_name: string;
  type: ChangeType;
  record: Record<string, unknown> | null;
  old_record: Record<string, unknown> | null;
  columns: ColumnType[];
  primary_keys: string[];
  commit_timestamp: string;
}

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

const TAKE_BATCH = 500;
const VISIBILITY_CHUNK = 50;
const MAX_TIMER_MS = 2 ** 31 - 1;

const subTopic = (topic: string) => topic.replace(/^realtime:/, '');
const newRef = () => randomBytes(8).toString('base64url');

/** Double-quotes a value for a PostgREST filter list. */
function pgrstQuote(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

function keyOf(record: Record<string, unknown>, pks: string[]): string {
  return JSON.stringify(pks.map((k) => (record[k] === undefined || record[k] === null ? null : String(record[k]))));
}

export function createRealtimeService(opts: RealtimeServiceOptions): RealtimeService {
  const log = opts.log ?? (() => {});
  const pollIntervalMs = opts.pollIntervalMs ?? 100;
  const idleDrainMs = opts.idleDrainMs ?? 1000;
  const idleTimeoutMs = opts.idleTimeoutMs ?? 60_000;
  const postgrestUrl = opts.postgrestUrl.replace(/\/+$/, '');
  const secret = new TextEncoder().encode(opts.jwtSecret);
  const wss = new WebSocketServer({ noServer: true });
  const conns = new Set<Conn>();
  const topics = new Map<string, Set<Channel>>();
  let nextBindingId = 1000;
  let stopped = false;
  let pollTimer: NodeJS.Timeout | null = null;
  let pollChain: Promise<void> = Promise.resolve();
  let lastDrain = 0;
  let lastPollError = '';

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
    if (bindings.length && !hasChangeSubscribers()) await drain(false);
    if (conn.ws.readyState !== WebSocket.OPEN) return;

    const channel: Channel = {
      conn,
      topic: frame.topic,
      joinRef: frame.joinRef ?? frame.ref,
      token: (payload.access_token ?? conn.apikey) as string,
      role: verified.claims.role,
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
    schedulePoll(0);
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

  function onConnection(ws: WebSocket, vsn: Vsn, apikey: string | null) {
    const conn: Conn = { ws, vsn, apikey, channels: new Map(), lastSeen: Date.now(), queue: Promise.resolve() };
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

  async function takeChanges(): Promise<ChangeRow[]> {
    const res = await fetch(`${postgrestUrl}/rpc/take_changes`, {
      method: 'POST',
      headers: {
        apikey: opts.serviceRoleKey,
        Authorization: `Bearer ${opts.serviceRoleKey}`,
        'Content-Type': 'application/json',
        'Content-Profile': '_realtime',
        'Accept-Profile': '_realtime',
      },
      body: JSON.stringify({ max_rows: TAKE_BATCH }),
    });
    if (!res.ok) throw new Error(`take_changes: HTTP ${res.status} ${await res.text()}`);
    return (await res.json()) as ChangeRow[];
  }

  function bindingMatches(b: Binding, row: ChangeRow): boolean {
    if (b.schema !== '*' && b.schema !== row.table_schema) return false;
    if (b.table !== '*' && b.table !== row.table_name) return false;
    if (b.event !== '*' && b.event !== row.type) return false;
    if (row.type === 'DELETE') return matchesFilters(b.filters, row.old_record, row.columns, true);
    return matchesFilters(b.filters, row.record, row.columns);
  }

  /** Primary keys (as keyOf strings) of the given rows that `token` may read, asked of PostgREST. */
  async function visibleKeys(token: string, schema: string, table: string, pks: string[], records: Record<string, unknown>[]) {
    const visible = new Set<string>();
    for (let i = 0; i < records.length; i += VISIBILITY_CHUNK) {
      const chunk = records.slice(i, i + VISIBILITY_CHUNK);
      const params = new URLSearchParams({ select: pks.join(',') });
      if (pks.length === 1) params.set(pks[0], `in.(${chunk.map((r) => pgrstQuote(r[pks[0]])).join(',')})`);
      else params.set('or', `(${chunk.map((r) => `and(${pks.map((k) => `${k}.eq.${pgrstQuote(r[k])}`).join(',')})`).join(',')})`);
      const res = await fetch(`${postgrestUrl}/${encodeURIComponent(table)}?${params}`, {
        headers: { apikey: opts.anonKey, Authorization: `Bearer ${token}`, 'Accept-Profile': schema },
      });
      if (!res.ok) {
        log(`realtime: access check on ${schema}.${table} failed: HTTP ${res.status} ${await res.text()}`);
        continue;
      }
      for (const row of (await res.json()) as Record<string, unknown>[]) visible.add(keyOf(row, pks));
    }
    return visible;
  }

  async function deliver(rows: ChangeRow[]) {
    const channels: Channel[] = [];
    for (const conn of conns) for (const ch of conn.channels.values()) if (ch.bindings.length) channels.push(ch);
    if (!channels.length) return;
    const nowSec = Date.now() / 1000;
    const deliveries: { channel: Channel; row: ChangeRow; ids: number[] }[] = [];
    const checks = new Map<string, { token: string; schema: string; table: string; pks: string[]; records: Map<string, Record<string, unknown>> }>();
    for (const row of rows) {
      for (const channel of channels) {
        if (channel.exp <= nowSec) continue;
        const ids = channel.bindings.filter((b) => bindingMatches(b, row)).map((b) => b.id);
        if (!ids.length) continue;
        deliveries.push({ channel, row, ids });
        if (row.type === 'DELETE' || channel.role === 'service_role' || !row.record || !row.primary_keys.length) continue;
        const key = `${channel.token}\u0000${row.table_schema}\u0000${row.table_name}`;
        let check = checks.get(key);
        if (!check) {
          check = { token: channel.token, schema: row.table_schema, table: row.table_name, pks: row.primary_keys, records: new Map() };
          checks.set(key, check);
        }
        check.records.set(keyOf(row.record, row.primary_keys), row.record);
      }
    }
    const visible = new Map<string, Set<string>>();
    await Promise.all(
      [...checks].map(async ([key, c]) => {
        try {
          visible.set(key, await visibleKeys(c.token, c.schema, c.table, c.pks, [...c.records.values()]));
        } catch (err) {
          log(`realtime: access check failed: ${err instanceof Error ? err.message : String(err)}`);
          visible.set(key, new Set());
        }
      }),
    );
    for (const { channel, row, ids } of deliveries) {
      if (row.type !== 'DELETE' && channel.role !== 'service_role') {
        if (!row.record || !row.primary_keys.length) continue;
        const allowed = visible.get(`${channel.token}\u0000${row.table_schema}\u0000${row.table_name}`);
        if (!allowed?.has(keyOf(row.record, row.primary_keys))) continue;
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

  /** Takes everything queued; delivers it when `deliverRows`, else discards it. Serialized. */
  function drain(deliverRows: boolean): Promise<void> {
    const run = async () => {
      lastDrain = Date.now();
      for (;;) {
        const rows = await takeChanges();
        if (lastPollError) log('realtime: change queue reachable again');
        lastPollError = '';
        if (rows.length && deliverRows) await deliver(rows);
        if (rows.length < TAKE_BATCH) break;
      }
    };
    pollChain = pollChain.then(run).catch((err: unknown) => {
      const message = err instanceof Error ? err.message : String(err);
      if (message !== lastPollError) log(`realtime: cannot read change queue: ${message}`);
      lastPollError = message;
    });
    return pollChain;
  }

  function schedulePoll(delay: number) {
    if (stopped) return;
    if (pollTimer) clearTimeout(pollTimer);
    pollTimer = setTimeout(async () => {
      pollTimer = null;
      const listening = hasChangeSubscribers();
      if (listening || Date.now() - lastDrain >= idleDrainMs) await drain(listening);
      schedulePoll(hasChangeSubscribers() ? pollIntervalMs : Math.min(pollIntervalMs * 5, idleDrainMs));
    }, delay);
    pollTimer.unref?.();
  }
  schedulePoll(pollIntervalMs);

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
    wss.handleUpgrade(req, socket, head, (ws) => onConnection(ws, vsn, apikey));
  }

  async function close() {
    if (stopped) return;
    stopped = true;
    clearInterval(idleSweep);
    if (pollTimer) clearTimeout(pollTimer);
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
    await pollChain;
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  }

  return { handleUpgrade, handleHttp, close };
}
