import { describe, expect, it } from 'vitest';
import { decodeFrame, encodeFrame } from './protocol.ts';

describe('phoenix frames', () => {
  it('decodes a binary kind-3 user broadcast push with UTF-8 payload', () => {
    const head = Buffer.from([3, 1, 1, 14, 1, 0, 1]);
    const frame = decodeFrame(Buffer.concat([head, Buffer.from('67realtime:room2e{"a":"é"}')]), true, '2.0.0');
    expect(frame).toEqual({
      joinRef: '6',
      ref: '7',
      topic: 'realtime:room2',
      event: 'broadcast',
      payload: { type: 'broadcast', event: 'e', payload: { a: 'é' } },
    });
  });

  it('reads v2 arrays and v1 objects', () => {
    expect(decodeFrame(Buffer.from('[null,"8","phoenix","heartbeat",{}]'), false, '2.0.0')).toEqual({
      joinRef: null,
      ref: '8',
      topic: 'phoenix',
      event: 'heartbeat',
      payload: {},
    });
    expect(decodeFrame(Buffer.from('{"topic":"phoenix","event":"heartbeat","payload":{},"ref":"3"}'), false, '1.0.0')).toMatchObject({
      ref: '3',
      joinRef: null,
      event: 'heartbeat',
    });
  });

  it('encodes raw-byte broadcasts as binary kind 4 for v2 and skips them for v1', () => {
    const frame = { joinRef: null, ref: null, topic: 'realtime:r', event: 'broadcast', payload: { type: 'broadcast', event: 'e', payload: Buffer.from([1, 2]) } };
    const out = encodeFrame(frame, '2.0.0') as Buffer;
    expect([...out]).toEqual([4, 10, 1, 0, 0, ...Buffer.from('realtime:re'), 1, 2]);
    expect(encodeFrame(frame, '1.0.0')).toBeNull();
  });
});
