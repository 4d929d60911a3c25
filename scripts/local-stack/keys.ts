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
 * Tokens whose signature was verified, with their claims. Every REST request carries the same apikey and a session
 * token used for an hour, and jose imports the key and runs WebCrypto HMAC on each call (about half the gateway's
 * own CPU under load). A signature stays valid for a (token, secret) pair, so only expiry is checked again.
 */
const verified = new Map<string, JWTPayload & Record<string, unknown>>();
const VERIFIED_MAX = 2000;

function expired(claims: JWTPayload): boolean {
  return typeof claims.exp === 'number' && claims.exp <= Math.floor(Date.now() / 1000);
}

/** Verifies signature (HS256 only) and expiry. */
export async function verifyJwt(token: string, secret: string): Promise<JwtCheck> {
  const cacheKey = `${secret}\n${token}`;
  const known = verified.get(cacheKey);
  if (known) {
    if (!expired(known)) return { ok: true, claims: known };
    verified.delete(cacheKey);
    return { ok: false, reason: 'expired', message: 'JWT expired' };
  }
  try {
    const { payload } = await jwtVerify(token, secretBytes(secret), { algorithms: ['HS256'] });
    const claims = payload as JWTPayload & Record<string, unknown>;
    if (verified.size >= VERIFIED_MAX) verified.delete(verified.keys().next().value!);
    verified.set(cacheKey, claims);
    return { ok: true, claims };
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
