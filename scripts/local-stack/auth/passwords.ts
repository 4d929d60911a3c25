// Password hashing for the local stack's GoTrue: native bcrypt (its async calls run on libuv's thread pool, so
// twenty sign-ins no longer stall every other request on the gateway's event loop).

import bcrypt from 'bcrypt';
import pLimit from 'p-limit';

export const BCRYPT_COST = 10;
/** bcrypt reads only the first 72 bytes; Go's bcrypt (and so GoTrue) refuses longer passwords instead. */
export const MAX_PASSWORD_BYTES = 72;

/**
 * One hash at a time: bcrypt is CPU-bound, and on a small machine four thread-pool hashes at once would take every
 * core from the gateway, PostgREST and Postgres. Sign-ins queue here instead of everyone else's requests.
 */
const oneAtATime = pLimit(1);

/** Compared against when the account does not exist, so "unknown email" costs what "wrong password" costs. */
const DUMMY_HASH = oneAtATime(() => bcrypt.hash('local-stack dummy password', BCRYPT_COST));

export function passwordBytes(password: string): number {
  return Buffer.byteLength(password, 'utf8');
}

export function hashPassword(password: string): Promise<string> {
  if (passwordBytes(password) > MAX_PASSWORD_BYTES) throw new Error('password longer than 72 bytes');
  return oneAtATime(() => bcrypt.hash(password, BCRYPT_COST));
}

/**
 * True when `password` matches `hash`. With no hash (unknown account, or a user without a password) it still runs
 * one full bcrypt comparison against a dummy hash and answers false. A password over 72 bytes never matches: no
 * stored password can be that long, and bcrypt would otherwise compare only its first 72 bytes.
 */
export async function verifyPassword(password: string, hash: string | null | undefined): Promise<boolean> {
  const tooLong = passwordBytes(password) > MAX_PASSWORD_BYTES;
  const against = hash || (await DUMMY_HASH);
  const matched = await oneAtATime(() => bcrypt.compare(tooLong ? '' : password, against));
  return Boolean(hash) && !tooLong && matched;
}
