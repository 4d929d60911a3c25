import http, { type ServerResponse } from 'node:http';
import { CORS_HEADERS, sendJson } from './http-utils.ts';

/** How long to wait before asking again while a function is restarting (watch mode). */
const RESTART_RETRY_MS = 250;

/**
 * Relays one request to a function's Deno server on 127.0.0.1:`port` and pipes its answer to `res`, adding the
 * CORS headers the function left out. Connections are kept alive (Node's global agent), so a pooled socket the
 * server has just closed can fail before any byte of the answer arrives: that request never reached the function,
 * so it is sent again on a fresh socket (Node's documented remedy, `request.reusedSocket`). A refused connection
 * means the function is restarting and is retried after a pause; `retries` bounds both.
 */
export function relayToFunction(port: number, options: http.RequestOptions, body: Buffer, res: ServerResponse, retries: number): Promise<void> {
  return new Promise((resolve) => {
    const upstream = http.request({ ...options, host: '127.0.0.1', port }, (up) => {
      const outHeaders: Record<string, string | string[]> = {};
      for (const [key, value] of Object.entries(up.headers)) if (value !== undefined) outHeaders[key] = value;
      for (const [key, value] of Object.entries(CORS_HEADERS)) {
        if (!(key.toLowerCase() in outHeaders)) outHeaders[key] = value;
      }
      res.writeHead(up.statusCode ?? 502, outHeaders);
      up.pipe(res);
      up.on('end', resolve);
      up.on('error', () => resolve());
    });
    upstream.on('error', (error: NodeJS.ErrnoException) => {
      if (retries > 0 && error.code === 'ECONNRESET' && upstream.reusedSocket && !res.headersSent) {
        relayToFunction(port, options, body, res, retries - 1).then(resolve);
        return;
      }
      if (error.code === 'ECONNREFUSED' && retries > 0) {
        setTimeout(() => relayToFunction(port, options, body, res, retries - 1).then(resolve), RESTART_RETRY_MS);
        return;
      }
      sendJson(res, 502, { code: 'RELAY_ERROR', message: `Function did not answer: ${error.message}` }, { 'x-relay-error': 'true' });
      resolve();
    });
    upstream.end(body);
  });
}
