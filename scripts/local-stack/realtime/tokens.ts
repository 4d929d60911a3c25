// Checks a subscriber's JWT the way Realtime does, with its error texts (they reach the client as join refusals).
import { decodeJwt, errors as joseErrors, jwtVerify } from 'jose';
import type { Claims } from './types.ts';

export type Verified = { ok: true; claims: Claims } | { ok: false; reason: string };
export type VerifyToken = (token: string | null | undefined) => Promise<Verified>;

export function tokenVerifier(jwtSecret: string): VerifyToken {
  const secret = new TextEncoder().encode(jwtSecret);
  return async (token) => {
    if (!token) return { ok: false, reason: 'InvalidJWTToken: You must provide a JWT' };
    try {
      const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'] });
      if (typeof payload.role !== 'string' || typeof payload.exp !== 'number') {
        return { ok: false, reason: 'InvalidJWTToken: Fields `role` and `exp` are required in JWT' };
      }
      return { ok: true, claims: payload as Claims };
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) {
        let ago = 0;
        try {
          ago = Math.max(0, Math.floor(Date.now() / 1000) - Number(decodeJwt(token).exp));
        } catch {
          /* keep 0 */
        }
        return { ok: false, reason: `InvalidJWTToken: Token has expired ${ago} seconds ago` };
      }
      const message = err instanceof Error ? err.message : String(err);
      return { ok: false, reason: `InvalidJWTToken: ${message}` };
    }
  };
}
