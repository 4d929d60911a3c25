// Sending Phoenix frames to one socket: raw frames, replies to a client's frame, and `system` messages.
import { WebSocket } from 'ws';
import { encodeFrame, type Frame } from './protocol.ts';
import type { Channel, Conn } from './types.ts';

const subTopic = (topic: string) => topic.replace(/^realtime:/, '');

export function send(conn: Conn, frame: Frame) {
  if (conn.ws.readyState !== WebSocket.OPEN) return;
  const data = encodeFrame(frame, conn.vsn);
  if (data !== null) conn.ws.send(data);
}

export function reply(conn: Conn, frame: Frame, status: 'ok' | 'error', response: unknown = {}) {
  send(conn, { joinRef: frame.joinRef, ref: frame.ref, topic: frame.topic, event: 'phx_reply', payload: { status, response } });
}

export function system(channel: Channel, status: 'ok' | 'error', message: string, extension = 'system') {
  send(channel.conn, {
    joinRef: channel.joinRef,
    ref: null,
    topic: channel.topic,
    event: 'system',
    payload: { extension, status, message, channel: subTopic(channel.topic) },
  });
}

/** Tells the client its channel is closed (phx_close), as Phoenix does after a leave. */
export function sendClose(channel: Channel) {
  send(channel.conn, { joinRef: channel.joinRef, ref: channel.joinRef, topic: channel.topic, event: 'phx_close', payload: {} });
}
