// Password hashing for the local stack's GoTrue: native bcrypt (its async calls run on libuv's thread pool, so
// twenty sign-ins no longer stall every other request on the gateway's event loop).

import bcrypt from 'bcrypt';

export const BCRYPT_COST = 10;
/** bcrypt reads only the first 72 bytes; Go's bcrypt (and so GoTrue) refuses longer passwords instead. */
export const MAX_PASSWORD_BYTES = 72;

/** Compared against when the account does not exist, so "unknown email" costs what "wrong password" costs. */
const DUMMY_HASH = bcrypt.hash('local-stack dummy password', BCRYPT_COST);

export function passwordBytes(password: string): number {
  return Buffer.byteLength(password, 'utf8');
}

export function hashPassword(password: string): Promise<string> {
  if (passwordBytes(password) > MAX_PASSWORD_BYTES) throw new Error('password longer than 72 bytes');
  return bcrypt.hash(password, BCRYPT_COST);
}

/**
 * True when `password` matches `hash`. With no hash (unknown account, or a user without a password) it still runs
 * one full bcrypt comparison against a dummy hash and answers false. A password over 72 bytes never matches: no
 * stored password can be that long, and bcrypt would otherwise compare only its first 72 bytes.
 */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const tooLong = passwordBytes(password) > MAX_PASSWORD_BYTES;
  const matched = await bcrypt.compare(tooLong ? '' : password, hash || (await DUMMY_HASH));
  return Boolean(hash) && !tooLong && matched;
}
