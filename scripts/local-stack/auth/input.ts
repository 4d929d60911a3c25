// Reading and checking auth request bodies the way GoTrue does, with its error codes and texts.
import type { IncomingMessage } from 'node:http';
import { parseJsonBody, readBody } from '../http-utils.ts';
import { authError, validationFailed } from './errors.ts';
import { MAX_PASSWORD_BYTES, passwordBytes } from './passwords.ts';
import type { AuthUserRow } from './user-json.ts';

const MIN_PASSWORD_LENGTH = 6;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export type Body = Record<string, unknown>;

/** Control characters (NUL above all) cannot reach Postgres text or a C-string bcrypt; GoTrue answers 400 for them. */
export function hasControlChars(text: string): boolean {
  return Array.from(text).some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);
}

function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(hasNul);
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => k.includes('\u0000') || hasNul(v));
  return false;
}

export async function jsonObject(req: IncomingMessage): Promise<Body> {
  const body = parseJsonBody(await readBody(req));
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw authError(400, 'bad_json', 'Request body must be a JSON object');
  }
  if (hasNul(body)) throw validationFailed('Request body must not contain NUL characters');
  return body as Body;
}

export function optionalString(body: Body, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw validationFailed(`${key} must be a string`);
  return value;
}

export function optionalObject(body: Body, key: string): Record<string, unknown> | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw validationFailed(`${key} must be a JSON object`);
  return value as Record<string, unknown>;
}

export function normalizeEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (!EMAIL_RE.test(email) || email.length > 255 || hasControlChars(email)) {
    throw validationFailed('Unable to validate email address: invalid format');
  }
  return email;
}

export function checkPasswordStrength(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw authError(422, 'weak_password', `Password should be at least ${MIN_PASSWORD_LENGTH} characters.`, {
      weak_password: { reasons: ['length'] },
    });
  }
  // Bytes, not characters: bcrypt (and GoTrue's Go bcrypt, which refuses rather than truncates) counts UTF-8 bytes.
  if (passwordBytes(password) > MAX_PASSWORD_BYTES) throw validationFailed('Password cannot be longer than 72 characters');
}

/** The user of an auth store answer, or the GoTrue error its error code stands for. */
export function unwrapUser(result: { error?: string; user?: AuthUserRow }): AuthUserRow {
  if (result.error === 'email_exists' || result.error === 'user_already_exists') {
    throw authError(422, 'email_exists', 'A user with this email address has already been registered');
  }
  if (result.error === 'user_not_found' || !result.user) {
    throw authError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
  }
  if (result.error) throw new Error(`unexpected auth store error ${result.error}`);
  return result.user;
}
