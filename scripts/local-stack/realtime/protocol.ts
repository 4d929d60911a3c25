// Phoenix channel frames as realtime-js speaks them (docs/local-stack.md §3): vsn 2.0.0 JSON arrays plus binary
// user broadcasts (kind 3 client → server, kind 4 server → client), and vsn 1.0.0 JSON objects.

export type Vsn = '1.0.0' | '2.0.0';

export interface Frame {
  joinRef: string | null;
  ref: string | null;
  topic: string;
  event: string;
  payload: unknown;
}

/** Payload of a broadcast: user payload is JSON, or raw bytes when the client sent an ArrayBuffer. */
export interface BroadcastPayload {
  type: 'broadcast';
  event: string;
  payload: unknown;
  meta?: unknown;
}

const KIND_USER_BROADCAST_PUSH = 3;
const KIND_USER_BROADCAST = 4;
const ENC_RAW = 0;
const ENC_JSON = 1;

function str(v: unknown): string | null {
  if (v === null || v === undefined) return null;
  return String(v);
}

export function decodeFrame(data: Buffer, isBinary: boolean, vsn: Vsn): Frame {
  if (isBinary) return decodeBinary(data);
  const parsed: unknown = JSON.parse(data.toString('utf8'));
  if (vsn === '2.0.0' && Array.isArray(parsed)) {
    const [joinRef, ref, topic, event, payload] = parsed as unknown[];
    return { joinRef: str(joinRef), ref: str(ref), topic: String(topic ?? ''), event: String(event ?? ''), payload: payload ?? {} };
  }
  if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
    const o = parsed as Record<string, unknown>;
    return {
      joinRef: str(o.join_ref),
      ref: str(o.ref),
      topic: String(o.topic ?? ''),
      event: String(o.event ?? ''),
      payload: o.payload ?? {},
    };
  }
  throw new Error('unreadable frame');
}

function decodeBinary(buf: Buffer): Frame {
  if (buf.length < 7 || buf[0] !== KIND_USER_BROADCAST_PUSH) throw new Error(`unsupported binary frame kind ${buf[0]}`);
  const lens = [buf[1], buf[2], buf[3], buf[4], buf[5]];
  const encoding = buf[6];
  let offset = 7;
  const fields = lens.map((len) => {
    const s = buf.subarray(offset, offset + len).toString('utf8');
    offset += len;
    return s;
  });
  const [joinRef, ref, topic, userEvent, meta] = fields;
  const body = buf.subarray(offset);
  const payload: BroadcastPayload = {
    type: 'broadcast',
    event: userEvent,
    payload: encoding === ENC_JSON ? (body.length ? JSON.parse(body.toString('utf8')) : {}) : Buffer.from(body),
  };
  if (meta) payload.meta = JSON.parse(meta);
  return { joinRef: joinRef || null, ref: ref || null, topic, event: 'broadcast', payload };
}

/** Encodes a server frame; a broadcast whose user payload is raw bytes goes out as binary kind 4 (v2 only). */
export function encodeFrame(frame: Frame, vsn: Vsn): string | Buffer | null {
  const p = frame.payload as Partial<BroadcastPayload> | null;
  if (frame.event === 'broadcast' && p && Buffer.isBuffer(p.payload)) {
    if (vsn !== '2.0.0') return null;
    const topic = Buffer.from(frame.topic, 'utf8');
    const event = Buffer.from(String(p.event ?? ''), 'utf8');
    const meta = Buffer.from(p.meta === undefined ? '' : JSON.stringify(p.meta), 'utf8');
    const header = Buffer.from([KIND_USER_BROADCAST, topic.length, event.length, meta.length, ENC_RAW]);
    return Buffer.concat([header, topic, event, meta, p.payload]);
  }
  if (vsn === '2.0.0') return JSON.stringify([frame.joinRef, frame.ref, frame.topic, frame.event, frame.payload]);
  return JSON.stringify({
    topic: frame.topic,
    event: frame.event,
    payload: frame.payload,
    ref: frame.ref,
    join_ref: frame.joinRef,
  });
}
