// HTTP helpers shared by every edge function: CORS, JSON answers and uniform error bodies.
import type { z } from 'zod';

/** The CORS headers the gateway and hosted Supabase use; browsers need them on every answer. */
export const corsHeaders: Record<string, string> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Headers':
    'authorization, x-client-info, apikey, content-type, x-retry-count, traceparent, tracestate, baggage, x-supabase-api-version, accept-profile, content-profile, prefer, range, x-region',
  'Access-Control-Allow-Methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
};

/** A JSON response with CORS headers. */
export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { ...corsHeaders, 'Content-Type': 'application/json', ...headers },
  });
}

/** The error body every function answers with: `{ error, details? }`. */
export function errorResponse(status: number, message: string, details?: unknown): Response {
  return json(details === undefined ? { error: message } : { error: message, details }, status);
}

/** Answers a CORS preflight, or returns null so the handler carries on. */
export function handleOptions(req: Request): Response | null {
  return req.method === 'OPTIONS' ? new Response('ok', { status: 200, headers: corsHeaders }) : null;
}

/** Thrown by request helpers; `toResponse()` turns it into the uniform error body. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }

  toResponse(): Response {
    return errorResponse(this.status, this.message, this.details);
  }
}

/** Parses a JSON request body; malformed or non-object JSON becomes a 400 HttpError. */
export async function readJson(req: Request): Promise<Record<string, unknown>> {
  const text = await req.text();
  if (text.trim() === '') return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Malformed JSON body');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new HttpError(400, 'Request body must be a JSON object');
  }
  return body as Record<string, unknown>;
}

/** The caller's bearer token, if any. */
export function bearerToken(req: Request): string | null {
  const match = /^bearer\s+(.+)$/i.exec(req.headers.get('Authorization')?.trim() ?? '');
  return match ? match[1].trim() : null;
}

/**
 * The opening every signed-in POST function shares: only POST (405 naming `usage`, e.g. "{ campaign_id }"), a bearer
 * token (401 with `signIn`), and a JSON body valid for `schema` (400 with the zod issues). Throws HttpError otherwise.
 */
export async function readPostRequest<S extends z.ZodType>(
  req: Request,
  schema: S,
  messages: { usage: string; signIn: string },
): Promise<{ token: string; body: z.output<S> }> {
  if (req.method !== 'POST') throw new HttpError(405, `Method ${req.method} not allowed; POST ${messages.usage}`);
  const token = bearerToken(req);
  if (!token) throw new HttpError(401, messages.signIn);
  const parsed = schema.safeParse(await readJson(req));
  if (!parsed.success) throw new HttpError(400, parsed.error.issues[0]?.message ?? 'Invalid request', parsed.error.issues);
  return { token, body: parsed.data };
}
