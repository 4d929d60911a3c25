import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { bearerToken, verifyJwt, type StackKeys } from './keys.ts';
import { CORS_HEADERS, HttpError, isJsonContentType, MAX_BODY_BYTES, parseJsonBody, readBody, sendEmpty, sendJson } from './http-utils.ts';
import { postgrestError, proxyRest } from './rest-proxy.ts';
import type { FunctionsRunner } from './functions-runner.ts';

export interface RealtimeLike {
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void;
  handleHttp(req: IncomingMessage, res: ServerResponse, path: string): Promise<void>;
  close(): Promise<void>;
}

export interface GatewayServices {
  keys: StackKeys;
  postgrestUrl: string;
  auth: (req: IncomingMessage, res: ServerResponse, subpath: string, url: URL) => Promise<void>;
  functions: FunctionsRunner;
  realtime: RealtimeLike | null;
  /** Which parts are up right now (e.g. `{ rest: false }` while PostgREST is being restarted), for /health. */
  health: () => Record<string, boolean>;
  log: (m: string) => void;
}

/** Auth paths Kong leaves open (no apikey needed). */
const OPEN_AUTH_PATHS = new Set(['/health', '/verify', '/callback', '/authorize']);

function apiKeyOf(req: IncomingMessage, url: URL): string | null {
  const header = req.headers.apikey;
  const value = Array.isArray(header) ? header[0] : header;
  return value?.trim() || url.searchParams.get('apikey');
}

/** 200 when every part is up, else 503 naming the parts that are down (so a supervisor or a test sees the truth). */
function sendHealth(res: ServerResponse, parts: Record<string, boolean>) {
  const down = Object.keys(parts).filter((name) => !parts[name]);
  if (down.length === 0) return sendJson(res, 200, { ok: true, service: 'local-stack', parts });
  return sendJson(res, 503, { ok: false, service: 'local-stack', parts, down }, { 'Retry-After': '1' });
}

/**
 * The single entry point on 127.0.0.1:<port>. It starts answering 503 until `ready(services)` is called, so the
 * port is held (and a clash detected) from the first moment of startup.
 */
export function createGateway(log: (m: string) => void) {
  let services: GatewayServices | null = null;

  /** Kong's key-auth: a valid apikey (any JWT signed with the stack's secret) is required. */
  async function checkApiKey(req: IncomingMessage, url: URL, res: ServerResponse, fillAuthorization: boolean): Promise<boolean> {
    const key = apiKeyOf(req, url);
    if (!key) {
      sendJson(res, 401, { message: 'No API key found in request', hint: 'No `apikey` request header or url param was found.' });
      return false;
    }
    if (!(await verifyJwt(key, services!.keys.jwtSecret)).ok) {
      sendJson(res, 401, { message: 'Invalid API key', hint: 'Double check your Supabase `anon` or `service_role` API key.' });
      return false;
    }
    if (fillAuthorization && !req.headers.authorization) req.headers.authorization = `Bearer ${key}`;
    return true;
  }

  async function handleRest(req: IncomingMessage, res: ServerResponse, url: URL, subpath: string) {
    if (!(await checkApiKey(req, url, res, true))) return;
    const token = bearerToken(req.headers.authorization);
    if (!token) return postgrestError(res, 401, 'PGRST301', 'Authorization header must be "Bearer <jwt>"');
    const check = await verifyJwt(token, services!.keys.jwtSecret);
    if (!check.ok) {
      const message = check.reason === 'expired' ? 'JWT expired' : 'JWSError JWSInvalidSignature';
      return postgrestError(res, 401, 'PGRST301', message, {
        'WWW-Authenticate': `Bearer error="invalid_token", error_description="${message}"`,
      });
    }
    await proxyRest(req, res, services!.postgrestUrl, subpath + url.search);
  }

  async function handleFunctions(req: IncomingMessage, res: ServerResponse, url: URL, subpath: string) {
    const match = /^\/([^/]+)(\/.*)?$/.exec(subpath);
    const name = match ? decodeURIComponent(match[1]) : '';
    const { functions, keys } = services!;
    if (!name || !functions.exists(name)) {
      if (req.method === 'OPTIONS') return sendEmpty(res, 200);
      return sendJson(res, 404, { code: 'NOT_FOUND', message: `Function not found: ${name || '(none)'}` });
    }
    const rest = (match?.[2] ?? '') + url.search;
    if (req.method === 'OPTIONS') return functions.handle(name, req, res, rest, Buffer.alloc(0));
    if (functions.verifyJwt(name)) {
      const token = bearerToken(req.headers.authorization);
      if (!token) return sendJson(res, 401, { code: 'UNAUTHORIZED_NO_AUTH_HEADER', message: 'Missing authorization header' });
      const check = await verifyJwt(token, keys.jwtSecret);
      if (!check.ok) {
        return sendJson(res, 401, {
          code: 'UNAUTHORIZED_INVALID_JWT_FORMAT',
          message: check.reason === 'expired' ? 'Invalid JWT: token is expired' : 'Invalid JWT',
        });
      }
    }
    const body = await readBody(req, MAX_BODY_BYTES);
    if (isJsonContentType(req.headers['content-type']) && body.length > 0) parseJsonBody(body);
    await functions.handle(name, req, res, rest, body);
  }

  async function route(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const pathname = url.pathname;
    const prefix = /^\/(rest|auth|realtime|functions)\/v1(\/.*)?$/.exec(pathname);
    if (req.method === 'OPTIONS' && !(prefix && prefix[1] === 'functions' && services)) {
      return sendEmpty(res, 200);
    }
    if (!services) return sendJson(res, 503, { message: 'The local stack is still starting' }, { 'Retry-After': '1' });
    if (!prefix) {
      if (pathname === '/' || pathname === '/health') return sendHealth(res, services.health());
      return sendJson(res, 404, { message: `No route for ${pathname}` });
    }
    const [, service, subpath = ''] = prefix;
    switch (service) {
      case 'rest':
        return handleRest(req, res, url, subpath);
      case 'auth':
        if (!OPEN_AUTH_PATHS.has(subpath) && !(await checkApiKey(req, url, res, false))) return;
        return services.auth(req, res, subpath, url);
      case 'functions':
        return handleFunctions(req, res, url, subpath);
      case 'realtime':
        if (!services.realtime) return sendJson(res, 503, { message: 'Realtime is not available in this local stack' });
        return services.realtime.handleHttp(req, res, pathname);
    }
  }

  const server = http.createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (error instanceof HttpError) return sendJson(res, error.status, error.body, error.headers);
      log(`gateway error on ${req.method} ${req.url}: ${(error as Error).stack ?? String(error)}`);
      sendJson(res, 500, { message: 'Internal error in the local stack', details: (error as Error).message });
    });
  });

  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    if (services?.realtime && pathname.startsWith('/realtime/v1/')) {
      services.realtime.handleUpgrade(req, socket, head);
      return;
    }
    socket.end('HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n');
  });

  return {
    server,
    listen(port: number): Promise<void> {
      return new Promise((resolve, reject) => {
        const onError = (error: NodeJS.ErrnoException) => {
          reject(
            error.code === 'EADDRINUSE'
              ? new Error(`Port ${port} is already in use: is another local stack running? Set LOCAL_STACK_PORT to use another port.`)
              : error,
          );
        };
        server.once('error', onError);
        server.listen(port, '127.0.0.1', () => {
          server.off('error', onError);
          resolve();
        });
      });
    },
    ready(s: GatewayServices) {
      services = s;
    },
    close(): Promise<void> {
      return new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

export { CORS_HEADERS };
