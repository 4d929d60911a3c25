// Realtime for the embedded local stack: a Phoenix-channels websocket speaking what realtime-js expects
// (docs/local-stack.md §3): postgres_changes scoped by the subscriber's RLS, broadcast, presence, and the HTTP
// broadcast API. This module wires the parts together and owns the sockets' lifecycle:
//   registry.ts          sockets, channels per topic, token expiry, join limits
//   channel-frames.ts    what each client frame does (join, leave, token refresh, broadcast, presence)
//   authorization.ts     private channels: realtime.messages policies, checked as the client in a rolled-back tx
//   presence.ts          presence state and diffs
//   postgres-changes.ts  matching committed rows to bindings and checking RLS per subscriber
//   broadcast-api.ts     the HTTP broadcast API
//   change-feed.ts       the committed rows, as they commit
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import pg from 'pg';
import { WebSocket, WebSocketServer } from 'ws';
import { channelAuthorizer } from './authorization.ts';
import { broadcastApi } from './broadcast-api.ts';
import { startChangeFeed } from './change-feed.ts';
import { frameHandler } from './channel-frames.ts';
import { changeDelivery } from './postgres-changes.ts';
import { decodeFrame, type Frame, type Vsn } from './protocol.ts';
import { ChannelRegistry } from './registry.ts';
import { tokenVerifier } from './tokens.ts';
import type { Conn } from './types.ts';

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
  /**
   * Realtime's "Allow public access" switched off (the tenant's `private_only`): every join must be a private
   * channel, authorized by the RLS policies on realtime.messages. Off by default, as on a new hosted project.
   */
  privateOnly?: boolean;
  log?: (m: string) => void;
}

export interface RealtimeService {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  handleHttp(req: IncomingMessage, res: ServerResponse, path: string): Promise<void>;
  close(): Promise<void>;
}

export function createRealtimeService(opts: RealtimeServiceOptions): RealtimeService {
  const log = opts.log ?? (() => {});
  const idleTimeoutMs = opts.idleTimeoutMs ?? 60_000;
  const verifyToken = tokenVerifier(opts.jwtSecret);
  const wss = new WebSocketServer({ noServer: true });
  const registry = new ChannelRegistry({
    maxChannels: opts.maxChannelsPerConnection ?? 100,
    maxConnections: opts.maxConnectionsPerClient ?? (Number(process.env.LOCAL_STACK_REALTIME_MAX_CONNECTIONS) || 100),
  });
  let stopped = false;
  // RLS checks go over their own connection, so a slow check never delays the feed's LISTEN connection.
  const checks = new pg.Pool({ connectionString: opts.databaseUrl, max: 2, application_name: 'mot-realtime-rls' });
  checks.on('error', (err) => log(`realtime: RLS check connection error: ${err.message}`));
  // Private-channel checks get their own connections too: a join waits on one, and must not queue behind RLS checks.
  const authorizations = new pg.Pool({ connectionString: opts.databaseUrl, max: 2, application_name: 'mot-realtime-authorization' });
  authorizations.on('error', (err) => log(`realtime: authorization connection error: ${err.message}`));
  const authorizer = channelAuthorizer(authorizations, log);
  const feed = startChangeFeed({
    databaseUrl: opts.databaseUrl,
    deliver: changeDelivery(registry, checks, log),
    wanted: () => registry.hasChangeSubscribers(),
    log,
  });
  const handleFrame = frameHandler({
    registry,
    verifyToken,
    authorizer,
    privateOnly: opts.privateOnly ?? false,
    discardQueuedChanges: () => feed.discardQueued(), log });

  function onConnection(ws: WebSocket, vsn: Vsn, apikey: string | null, address: string) {
    const conn: Conn = { ws, vsn, apikey, address, clientKey: null, channels: new Map(), lastSeen: Date.now(), queue: Promise.resolve() };
    registry.connect(conn);
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
    ws.on('close', () => registry.disconnect(conn));
    ws.on('error', (err) => log(`realtime: socket error: ${err.message}`));
  }

  const idleSweep = setInterval(
    () => {
      const now = Date.now();
      for (const conn of registry.conns) if (now - conn.lastSeen > idleTimeoutMs) conn.ws.terminate();
    },
    Math.max(250, Math.floor(idleTimeoutMs / 4)),
  );
  idleSweep.unref?.();

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
    const closing = [...registry.conns].map((conn) => {
      for (const ch of [...conn.channels.values()]) registry.closeWithError(ch, 'Server is shutting down');
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
    await authorizations.end().catch(() => undefined);
    await new Promise<void>((resolve) => wss.close(() => resolve()));
  }

  return { handleUpgrade, handleHttp: broadcastApi(registry, verifyToken, authorizer), close };
}
