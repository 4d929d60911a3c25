import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import { bearerToken, verifyJwt, type StackKeys } from '../keys.ts';
import { headerValue, HttpError, parseJsonBody, readBody, sendEmpty, sendJson } from '../http-utils.ts';
import { authError, badJwt, noAuthorization, validationFailed } from './errors.ts';
import { hashPassword, MAX_PASSWORD_BYTES, passwordBytes, verifyPassword } from './passwords.ts';
import { AuthRateLimiter } from './rate-limits.ts';
import { readAuthSettings, type AuthSettings } from './settings.ts';
import type { AuthStore } from './store.ts';
import { newRefreshToken, sessionResponse, type AmrMethod } from './tokens.ts';
import { toUserJson, type AuthUserRow } from './user-json.ts';

const MIN_PASSWORD_LENGTH = 6;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const ADMIN_ROLES = new Set(['service_role', 'supabase_admin']);

export interface AuthContext {
  store: AuthStore;
  keys: StackKeys;
  /** The `iss` claim: `<gateway url>/auth/v1`. */
  issuer: string;
  /** Rate limits, refresh-token reuse and anonymous sign-ins (default: the repository's supabase/config.toml). */
  settings?: AuthSettings;
}

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');
/** Control characters (NUL above all) cannot reach Postgres text or a C-string bcrypt; GoTrue answers 400 for them. */
function hasControlChars(text: string): boolean {
  return Array.from(text).some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f);
}

function hasNul(value: unknown): boolean {
  if (typeof value === 'string') return value.includes('\u0000');
  if (Array.isArray(value)) return value.some(hasNul);
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => k.includes('\u0000') || hasNul(v));
  return false;
}

type Body = Record<string, unknown>;
type Claims = Record<string, unknown>;

async function jsonObject(req: IncomingMessage): Promise<Body> {
  const body = parseJsonBody(await readBody(req));
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw authError(400, 'bad_json', 'Request body must be a JSON object');
  }
  if (hasNul(body)) throw validationFailed('Request body must not contain NUL characters');
  return body as Body;
}

function optionalString(body: Body, key: string): string | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw validationFailed(`${key} must be a string`);
  return value;
}

function optionalObject(body: Body, key: string): Record<string, unknown> | undefined {
  const value = body[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'object' || Array.isArray(value)) throw validationFailed(`${key} must be a JSON object`);
  return value as Record<string, unknown>;
}

function normalizeEmail(raw: string): string {
  const email = raw.trim().toLowerCase();
  if (!EMAIL_RE.test(email) || email.length > 255 || hasControlChars(email)) {
    throw validationFailed('Unable to validate email address: invalid format');
  }
  return email;
}

function checkPasswordStrength(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw authError(422, 'weak_password', `Password should be at least ${MIN_PASSWORD_LENGTH} characters.`, {
      weak_password: { reasons: ['length'] },
    });
  }
  // Bytes, not characters: bcrypt (and GoTrue's Go bcrypt, which refuses rather than truncates) counts UTF-8 bytes.
  if (passwordBytes(password) > MAX_PASSWORD_BYTES) throw validationFailed('Password cannot be longer than 72 characters');
}

function unwrapUser(result: { error?: string; user?: AuthUserRow }): AuthUserRow {
  if (result.error === 'email_exists' || result.error === 'user_already_exists') {
    throw authError(422, 'email_exists', 'A user with this email address has already been registered');
  }
  if (result.error === 'user_not_found' || !result.user) {
    throw authError(403, 'user_not_found', 'User from sub claim in JWT does not exist');
  }
  if (result.error) throw new Error(`unexpected auth store error ${result.error}`);
  return result.user;
}

