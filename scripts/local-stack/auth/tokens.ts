import { randomBytes } from 'node:crypto';
import { signJwt } from '../keys.ts';
import { toUserJson, type AuthUserRow } from './user-json.ts';

export const ACCESS_TOKEN_TTL_SECONDS = 3600;

export type AmrMethod = 'password' | 'anonymous' | 'token_refresh';

/** GoTrue's refresh tokens are short opaque strings. */
export function newRefreshToken(): string {
  return randomBytes(16).toString('base64url');
}

/** Builds the access-token claims GoTrue issues (docs/local-stack.md §2). */
export function accessTokenClaims(user: AuthUserRow, sessionId: string, issuer: string, method: AmrMethod, now = Math.floor(Date.now() / 1000)) {
  return {
    aud: 'authenticated',
    exp: now + ACCESS_TOKEN_TTL_SECONDS,
    iat: now,
    iss: issuer,
    sub: user.id,
    email: user.email ?? '',
    phone: user.phone ?? '',
    app_metadata: user.raw_app_meta_data ?? {},
    user_metadata: user.raw_user_meta_data ?? {},
    role: user.role ?? 'authenticated',
    aal: 'aal1',
    amr: [{ method, timestamp: now }],
    session_id: sessionId,
    is_anonymous: user.is_anonymous,
  };
}

/** GoTrue's AccessTokenResponse. */
export async function sessionResponse(a: {
  user: AuthUserRow;
  sessionId: string;
  refreshToken: string;
  issuer: string;
  secret: string;
  method: AmrMethod;
}) {
  const claims = accessTokenClaims(a.user, a.sessionId, a.issuer, a.method);
  return {
    access_token: await signJwt(claims, a.secret),
    token_type: 'bearer',
    expires_in: ACCESS_TOKEN_TTL_SECONDS,
    expires_at: claims.exp,
    refresh_token: a.refreshToken,
    user: toUserJson(a.user),
  };
}
