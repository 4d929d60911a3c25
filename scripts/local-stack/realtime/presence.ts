// Presence: each channel tracks at most one meta under its presence key; joins and leaves go out as diffs.
import { randomBytes } from 'node:crypto';
import { send } from './frames.ts';
import type { Channel, PresenceMeta } from './types.ts';

type Members = (topic: string) => Iterable<Channel>;
type PresenceState = Record<string, { metas: PresenceMeta[] }>;

const newRef = () => randomBytes(8).toString('base64url');

export function presenceState(members: Members, topic: string): PresenceState {
  const state: PresenceState = {};
  for (const ch of members(topic)) {
    if (!ch.meta) continue;
    (state[ch.presenceKey] ??= { metas: [] }).metas.push(ch.meta);
  }
  return state;
}

function presenceDiff(members: Members, topic: string, joins: Record<string, unknown>, leaves: Record<string, unknown>) {
  for (const ch of members(topic)) {
    send(ch.conn, { joinRef: ch.joinRef, ref: null, topic, event: 'presence_diff', payload: { joins, leaves } });
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
    channel.topic,
    { [channel.presenceKey]: { metas: [meta] } },
    prev ? { [channel.presenceKey]: { metas: [prev] } } : {},
  );
}

export function untrack(members: Members, channel: Channel) {
  const meta = channel.meta;
  if (!meta) return;
  channel.meta = null;
  presenceDiff(members, channel.topic, {}, { [channel.presenceKey]: { metas: [meta] } });
}
