// What a socket's frames do: heartbeats, joins (token, limits, bindings), leaves, token refreshes, broadcast and
// presence messages. Frames of one socket are handled in order (see Conn.queue).
import { randomUUID } from 'node:crypto';
import { WebSocket } from 'ws';
import { uncheckedPolicies, type ChannelAuthorizer, type Extension, type Policies } from './authorization.ts';
import { parseFilter } from './filters.ts';
import { reply, send, sendClose, system } from './frames.ts';
import { presenceState, track, untrack } from './presence.ts';
import type { Frame } from './protocol.ts';
import { roomOf, type ChannelRegistry } from './registry.ts';
import type { VerifyToken } from './tokens.ts';
import type { Binding, Channel, ClientBinding, Conn } from './types.ts';

interface JoinPayload {
  config?: {
    broadcast?: { self?: boolean; ack?: boolean };
    presence?: { key?: string; enabled?: boolean };
    postgres_changes?: ClientBinding[];
    private?: boolean;
  };
  access_token?: string;
}

export interface FrameHandlerDeps {
  registry: ChannelRegistry;
  verifyToken: VerifyToken;
  authorizer: ChannelAuthorizer;
  /** Realtime's "Allow public access" switched off: joins must be private (broadcast, presence and postgres_changes). */
  privateOnly: boolean;
  /** Drops changes queued while nobody listened, so the first subscriber does not receive them. */
  discardQueuedChanges: () => Promise<void>;
  log: (m: string) => void;
}

const subTopic = (topic: string) => topic.replace(/^realtime:/, '');
const unauthorized = (topic: string) => `Unauthorized: You do not have permissions to read from this Channel topic: ${subTopic(topic)}`;
const PRIVATE_ONLY = 'PrivateOnly: This project only allows private channels';

export function frameHandler({ registry, verifyToken, authorizer, privateOnly, discardQueuedChanges, log }: FrameHandlerDeps) {
  let nextBindingId = 1000;

  /** Receive permission as Realtime checks it at join: broadcast, and presence when the channel uses presence. */
  async function readPolicies(topic: string, claims: Channel['claims'], presenceEnabled: boolean, policies: Policies = uncheckedPolicies()) {
    const extensions: Extension[] = presenceEnabled ? ['broadcast', 'presence'] : ['broadcast'];
    return authorizer.read(policies, { topic: subTopic(topic), claims }, extensions);
  }

  /** Send permission for one extension, checked the first time the client sends and then cached on the channel. */
  async function mayWrite(channel: Channel, ext: Extension): Promise<boolean> {
    if (!channel.policies) return true;
    if (channel.policies[ext].write === null) {
      let policies = channel.policies;
      // Presence switched on by this track: its read permission was not checked at join.
      if (ext === 'presence' && policies.presence.read === null) policies = await readPolicies(channel.topic, channel.claims, true, policies);
      const extensions: Extension[] = channel.presenceEnabled || ext === 'presence' ? ['broadcast', 'presence'] : ['broadcast'];
      channel.policies = await authorizer.write(policies, { topic: subTopic(channel.topic), claims: channel.claims }, extensions);
    }
    return channel.policies[ext].write === true;
  }

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
    const isPrivate = config.private === true;
    if (privateOnly && !isPrivate) {
      log(`realtime: join ${frame.topic} refused: ${PRIVATE_ONLY}`);
      return reply(conn, frame, 'error', { reason: PRIVATE_ONLY });
    }
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
    const presenceEnabled = Boolean(config.presence?.enabled);
    let policies: Policies | null = null;
    if (isPrivate) {
      policies = await readPolicies(frame.topic, verified.claims, presenceEnabled);
      if (!policies.broadcast.read && !policies.presence.read) {
        log(`realtime: join ${frame.topic} refused: ${unauthorized(frame.topic)}`);
        return reply(conn, frame, 'error', { reason: unauthorized(frame.topic) });
      }
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
      private: isPrivate,
      room: roomOf(frame.topic, isPrivate),
      policies,
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
      presenceEnabled,
      meta: null,
    };
    registry.add(channel);

    reply(conn, frame, 'ok', {
      postgres_changes: clientBindings.map((b, i) => ({ ...b, id: bindings[i].id })),
    });
    if (bindings.length) system(channel, 'ok', 'Subscribed to PostgreSQL', 'postgres_changes');
    if (channel.presenceEnabled && (!policies || policies.presence.read)) {
      send(conn, { joinRef: channel.joinRef, ref: null, topic: channel.topic, event: 'presence_state', payload: presenceState(registry.members, channel.room) });
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
    if (channel.policies) {
      // As Realtime does: the new token's permissions replace the cached ones; losing read closes the channel.
      const previous = channel.policies;
      channel.policies = await readPolicies(channel.topic, channel.claims, channel.presenceEnabled);
      const { broadcast, presence } = channel.policies;
      if (!broadcast.read && !presence.read) return registry.closeWithError(channel, unauthorized(channel.topic).replace(/^Unauthorized: /, ''));
      if ((previous.broadcast.read && !broadcast.read) || (previous.presence.read && !presence.read)) {
        return registry.closeWithError(channel, `You no longer have permission to read from this Channel topic: ${subTopic(channel.topic)}`);
      }
    }
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
        // Realtime drops a private channel's broadcast without write permission, with no reply even when acked.
        if (!(await mayWrite(channel, 'broadcast'))) return;
        registry.broadcast(channel.room, frame.payload, channel);
        if (channel.broadcastAck) reply(conn, frame, 'ok');
        return;
      case 'presence': {
        const p = (frame.payload ?? {}) as { event?: string; payload?: Record<string, unknown> };
        const event = String(p.event ?? '').toLowerCase();
        if (event === 'track') {
          if (!(await mayWrite(channel, 'presence'))) return reply(conn, frame, 'error');
          channel.presenceEnabled = true;
          reply(conn, frame, 'ok');
          track(registry.members, channel, p.payload ?? {});
          return;
        }
        reply(conn, frame, 'ok');
        if (event === 'untrack') untrack(registry.members, channel);
        return;
      }
      default:
        if (frame.ref) reply(conn, frame, 'ok');
    }
  };
}
