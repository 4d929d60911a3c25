// Realtime's HTTP broadcast API: POST /api/broadcast with `{ messages: [...] }` (what realtime-js sends when a
// channel is not joined), and POST /api/broadcast/:topic/events/:event with the payload as the body.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, headerValue, isJsonContentType, parseJsonBody, readBody, sendEmpty, sendJson } from '../http-utils.ts';
import type { ChannelRegistry } from './registry.ts';
import type { VerifyToken } from './tokens.ts';

const ROUTE = /^\/api\/broadcast(?:\/([^/]+)\/events\/([^/]+))?\/?$/;

function bearerOrApikey(req: IncomingMessage): string | undefined {
  const auth = headerValue(req, 'authorization');
  return auth?.startsWith('Bearer ') ? auth.slice(7) : headerValue(req, 'apikey');
}

export function broadcastApi(registry: ChannelRegistry, verifyToken: VerifyToken) {
  async function publish(req: IncomingMessage, topic: string | undefined, event: string | undefined): Promise<void> {
    const body = await readBody(req);
    if (topic !== undefined && event !== undefined) {
      // A body without a content type is JSON, as realtime-js sends it.
      const payload = isJsonContentType(headerValue(req, 'content-type') ?? 'application/json') ? parseJsonBody(body) : body;
      registry.broadcast(`realtime:${decodeURIComponent(topic)}`, { type: 'broadcast', event: decodeURIComponent(event), payload }, null);
      return;
    }
    const parsed = parseJsonBody(body) as { messages?: { topic?: string; event?: string; payload?: unknown }[] };
    if (!Array.isArray(parsed.messages)) throw new HttpError(400, { message: 'messages must be an array' });
    for (const msg of parsed.messages) {
      if (typeof msg.topic !== 'string' || typeof msg.event !== 'string') continue;
      registry.broadcast(`realtime:${msg.topic}`, { type: 'broadcast', event: msg.event, payload: msg.payload ?? {} }, null);
    }
  }

  return async function handleHttp(req: IncomingMessage, res: ServerResponse, path: string): Promise<void> {
    const pathname = path.split('?')[0].replace(/^\/realtime\/v1/, '');
    if (req.method === 'OPTIONS') return sendEmpty(res, 200);
    const m = ROUTE.exec(pathname);
    if (!m) return sendJson(res, 404, { message: 'Not found' });
    if (req.method !== 'POST') return sendJson(res, 405, { message: 'Method not allowed' });
    const verified = await verifyToken(bearerOrApikey(req));
    if (!verified.ok) return sendJson(res, 401, { message: verified.reason });
    try {
      await publish(req, m[1], m[2]);
      return sendJson(res, 202, undefined);
    } catch (err) {
      if (err instanceof HttpError) return sendJson(res, err.status, err.body, err.headers);
      return sendJson(res, 400, { message: err instanceof Error ? err.message : String(err) });
    }
  };
}
