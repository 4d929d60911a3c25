// What every auth route needs: the store, keys and settings, rate limits, and who is asking (token → claims/user).
import type { IncomingMessage } from 'node:http';
import { bearerToken, verifyJwt, type StackKeys } from '../keys.ts';
import { authError, badJwt, noAuthorization } from './errors.ts';
import { unwrapUser } from './input.ts';
import { AuthRateLimiter } from './rate-limits.ts';
import type { AuthSettings } from './settings.ts';
import type { AuthStore } from './store.ts';
import { newRefreshToken, sessionResponse, type AmrMethod } from './tokens.ts';
import type { AuthUserRow } from './user-json.ts';

const ADMIN_ROLES = new Set(['service_role', 'supabase_admin']);

export type Claims = Record<string, unknown>;

export interface RouteContext {
  store: AuthStore;
  settings: AuthSettings;
  limits: AuthRateLimiter;
  clientIp(req: IncomingMessage): string;
  claimsFrom(req: IncomingMessage): Promise<Claims>;
  /** The signed-in user behind the Bearer token, with its session still alive. */
  currentUser(req: IncomingMessage): Promise<{ user: AuthUserRow; claims: Claims }>;
  requireAdmin(req: IncomingMessage): Promise<void>;
  newSession(user: AuthUserRow, method: AmrMethod): Promise<Awaited<ReturnType<typeof sessionResponse>>>;
  /** The `iss` claim and signing secret of the tokens this service issues. */
  issuer: string;
  jwtSecret: string;
}

export function createRouteContext(store: AuthStore, keys: StackKeys, issuer: string, settings: AuthSettings): RouteContext {
  async function claimsFrom(req: IncomingMessage): Promise<Claims> {
    const token = bearerToken(req.headers.authorization);
    if (!token) throw noAuthorization();
    const check = await verifyJwt(token, keys.jwtSecret);
    if (!check.ok) throw badJwt(check.reason === 'expired' ? 'token is expired' : check.message);
    return check.claims;
  }

  return {
    store,
    settings,
    issuer,
    jwtSecret: keys.jwtSecret,
    limits: new AuthRateLimiter(settings.rateLimits),
    /** GoTrue limits per client IP; the gateway is the edge here, so the socket's address is the client's. */
    clientIp: (req) => req.socket.remoteAddress ?? 'unknown',
    claimsFrom,
    async currentUser(req) {
      const claims = await claimsFrom(req);
      if (typeof claims.sub !== 'string' || !claims.sub) throw badJwt('invalid claim: missing sub claim');
      const sessionId = typeof claims.session_id === 'string' ? claims.session_id : null;
      const result = await store.getUser(claims.sub, sessionId);
      const user = unwrapUser(result);
      if (result.session_exists === false) {
        throw authError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
      }
      return { user, claims };
    },
    async requireAdmin(req) {
      const claims = await claimsFrom(req);
      if (!ADMIN_ROLES.has(String(claims.role))) throw authError(403, 'not_admin', 'User not allowed');
    },
    async newSession(user, method) {
      const refreshToken = newRefreshToken();
      const started = await store.startSession(user.id, refreshToken);
      const fresh = unwrapUser(started);
      return sessionResponse({ user: fresh, sessionId: started.session_id!, refreshToken, issuer, secret: keys.jwtSecret, method });
    },
  };
}
