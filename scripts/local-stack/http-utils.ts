import type { IncomingMessage, ServerResponse } from 'node:http';

/** CORS headers from docs/local-stack.md §4, sent on every response and every preflight. */
export const CORS_HEADERS: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers':
    'authorization, x-client-info, apikey, content-type, x-retry-count, traceparent, tracestate, baggage, x-supabase-api-version, accept-profile, content-profile, prefer, range, x-region',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'Access-Control-Expose-Headers': 'content-range, x-supabase-api-version, content-profile, location, preference-applied',
};

export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * Bulk inserts through REST (seeds, imports) get more room than auth and function calls, but not so much that one
 * tenant's request holds a pooled connection for seconds: 2 MiB is several thousand rows per request, which is
 * what the app's imports send per batch. Larger loads are split by the client.
 */
export const MAX_REST_BODY_BYTES = 2 * 1024 * 1024;

/** An error that becomes a JSON response with this status and body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly body: Record<string, unknown>,
    readonly headers: Record<string, string> = {},
  ) {
    super(String(body.message ?? body.msg ?? body.error ?? `HTTP ${status}`));
  }
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = body === undefined ? '' : JSON.stringify(body);
  res.writeHead(status, { ...CORS_HEADERS, 'Content-Type': 'application/json; charset=utf-8', ...headers });
  res.end(text);
}

export function sendEmpty(res: ServerResponse, status: number, headers: Record<string, string> = {}): void {
  res.writeHead(status, { ...CORS_HEADERS, ...headers });
  res.end();
}

/** Past this much, an oversized body is not drained any more: the connection is dropped instead. */
const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

/**
 * Reads the whole body, refusing with 413 once it passes the limit. An oversized body is still read (and thrown
 * away) before the refusal is answered: closing the socket under a client that is still writing makes it see a
 * broken pipe instead of the 413.
 */
export function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const declared = Number(req.headers['content-length']);
    let tooLarge = Number.isFinite(declared) && declared > limit;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) tooLarge = true;
      if (size > MAX_DRAIN_BYTES) {
        reject(payloadTooLarge(limit));
        req.destroy();
        return;
      }
      if (!tooLarge) chunks.push(chunk);
    });
    req.on('end', () => {
      if (tooLarge) reject(payloadTooLarge(limit));
      else resolve(Buffer.concat(chunks));
    });
    req.on('error', (error) => reject(error));
  });
}

function payloadTooLarge(limit: number): HttpError {
  return new HttpError(413, {
    code: 'payload_too_large',
    message: `Request body is larger than the limit of ${limit} bytes`,
  });
}

/** Parses a JSON body, mapping malformed input to a 400. Empty bodies become `{}`. */
export function parseJsonBody(body: Buffer): unknown {
  const text = body.toString('utf8').trim();
  if (text === '') return {};
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new HttpError(400, { code: 'bad_json', message: `Malformed JSON body: ${(error as Error).message}` });
  }
}

export function isJsonContentType(header: string | undefined): boolean {
  return !!header && /\bjson\b/i.test(header.split(';')[0]);
}

export function headerValue(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name.toLowerCase()];
  return Array.isArray(value) ? value[0] : value;
}
