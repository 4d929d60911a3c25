// Who is connected and what they joined: sockets, channels per topic, token expiry, and Realtime's join limits.
import { send, sendClose, system } from './frames.ts';
import { untrack } from './presence.ts';
import type { Channel, Claims, Conn } from './types.ts';

const MAX_TIMER_MS = 2 ** 31 - 1;

/** Realtime keeps a private and a public channel of the same name apart (Tenants.tenant_topic). */
export const roomOf = (topic: string, isPrivate: boolean) => `${isPrivate ? 'private' : 'public'}\u0000${topic}`;

export interface RegistryLimits {
  /** Channels one socket may join. */
  maxChannels: number;
  /** Sockets with a joined channel per user, or per address for the anon key alone. */
  maxConnections: number;
}

export class ChannelRegistry {
  readonly conns = new Set<Conn>();
  private readonly rooms = new Map<string, Set<Channel>>();
  private readonly connectionsByClient = new Map<string, Set<Conn>>();

  constructor(private readonly limits: RegistryLimits) {}

  /** The channels joined to a room (see roomOf), across all sockets. */
  readonly members = (room: string): Iterable<Channel> => this.rooms.get(room) ?? [];

  /** Channels with at least one postgres_changes binding. */
  changeSubscribers(): Channel[] {
    const channels: Channel[] = [];
    for (const conn of this.conns) for (const ch of conn.channels.values()) if (ch.bindings.length) channels.push(ch);
    return channels;
  }

  hasChangeSubscribers(): boolean {
    for (const conn of this.conns) for (const ch of conn.channels.values()) if (ch.bindings.length) return true;
    return false;
  }

  /**
   * Realtime's join limits, with its error texts: too many channels on this socket, or too many sockets for this
   * user (anon key alone: this address). Returns the refusal, or null after counting the socket.
   */
  admit(conn: Conn, topic: string, claims: Claims): string | null {
    if (!conn.channels.has(topic) && conn.channels.size >= this.limits.maxChannels) return 'ChannelRateLimitReached: Too many channels';
    if (conn.clientKey) return null;
    const key = typeof claims.sub === 'string' && claims.sub ? `user:${claims.sub}` : `address:${conn.address}`;
    let sockets = this.connectionsByClient.get(key);
    if (!sockets) this.connectionsByClient.set(key, (sockets = new Set()));
    if (sockets.size >= this.limits.maxConnections) {
      if (sockets.size === 0) this.connectionsByClient.delete(key);
      return 'ConnectionRateLimitReached: Too many connected users';
    }
    sockets.add(conn);
    conn.clientKey = key;
    return null;
  }

  add(channel: Channel) {
    channel.conn.channels.set(channel.topic, channel);
    let members = this.rooms.get(channel.room);
    if (!members) this.rooms.set(channel.room, (members = new Set()));
    members.add(channel);
    this.armExpiry(channel);
  }

  remove(channel: Channel) {
    if (channel.expiryTimer) clearTimeout(channel.expiryTimer);
    channel.expiryTimer = null;
    if (channel.conn.channels.get(channel.topic) === channel) channel.conn.channels.delete(channel.topic);
    const members = this.rooms.get(channel.room);
    if (members?.delete(channel)) {
      if (members.size === 0) this.rooms.delete(channel.room);
      untrack(this.members, channel);
    }
  }

  closeWithError(channel: Channel, message: string) {
    system(channel, 'error', message);
    sendClose(channel);
    this.remove(channel);
  }

  /** Closes the channel when its token expires; a refreshed token (a later `exp`) re-arms the timer. */
  armExpiry(channel: Channel) {
    if (channel.expiryTimer) clearTimeout(channel.expiryTimer);
    const ms = channel.exp * 1000 - Date.now();
    channel.expiryTimer = setTimeout(
      () => {
        if (channel.exp * 1000 > Date.now()) return this.armExpiry(channel);
        this.closeWithError(channel, `Token has expired ${Math.max(0, Math.floor(Date.now() / 1000) - channel.exp)} seconds ago`);
      },
      Math.min(Math.max(ms, 0), MAX_TIMER_MS),
    );
    channel.expiryTimer.unref?.();
  }

  /** Sends a broadcast to a room; a private channel receives it only if it may read broadcasts. */
  broadcast(room: string, payload: unknown, sender: Channel | null) {
    for (const ch of this.members(room)) {
      if (ch === sender && !ch.broadcastSelf) continue;
      if (ch.policies && ch.policies.broadcast.read !== true) continue;
      send(ch.conn, { joinRef: null, ref: null, topic: ch.topic, event: 'broadcast', payload });
    }
  }

  connect(conn: Conn) {
    this.conns.add(conn);
  }

  /** A closed socket: stop counting it and drop its channels. */
  disconnect(conn: Conn) {
    this.conns.delete(conn);
    if (conn.clientKey) {
      const sockets = this.connectionsByClient.get(conn.clientKey);
      sockets?.delete(conn);
      if (sockets?.size === 0) this.connectionsByClient.delete(conn.clientKey);
    }
    for (const ch of [...conn.channels.values()]) this.remove(ch);
  }

}
