import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { relayToFunction } from './function-relay.ts';

const servers: http.Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => (s.closeAllConnections(), s.close(resolve)))));
});

async function listen(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<number> {
  const server = http.createServer(handler);
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** A gateway in front of the "function" on `port`, relaying every request as the functions runner does. */
async function gateway(port: number): Promise<string> {
  const front = await listen(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    await relayToFunction(port, { method: req.method, path: req.url, headers: { 'content-type': 'application/json' } }, Buffer.concat(chunks), res, 3);
  });
  return `http://127.0.0.1:${front}`;
}

describe('relayToFunction', () => {
  it('sends a request again when the kept-alive socket it reused was closed under it', async () => {
    const seen: string[] = [];
    const sockets = new Map<Socket, number>();
    // Answers the first request on each connection and drops the connection at the second, without a reply: what a
    // server closing an idle keep-alive socket looks like to the client that just reused it.
    const fn = await listen((req, res) => {
      const count = (sockets.get(req.socket) ?? 0) + 1;
      sockets.set(req.socket, count);
      if (count > 1) return req.socket.destroy();
      seen.push(req.url ?? '');
      res.end(JSON.stringify({ ok: req.url }));
    });
    const url = await gateway(fn);
    const first = await fetch(`${url}/one`);
    expect(await first.json()).toEqual({ ok: '/one' });
    const second = await fetch(`${url}/two`);
    expect(second.status).toBe(200);
    expect(await second.json()).toEqual({ ok: '/two' });
    expect(seen).toEqual(['/one', '/two']);
  });

  it('answers 502 when the function drops a fresh connection', async () => {
    const fn = await listen((req) => req.socket.destroy());
    const res = await fetch(`${await gateway(fn)}/x`);
    expect(res.status).toBe(502);
    expect((await res.json()).code).toBe('RELAY_ERROR');
  });
});
