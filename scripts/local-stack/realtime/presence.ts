// Presence: each channel tracks at most one meta under its presence key; joins and leaves go out as diffs.
import { randomBytes } from 'node:crypto';
import { send } from './frames.ts';
import type { Channel, PresenceMeta } from './types.ts';

type Members = (room: string) => Iterable<Channel>;
type PresenceState = Record<string, { metas: PresenceMeta[] }>;

const newRef = () => randomBytes(8).toString('base64url');

/** A private channel hears presence only if its policies let it read presence. */
const hearsPresence = (ch: Channel) => !ch.policies || ch.policies.presence.read === true;

export function presenceState(members: Members, room: string): PresenceState {
  const state: PresenceState = {};
  for (const ch of members(room)) {
    if (!ch.meta) continue;
    (state[ch.presenceKey] ??= { metas: [] }).metas.push(ch.meta);
  }
  return state;
}

function presenceDiff(members: Members, room: string, joins: Record<string, unknown>, leaves: Record<string, unknown>) {
  for (const ch of members(room)) {
    if (!hearsPresence(ch)) continue;
    send(ch.conn, { joinRef: ch.joinRef, ref: null, topic: ch.topic, event: 'presence_diff', payload: { joins, leaves } });
  }
}

/** Tracks (or re-tracks, replacing the previous meta) the channel's presence. */
export function track(members: Members, channel: Channel, payload: Record<string, unknown>) {
  const prev = channel.meta;
  const meta: PresenceMeta = { ...payload, phx_ref: newRef() };
  if (prev) meta.phx_ref_prev = prev.phx_ref;
  channel.meta = meta;
  presenceDiff(
    members,
    channel.room,
    { [channel.presenceKey]: { metas: [meta] } },
    prev ? { [channel.presenceKey]: { metas: [prev] } } : {},
  );
}

export function untrack(members: Members, channel: Channel) {
  const meta = channel.meta;
  if (!meta) return;
  channel.meta = null;
  presenceDiff(members, channel.room, {}, { [channel.presenceKey]: { metas: [meta] } });
}
