// /admin/users: the service-role user admin API (create, list with paging headers, get, update, delete).
import { authError, validationFailed } from './errors.ts';
import type { RouteContext } from './context.ts';
import { checkPasswordStrength, jsonObject, normalizeEmail, optionalObject, optionalString, unwrapUser } from './input.ts';
import { hashPassword } from './passwords.ts';
import { json, type Route } from './router.ts';
import { toUserJson } from './user-json.ts';

const ADMIN_USER = /^\/admin\/users\/([^/]+)$/;

/** A user id from the path; anything but a UUID is a user that does not exist, as GoTrue answers. */
function userId(raw: string): string {
  const id = decodeURIComponent(raw);
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) {
    throw authError(404, 'user_not_found', 'User not found');
  }
  return id;
}

const notFound = () => authError(404, 'user_not_found', 'User not found');

export function adminRoutes(ctx: RouteContext): Route[] {
  const { store, requireAdmin } = ctx;
  return [
    {
      method: 'POST',
      path: '/admin/users',
      async handle({ req }) {
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
        return json(toUserJson(unwrapUser(created)));
      },
    },
    {
      method: 'GET',
      path: '/admin/users',
      async handle({ req, url }) {
        await requireAdmin(req);
        const page = Math.max(1, Number.parseInt(url.searchParams.get('page') ?? '1', 10) || 1);
        const perPage = Math.min(1000, Math.max(1, Number.parseInt(url.searchParams.get('per_page') ?? '50', 10) || 50));
        const { users, total } = await store.listUsers(page, perPage);
        const lastPage = Math.max(1, Math.ceil(total / perPage));
        const links = [`</admin/users?page=${lastPage}&per_page=${perPage}>; rel="last"`];
        if (page < lastPage) links.unshift(`</admin/users?page=${page + 1}&per_page=${perPage}>; rel="next"`);
        return {
          body: { users: users.map(toUserJson), aud: 'authenticated' },
          headers: {
            'X-Total-Count': String(total),
            Link: links.join(', '),
            'Access-Control-Expose-Headers': 'content-range, x-supabase-api-version, content-profile, location, preference-applied, x-total-count, link',
          },
        };
      },
    },
    {
      method: 'GET',
      path: ADMIN_USER,
      async handle({ req, params }) {
        const id = userId(params[0]);
        await requireAdmin(req);
        const result = await store.getUser(id, null);
        if (result.error === 'user_not_found') throw notFound();
        return json(toUserJson(unwrapUser(result)));
      },
    },
    {
      method: 'PUT',
      path: ADMIN_USER,
      async handle({ req, params }) {
        const id = userId(params[0]);
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
        if (updated.error === 'user_not_found') throw notFound();
        return json(toUserJson(unwrapUser(updated)));
      },
    },
    {
      method: 'DELETE',
      path: ADMIN_USER,
      async handle({ req, params }) {
        const id = userId(params[0]);
        await requireAdmin(req);
        const result = await store.deleteUser(id);
        if (result.error === 'user_not_found') throw notFound();
        return json({});
      },
    },
  ];
}
