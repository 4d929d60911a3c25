// The shapes the realtime service's modules share: a socket, the channels joined on it, and their bindings.
import type { JWTPayload } from 'jose';
import type { WebSocket } from 'ws';
import type { Policies } from './authorization.ts';
import type { ChangeRow } from './change-feed.ts';
import type { ColumnFilter } from './filters.ts';
import type { Vsn } from './protocol.ts';

export type Claims = JWTPayload & { role: string; exp: number };

/** A postgres_changes binding as realtime-js sends it in the join's config. */
export interface ClientBinding {
  event?: string;
  schema?: string;
  table?: string;
  filter?: string;
}

export interface Binding {
  id: number;
  event: '*' | ChangeRow['type'];
  schema: string;
  table: string;
  filters: ColumnFilter[];
}

export interface PresenceMeta {
  phx_ref: string;
  phx_ref_prev?: string;
  [key: string]: unknown;
}

export interface Conn {
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

export interface Channel {
  conn: Conn;
  topic: string;
  /** A private channel (authorized by realtime.messages policies); it never shares a room with a public one. */
  private: boolean;
  /** Who hears this channel's broadcasts and presence: the topic, separately for private and public channels. */
  room: string;
  /** Private channels: what the client may do, checked at join and when it first sends (null for public). */
  policies: Policies | null;
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
