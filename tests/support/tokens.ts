/** Hand-made JWTs for attacking the gateway: forged (another secret) and expired (right secret, past exp). */
import { signJwt } from '../../scripts/local-stack/keys.ts';

export const OTHER_SECRET = 'not-the-stack-secret-but-long-enough-to-sign-with';

export function forgedToken(claims: Record<string, unknown> = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return signJwt({ role: 'service_role', iss: 'supabase-demo', exp: now + 3600, ...claims }, OTHER_SECRET);
}

export function expiredToken(secret: string, claims: Record<string, unknown> = {}): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  return signJwt({ role: 'authenticated', aud: 'authenticated', iat: now - 7200, exp: now - 3600, ...claims }, secret);
}
