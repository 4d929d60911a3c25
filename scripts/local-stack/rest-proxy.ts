import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { CORS_HEADERS, MAX_REST_BODY_BYTES, readBody, sendJson } from './http-utils.ts';

/** Schemas PostgREST serves for the stack itself; never reachable through the public gateway. */
const INTERNAL_SCHEMAS = new Set(['_realtime', '_local_auth']);

/** PostgREST's own error shape, so postgrest-js reports gateway refusals like PostgREST ones. */
export function postgrestError(res: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}) {
  sendJson(res, status, { code, details: null, hint: null, message }, headers);
}

/** Forwards `/rest/v1<subpath>` to PostgREST after the gateway's own checks. */
export async function proxyRest(req: IncomingMessage, res: ServerResponse, postgrestUrl: string, subpathWithQuery: string): Promise<void> {
  for (const header of ['accept-profile', 'content-profile']) {
    const profile = req.headers[header];
    if (typeof profile === 'string' && INTERNAL_SCHEMAS.has(profile.trim())) {
      return postgrestError(res, 406, 'PGRST106', 'The schema must be one of the following: public, graphql_public');
    }
  }
  const body = ['GET', 'HEAD'].includes(req.method ?? 'GET') ? Buffer.alloc(0) : await readBody(req, MAX_REST_BODY_BYTES);
  const target = new URL(postgrestUrl);
  const headers: http.OutgoingHttpHeaders = { ...req.headers, host: target.host };
  delete headers.connection;
  delete headers['transfer-encoding'];
  if (body.length > 0 || !['GET', 'HEAD'].includes(req.method ?? 'GET')) headers['content-length'] = String(body.length);
  await new Promise<void>((resolve) => {
    const upstream = http.request(
      { host: target.hostname, port: target.port, method: req.method, path: subpathWithQuery || '/', headers },
      (up) => {
        const out: Record<string, string | string[]> = {};
        for (const [key, value] of Object.entries(up.headers)) {
          if (value !== undefined && !key.startsWith('access-control-')) out[key] = value;
        }
        res.writeHead(up.statusCode ?? 502, { ...out, ...CORS_HEADERS });
        up.pipe(res);
        up.on('end', resolve);
        up.on('error', () => resolve());
      },
    );
    upstream.on('error', (error) => {
      postgrestError(res, 503, 'PGRST000', `PostgREST is not reachable: ${error.message}`);
      resolve();
    });
    upstream.end(body);
  });
}
