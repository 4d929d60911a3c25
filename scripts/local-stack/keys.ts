import { jwtVerify, SignJWT, type JWTPayload } from 'jose';

/** The Supabase CLI's demo secret; the demo anon/service keys below are signed with it. */
export const DEFAULT_JWT_SECRET = 'super-secret-jwt-token-with-at-least-32-characters-long';
const DEMO_EXP = 1983812996;

export interface StackKeys {
  jwtSecret: string;
  anonKey: string;
  serviceRoleKey: string;
}

function secretBytes(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}

/** Signs an HS256 JWT with the header order GoTrue and the CLI use, so demo keys come out byte-identical. */
export function signJwt(payload: JWTPayload, secret: string): Promise<string> {
  return new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(secretBytes(secret));
}

export async function makeKeys(secret = process.env.JWT_SECRET || DEFAULT_JWT_SECRET): Promise<StackKeys> {
  if (secret.length < 32) throw new Error('JWT_SECRET must be at least 32 characters long');
  const anonKey = await signJwt({ iss: 'supabase-demo', role: 'anon', exp: DEMO_EXP }, secret);
  const serviceRoleKey = await signJwt({ iss: 'supabase-demo', role: 'service_role', exp: DEMO_EXP }, secret);
  return { jwtSecret: secret, anonKey, serviceRoleKey };
}

export type JwtCheck =
  | { ok: true; claims: JWTPayload & Record<string, unknown> }
  | { ok: false; reason: 'expired' | 'invalid'; message: string };

/**
 * Tokens whose signature checked out, with their claims. The gateway checks the apikey and the bearer token of every
 * request (the same few keys over and over), and the HMAC through WebCrypto was a sizeable part of its CPU per
 * request; a signature never changes, so only the time claims are re-checked on a hit.
 */
const verified = new Map<string, JWTPayload & Record<string, unknown>>();
const MAX_VERIFIED = 1000;

/** What jose checks for time, on a cached token: exp in the future, nbf not. */
function timeValid(claims: JWTPayload, now: Date): boolean {
  const seconds = Math.floor(now.getTime() / 1000);
  return (claims.exp === undefined || claims.exp > seconds) && (claims.nbf === undefined || claims.nbf <= seconds);
}

/** Verifies signature (HS256 only) and expiry. */
export async function verifyJwt(token: string, secret: string, now: Date = new Date()): Promise<JwtCheck> {
  const cacheKey = `${secret}\u0000${token}`;
  const cached = verified.get(cacheKey);
  if (cached && timeValid(cached, now)) return { ok: true, claims: { ...cached } };
  try {
    const { payload } = await jwtVerify(token, secretBytes(secret), { algorithms: ['HS256'], currentDate: now });
    if (verified.size >= MAX_VERIFIED) verified.clear();
    verified.set(cacheKey, { ...payload });
    return { ok: true, claims: payload as JWTPayload & Record<string, unknown> };
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ERR_JWT_EXPIRED') return { ok: false, reason: 'expired', message: 'JWT expired' };
    return { ok: false, reason: 'invalid', message: (error as Error).message || 'invalid JWT' };
  }
}

/** Extracts the token from an `Authorization: Bearer …` header value. */
export function bearerToken(header: string | string[] | undefined): string | null {
  const value = Array.isArray(header) ? header[0] : header;
  if (!value) return null;
  const match = /^bearer\s+(.+)$/i.exec(value.trim());
  return match ? match[1].trim() : null;
}
