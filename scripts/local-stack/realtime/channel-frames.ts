// What a socket's frames do: heartbeats, joins (token, limits, bindings), leaves, token refreshes, broadcast and
// presence messages. Frames of one socket are handled in order (see Conn.queue).
import { randomUUID } from 'node:crypto';
import { WebSocket } from 'ws';
import { parseFilter } from './filters.ts';
import { reply, send, sendClose, system } from './frames.ts';
import { presenceState, track, untrack } from './presence.ts';
import type { Frame } from './protocol.ts';
import type { ChannelRegistry } from './registry.ts';
import type { VerifyToken } from './tokens.ts';
import type { Binding, Channel, ClientBinding, Conn } from './types.ts';

interface JoinPayload {
  config?: {
    broadcast?: { self?: boolean; ack?: boolean };
    presence?: { key?: string; enabled?: boolean };
    postgres_changes?: ClientBinding[];
  };
  access_token?: string;
}

export interface FrameHandlerDeps {
  registry: ChannelRegistry;
  verifyToken: VerifyToken;
  /** Drops changes queued while nobody listened, so the first subscriber does not receive them. */
  discardQueuedChanges: () => Promise<void>;
  log: (m: string) => void;
}

export function frameHandler({ registry, verifyToken, discardQueuedChanges, log }: FrameHandlerDeps) {
  let nextBindingId = 1000;

  function toBindings(clientBindings: ClientBinding[]): Binding[] {
    return clientBindings.map((b) => {
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
  }

  async function handleJoin(conn: Conn, frame: Frame) {
    const payload = (frame.payload ?? {}) as JoinPayload;
    const config = payload.config ?? {};
    const verified = await verifyToken(payload.access_token ?? conn.apikey);
    if (!verified.ok) {
      log(`realtime: join ${frame.topic} refused: ${verified.reason}`);
      return reply(conn, frame, 'error', { reason: verified.reason });
    }
    const refusal = registry.admit(conn, frame.topic, verified.claims);
    if (refusal) {
      log(`realtime: join ${frame.topic} refused: ${refusal}`);
      return reply(conn, frame, 'error', { reason: refusal });
    }
    const clientBindings = Array.isArray(config.postgres_changes) ? config.postgres_changes : [];
    let bindings: Binding[];
    try {
      bindings = toBindings(clientBindings);
    } catch (err) {
      return reply(conn, frame, 'error', { reason: err instanceof Error ? err.message : String(err) });
    }

    const previous = conn.channels.get(frame.topic);
    if (previous) registry.remove(previous);
    if (bindings.length && !registry.hasChangeSubscribers()) await discardQueuedChanges();
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
    registry.add(channel);

    reply(conn, frame, 'ok', {
      postgres_changes: clientBindings.map((b, i) => ({ ...b, id: bindings[i].id })),
    });
    if (bindings.length) system(channel, 'ok', 'Subscribed to PostgreSQL', 'postgres_changes');
    if (channel.presenceEnabled) {
      send(conn, { joinRef: channel.joinRef, ref: null, topic: channel.topic, event: 'presence_state', payload: presenceState(registry.members, channel.topic) });
    }
  }

  async function refreshToken(channel: Channel, frame: Frame) {
    const token = (frame.payload as { access_token?: string } | null)?.access_token;
    if (!token || token === channel.token) return;
    const verified = await verifyToken(token);
    if (!verified.ok) return registry.closeWithError(channel, `Received an invalid access token from client: ${verified.reason}`);
    channel.token = token;
    channel.role = verified.claims.role;
    channel.claims = verified.claims;
    channel.exp = verified.claims.exp;
    registry.armExpiry(channel);
  }

  return async function handleFrame(conn: Conn, frame: Frame) {
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
        sendClose(channel);
        registry.remove(channel);
        return;
      case 'access_token':
        return refreshToken(channel, frame);
      case 'broadcast':
        registry.broadcast(channel.topic, frame.payload, channel);
        if (channel.broadcastAck) reply(conn, frame, 'ok');
        return;
      case 'presence': {
        const p = (frame.payload ?? {}) as { event?: string; payload?: Record<string, unknown> };
        reply(conn, frame, 'ok');
        if (p.event === 'track') track(registry.members, channel, p.payload ?? {});
        else if (p.event === 'untrack') untrack(registry.members, channel);
        return;
      }
      default:
        if (frame.ref) reply(conn, frame, 'ok');
    }
  };
}
