import { HttpError } from '../http-utils.ts';

/**
 * A GoTrue error. The body carries the 2024-01-01 shape (`code` + `message`) and the legacy one
 * (`error_code` + `msg`), so auth-js finds the code whether or not it can read X-Supabase-Api-Version.
 */
export function authError(status: number, code: string, message: string, extra: Record<string, unknown> = {}): HttpError {
  return new HttpError(status, { code, error_code: code, msg: message, message, ...extra });
}

export const noAuthorization = () => authError(401, 'no_authorization', 'This endpoint requires a Bearer token');
export const badJwt = (detail: string) => authError(403, 'bad_jwt', `invalid JWT: unable to parse or verify signature, ${detail}`);
export const validationFailed = (message: string) => authError(400, 'validation_failed', message);
