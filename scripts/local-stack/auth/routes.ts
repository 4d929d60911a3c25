// The local stack's GoTrue-compatible auth API (`/auth/v1/*`): route modules per concern, one router, and
// GoTrue's error body shape for every refusal.
import type { IncomingMessage, ServerResponse } from 'node:http';
import path from 'node:path';
import type { StackKeys } from '../keys.ts';
import { headerValue, HttpError, sendEmpty, sendJson } from '../http-utils.ts';
import { adminRoutes } from './admin.ts';
import { createRouteContext } from './context.ts';
import { authError } from './errors.ts';
import { logoutRoutes } from './logout.ts';
import { findRoute, json, type Route } from './router.ts';
import { readAuthSettings, type AuthSettings } from './settings.ts';
import { signupRoutes } from './signup.ts';
import type { AuthStore } from './store.ts';
import { tokenGrantRoutes } from './token-grants.ts';
import { userRoutes } from './user.ts';

export interface AuthContext {
  store: AuthStore;
  keys: StackKeys;
  /** The `iss` claim: `<gateway url>/auth/v1`. */
  issuer: string;
  /** Rate limits, refresh-token reuse and anonymous sign-ins (default: the repository's supabase/config.toml). */
  settings?: AuthSettings;
}

const REPO_ROOT = path.resolve(import.meta.dirname, '../../..');

function serviceInfoRoutes(settings: AuthSettings): Route[] {
  return [
    {
      method: 'GET',
      path: '/health',
      handle: async () => json({ version: 'local-stack', name: 'GoTrue', description: 'GoTrue-compatible subset served by the local stack' }),
    },
    {
      method: 'GET',
      path: '/settings',
      handle: async () =>
        json({
          external: { email: true, phone: false, anonymous_users: settings.anonymousSignIns },
          disable_signup: false,
          mailer_autoconfirm: true,
          phone_autoconfirm: false,
          sms_provider: '',
          saml_enabled: false,
        }),
    },
  ];
}

export function createAuthHandler(ctx: AuthContext) {
  const settings = ctx.settings ?? readAuthSettings(REPO_ROOT);
  const context = createRouteContext(ctx.store, ctx.keys, ctx.issuer, settings);
  const routes = [
    ...serviceInfoRoutes(settings),
    ...signupRoutes(context),
    ...tokenGrantRoutes(context),
    ...userRoutes(context),
    ...logoutRoutes(context),
    ...adminRoutes(context),
  ];

  /** Serves `/auth/v1<subpath>`. */
  return async function handleAuth(req: IncomingMessage, res: ServerResponse, subpath: string, url: URL): Promise<void> {
    const apiVersion = headerValue(req, 'x-supabase-api-version');
    const extraHeaders: Record<string, string> = apiVersion ? { 'X-Supabase-Api-Version': apiVersion } : {};
    const method = req.method ?? 'GET';
    try {
      const found = findRoute(routes, method, subpath);
      if (!found) throw authError(404, 'not_found', `No auth endpoint ${method} /auth/v1${subpath} in the local stack`);
      const answer = await found.route.handle({ req, url, params: found.params });
      const headers = { ...extraHeaders, ...answer.headers };
      if (answer.body === undefined) return sendEmpty(res, answer.status ?? 204, headers);
      return sendJson(res, answer.status ?? 200, answer.body, headers);
    } catch (error) {
      if (error instanceof HttpError) {
        const body = { error_code: error.body.code, msg: error.body.message, ...error.body };
        return sendJson(res, error.status, body, { ...extraHeaders, ...error.headers });
      }
      throw error;
    }
  };
}
