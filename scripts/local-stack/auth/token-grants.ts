// POST /token: the password grant (with per-account failed sign-in limits) and the refresh-token grant.
import type { IncomingMessage } from 'node:http';
import { authError, validationFailed } from './errors.ts';
import type { RouteContext } from './context.ts';
import { hasControlChars, jsonObject, optionalString, unwrapUser } from './input.ts';
import { verifyPassword } from './passwords.ts';
import { json, type Route } from './router.ts';
import { newRefreshToken, sessionResponse } from './tokens.ts';

export function tokenGrantRoutes(ctx: RouteContext): Route[] {
  const { store, settings, limits, clientIp, newSession, issuer, jwtSecret } = ctx;

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
      secret: jwtSecret,
      method: user.is_anonymous ? 'anonymous' : 'token_refresh',
    });
  }

  return [
    {
      method: 'POST',
      path: '/token',
      async handle({ req, url }) {
        const grant = url.searchParams.get('grant_type');
        if (grant === 'password') return json(await passwordGrant(req));
        if (grant === 'refresh_token') return json(await refreshGrant(req));
        throw authError(400, 'unsupported_grant_type', `Unsupported grant type "${grant ?? ''}"`);
      },
    },
  ];
}
