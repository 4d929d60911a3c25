// POST /logout?scope=global|local|others: ends the caller's sessions; answers 204.
import { validationFailed } from './errors.ts';
import type { RouteContext } from './context.ts';
import type { Route } from './router.ts';

export function logoutRoutes(ctx: RouteContext): Route[] {
  const { store, claimsFrom } = ctx;
  return [
    {
      method: 'POST',
      path: '/logout',
      async handle({ req, url }) {
        const claims = await claimsFrom(req);
        const scope = url.searchParams.get('scope') ?? 'global';
        if (scope !== 'global' && scope !== 'local' && scope !== 'others') {
          throw validationFailed('scope must be one of global, local, others');
        }
        if (typeof claims.sub === 'string') {
          const sessionId = typeof claims.session_id === 'string' ? claims.session_id : null;
          await store.logout(claims.sub, sessionId, scope);
        }
        return { status: 204 };
      },
    },
  ];
}
