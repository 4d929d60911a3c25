// Realtime's HTTP broadcast API: POST /api/broadcast with `{ messages: [...] }` (what realtime-js sends when a
// channel is not joined), and POST /api/broadcast/:topic/events/:event with the payload as the body (httpSend).
// Private messages go to private channels only, and only if the caller's JWT may write to the topic (the
// realtime.messages INSERT policy, as at a channel's first broadcast). As Realtime does, the batch route drops
// unauthorized private messages and still answers 202; the single route answers 403 `Unauthorized`.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { HttpError, headerValue, isJsonContentType, parseJsonBody, readBody, sendEmpty, sendJson } from '../http-utils.ts';
import { uncheckedPolicies, type ChannelAuthorizer } from './authorization.ts';
import { roomOf, type ChannelRegistry } from './registry.ts';
import type { VerifyToken } from './tokens.ts';
import type { Claims } from './types.ts';

const ROUTE = /^\/api\/broadcast(?:\/([^/]+)\/events\/([^/]+))?\/?$/;

function bearerOrApikey(req: IncomingMessage): string | undefined {
  const auth = headerValue(req, 'authorization');
  return auth?.startsWith('Bearer ') ? auth.slice(7) : headerValue(req, 'apikey');
}

export function broadcastApi(registry: ChannelRegistry, verifyToken: VerifyToken, authorizer: ChannelAuthorizer) {
  const mayWrite = async (topic: string, claims: Claims) =>
    (await authorizer.write(uncheckedPolicies(), { topic, claims }, ['broadcast'])).broadcast.write === true;

  async function publish(req: IncomingMessage, claims: Claims, topic: string | undefined, event: string | undefined): Promise<void> {
    const body = await readBody(req);
    if (topic !== undefined && event !== undefined) {
      const subTopic = decodeURIComponent(topic);
      const isPrivate = new URL(req.url ?? '/', 'http://localhost').searchParams.get('private') === 'true';
      if (isPrivate && !(await mayWrite(subTopic, claims))) throw new HttpError(403, { message: 'Unauthorized' });
      // A body without a content type is JSON, as realtime-js sends it.
      const payload = isJsonContentType(headerValue(req, 'content-type') ?? 'application/json') ? parseJsonBody(body) : body;
      registry.broadcast(roomOf(`realtime:${subTopic}`, isPrivate), { type: 'broadcast', event: decodeURIComponent(event), payload }, null);
      return;
    }
    const parsed = parseJsonBody(body) as { messages?: { topic?: string; event?: string; payload?: unknown; private?: unknown }[] };
    if (!Array.isArray(parsed.messages)) throw new HttpError(400, { message: 'messages must be an array' });
    const allowed = new Map<string, Promise<boolean>>();
    for (const msg of parsed.messages) {
      if (typeof msg.topic !== 'string' || typeof msg.event !== 'string') continue;
      const isPrivate = msg.private === true;
      if (isPrivate) {
        // One check per topic of the batch, as Realtime groups private messages by topic.
        if (!allowed.has(msg.topic)) allowed.set(msg.topic, mayWrite(msg.topic, claims));
        if (!(await allowed.get(msg.topic))) continue;
      }
      registry.broadcast(roomOf(`realtime:${msg.topic}`, isPrivate), { type: 'broadcast', event: msg.event, payload: msg.payload ?? {} }, null);
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
      await publish(req, verified.claims, m[1], m[2]);
      return sendJson(res, 202, undefined);
    } catch (err) {
      if (err instanceof HttpError) return sendJson(res, err.status, err.body, err.headers);
      return sendJson(res, 400, { message: err instanceof Error ? err.message : String(err) });
    }
  };
}