export function createAuthHandler(ctx: AuthContext) {
  const { store, keys, issuer } = ctx;
  const settings = ctx.settings ?? readAuthSettings(REPO_ROOT);
  const limits = new AuthRateLimiter(settings.rateLimits);
  /** GoTrue limits per client IP; the gateway is the edge here, so the socket's address is the client's. */
  const clientIp = (req: IncomingMessage) => req.socket.remoteAddress ?? 'unknown';

  async function claimsFrom(req: IncomingMessage): Promise<Claims> {
    const token = bearerToken(req.headers.authorization);
    if (!token) throw noAuthorization();
    const check = await verifyJwt(token, keys.jwtSecret);
    if (!check.ok) throw badJwt(check.reason === 'expired' ? 'token is expired' : check.message);
    return check.claims;
  }

  /** The signed-in user behind the Bearer token, with its session still alive. */
  async function currentUser(req: IncomingMessage): Promise<{ user: AuthUserRow; claims: Claims }> {
    const claims = await claimsFrom(req);
    if (typeof claims.sub !== 'string' || !claims.sub) throw badJwt('invalid claim: missing sub claim');
    const sessionId = typeof claims.session_id === 'string' ? claims.session_id : null;
    const result = await store.getUser(claims.sub, sessionId);
    const user = unwrapUser(result);
    if (result.session_exists === false) {
      throw authError(403, 'session_not_found', 'Session from session_id claim in JWT does not exist');
    }
    return { user, claims };
  }

  async function requireAdmin(req: IncomingMessage): Promise<void> {
    const claims = await claimsFrom(req);
    if (!ADMIN_ROLES.has(String(claims.role))) throw authError(403, 'not_admin', 'User not allowed');
  }

  async function newSession(user: AuthUserRow, method: AmrMethod) {
    const refreshToken = newRefreshToken();
    const started = await store.startSession(user.id, refreshToken);
    const fresh = unwrapUser(started);
    return sessionResponse({ user: fresh, sessionId: started.session_id!, refreshToken, issuer, secret: keys.jwtSecret, method });
  }

  async function signup(req: IncomingMessage) {
    const body = await jsonObject(req);
    const rawEmail = optionalString(body, 'email');
    const password = optionalString(body, 'password');
    const data = optionalObject(body, 'data') ?? {};
    if (optionalString(body, 'phone')) throw authError(400, 'phone_provider_disabled', 'Phone signups are disabled');
    if (rawEmail === undefined) {
      if (password !== undefined) throw validationFailed('Signup requires a valid email');
      if (!settings.anonymousSignIns) {
        throw authError(422, 'anonymous_provider_disabled', 'Anonymous sign-ins are disabled');
      }
      await limits.consume('anonymousUsers', clientIp(req));
      const created = await store.createUser({ email: null, passwordHash: null, userMeta: data, appMeta: {}, isAnonymous: true, confirm: false });
      return newSession(unwrapUser(created), 'anonymous');
    }
    await limits.consume('signInSignUps', clientIp(req));
    const email = normalizeEmail(rawEmail);
    if (password === undefined || password === '') throw validationFailed('Signup requires a valid password');
    checkPasswordStrength(password);
    const passwordHash = await hashPassword(password);
    const created = await store.createUser({
      email,
      passwordHash,
      userMeta: data,
      appMeta: { provider: 'email', providers: ['email'] },
      isAnonymous: false,
      confirm: true,
    });
    if (created.error === 'user_already_exists') throw authError(422, 'user_already_exists', 'User already registered');
    return newSession(unwrapUser(created), 'password');
  }

  async function passwordGrant(req: IncomingMessage) {
    const body = await jsonObject(req);
    const rawEmail = optionalString(body, 'email');
    const password = optionalString(body, 'password');
    if (!rawEmail || password === undefined) throw validationFailed('missing email or phone');
    const ip = clientIp(req);
    await limits.consume('signInSignUps', ip);
    const email = rawEmail.trim().toLowerCase();
    if (hasControlChars(email)) throw validationFailed('Unable to validate email address: invalid format');
    const account = `${ip} ${email}`;
    if (await limits.exhausted('failedSignInsPerAccount', account)) await limits.consume('failedSignInsPerAccount', account);
    const invalid = () => authError(400, 'invalid_credentials', 'Invalid login credentials');
    const found = await store.findUserByEmail(email);
    const user = found.user;
    // One bcrypt comparison whether or not the account exists, so the answer's timing does not tell.
    if (!(await verifyPassword(password, user?.encrypted_password))) {
      await limits.consume('failedSignInsPerAccount', account);
      throw invalid();
    }
    if (!user) throw invalid();
    if (!user.email_confirmed_at) throw authError(400, 'email_not_confirmed', 'Email not confirmed');
    return newSession(user, 'password');
  }

  async function refreshGrant(req: IncomingMessage) {
    const body = await jsonObject(req);
    const token = optionalString(body, 'refresh_token');
    if (!token) throw authError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
    await limits.consume('tokenRefresh', clientIp(req));
    const result = await store.refreshSession(token, newRefreshToken(), settings.refreshTokenReuseIntervalSeconds);
    if (result.error === 'refresh_token_already_used') {
      throw authError(400, 'refresh_token_already_used', 'Invalid Refresh Token: Already Used');
    }
    if (result.error === 'refresh_token_not_found' || result.error === 'user_not_found') {
      throw authError(400, 'refresh_token_not_found', 'Invalid Refresh Token: Refresh Token Not Found');
    }
    const user = unwrapUser(result);
    return sessionResponse({
      user,
      sessionId: result.session_id!,
      refreshToken: result.refresh_token!,
      issuer,
      secret: keys.jwtSecret,
      method: user.is_anonymous ? 'anonymous' : 'token_refresh',
    });
  }

  async function updateUser(req: IncomingMessage) {
    const { user } = await currentUser(req);
    const body = await jsonObject(req);
    const rawEmail = optionalString(body, 'email');
    const password = optionalString(body, 'password');
    const data = optionalObject(body, 'data');
    let passwordHash: string | undefined;
    if (password !== undefined) {
      checkPasswordStrength(password);
      if (user.encrypted_password && (await verifyPassword(password, user.encrypted_password))) {
        throw authError(422, 'same_password', 'New password should be different from the old password.');
      }
      passwordHash = await hashPassword(password);
    }
    const email = rawEmail === undefined ? undefined : normalizeEmail(rawEmail);
    const appMeta = email && user.is_anonymous ? { provider: 'email', providers: ['email'] } : undefined;
    const updated = await store.updateUser(user.id, { email, passwordHash, userMeta: data, appMeta, confirm: email ? true : null });
    return toUserJson(unwrapUser(updated));
  }

  async function logout(req: IncomingMessage, url: URL) {
    const claims = await claimsFrom(req);
    const scope = url.searchParams.get('scope') ?? 'global';
    if (scope !== 'global' && scope !== 'local' && scope !== 'others') {
      throw validationFailed('scope must be one of global, local, others');
    }
    if (typeof claims.sub === 'string') {
      const sessionId = typeof claims.session_id === 'string' ? claims.session_id : null;
      await store.logout(claims.sub, sessionId, scope);
    }
  }

  async function adminCreateUser(req: IncomingMessage) {
    await requireAdmin(req);
    const body = await jsonObject(req);
    const rawEmail = optionalString(body, 'email');
    const password = optionalString(body, 'password');
    if (!rawEmail) throw validationFailed('Unable to validate email address: invalid format');
    const email = normalizeEmail(rawEmail);
    if (password !== undefined) checkPasswordStrength(password);
    const created = await store.createUser({
      email,
      passwordHash: password === undefined ? null : await hashPassword(password),
      userMeta: optionalObject(body, 'user_metadata') ?? optionalObject(body, 'data') ?? {},
      appMeta: { provider: 'email', providers: ['email'], ...(optionalObject(body, 'app_metadata') ?? {}) },
      isAnonymous: false,
      confirm: body.email_confirm === true,
    });
    if (created.error === 'user_already_exists') {
      throw authError(422, 'email_exists', 'A user with this email address has already been registered');
    }
    return toUserJson(unwrapUser(created));
  }

  async function adminUpdateUser(req: IncomingMessage, id: string) {
    await requireAdmin(req);
    const body = await jsonObject(req);
    const rawEmail = optionalString(body, 'email');
    const password = optionalString(body, 'password');
    if (password !== undefined) checkPasswordStrength(password);
    const updated = await store.updateUser(id, {
      email: rawEmail === undefined ? undefined : normalizeEmail(rawEmail),
      passwordHash: password === undefined ? undefined : await hashPassword(password),
      userMeta: optionalObject(body, 'user_metadata'),
      appMeta: optionalObject(body, 'app_metadata'),
      confirm: body.email_confirm === true ? true : null,
    });
    if (updated.error === 'user_not_found') throw authError(404, 'user_not_found', 'User not found');
    return toUserJson(unwrapUser(updated));
  }

  async function adminGetUser(req: IncomingMessage, id: string) {
    await requireAdmin(req);
    const result = await store.getUser(id, null);
    if (result.error === 'user_not_found') throw authError(404, 'user_not_found', 'User not found');
    return toUserJson(unwrapUser(result));
  }

  async function adminListUsers(req: IncomingMessage, url: URL, res: ServerResponse, extraHeaders: Record<string, string>) {
    await requireAdmin(req);
    const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
    const perPage = Math.min(1000, Math.max(1, Number.parseInt(url.searchParams.get('per_page') ?? '50', 10) || 50));
    const { users, total } = await store.listUsers(page, perPage);
    const lastPage = Math.max(1, Math.ceil(total / perPage));
    const links = [`</admin/users?page=${lastPage}&per_page=${perPage}>; rel="last"`];
    if (page < lastPage) links.unshift(`</admin/users?page=${page + 1}&per_page=${perPage}>; rel="next"`);
    sendJson(res, 200, { users: users.map(toUserJson), aud: 'authenticated' }, {
      ...extraHeaders,
      'X-Total-Count': String(total),
      Link: links.join(', '),
      'Access-Control-Expose-Headers': 'content-range, x-supabase-api-version, content-profile, location, preference-applied, x-total-count, link',
    });
  }

  async function adminDeleteUser(req: IncomingMessage, id: string) {
    await requireAdmin(req);
    const result = await store.deleteUser(id);
    if (result.error === 'user_not_found') throw authError(404, 'user_not_found', 'User not found');
    return {};
  }

  /** Serves `/auth/v1<subpath>`. */
  return async function handleAuth(req: IncomingMessage, res: ServerResponse, subpath: string, url: URL): Promise<void> {
    const apiVersion = headerValue(req, 'x-supabase-api-version');
    const extraHeaders: Record<string, string> = apiVersion ? { 'X-Supabase-Api-Version': apiVersion } : {};
    const ok = (body: unknown) => sendJson(res, 200, body, extraHeaders);
    const method = req.method ?? 'GET';
    const adminUser = /^\/admin\/users\/([^/]+)$/.exec(subpath);
    const uuidOf = (raw: string) => {
      const id = decodeURIComponent(raw);
      if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
        throw authError(404, 'user_not_found', 'User not found');
      }
      return id;
    };
    try {
      if (subpath === '/health' && method === 'GET') {
        return ok({ version: 'local-stack', name: 'GoTrue', description: 'GoTrue-compatible subset served by the local stack' });
      }
      if (subpath === '/settings' && method === 'GET') {
        return ok({
          external: { email: true, phone: false, anonymous_users: settings.anonymousSignIns },
          disable_signup: false,
          mailer_autoconfirm: true,
          phone_autoconfirm: false,
          sms_provider: '',
          saml_enabled: false,
        });
      }
      if (subpath === '/signup' && method === 'POST') return ok(await signup(req));
      if (subpath === '/token' && method === 'POST') {
        const grant = url.searchParams.get('grant_type');
        if (grant === 'password') return ok(await passwordGrant(req));
        if (grant === 'refresh_token') return ok(await refreshGrant(req));
        throw authError(400, 'unsupported_grant_type', `Unsupported grant type "${grant ?? ''}"`);
      }
      if (subpath === '/user' && method === 'GET') return ok(toUserJson((await currentUser(req)).user));
      if (subpath === '/user' && method === 'PUT') return ok(await updateUser(req));
      if (subpath === '/logout' && method === 'POST') {
        await logout(req, url);
        return sendEmpty(res, 204, extraHeaders);
      }
      if (subpath === '/admin/users' && method === 'POST') return ok(await adminCreateUser(req));
      if (subpath === '/admin/users' && method === 'GET') return adminListUsers(req, url, res, extraHeaders);
      if (adminUser && method === 'GET') return ok(await adminGetUser(req, uuidOf(adminUser[1])));
      if (adminUser && method === 'PUT') return ok(await adminUpdateUser(req, uuidOf(adminUser[1])));
      if (adminUser && method === 'DELETE') return ok(await adminDeleteUser(req, uuidOf(adminUser[1])));
      throw authError(404, 'not_found', `No auth endpoint ${method} /auth/v1${subpath} in the local stack`);
    } catch (error) {
      if (error instanceof HttpError) {
        const body = { error_code: error.body.code, msg: error.body.message, ...error.body };
        return sendJson(res, error.status, body, { ...extraHeaders, ...error.headers });
      }
      throw error;
    }
  };
}
