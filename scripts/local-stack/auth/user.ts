// GET /user and PUT /user: the signed-in user, and changes to their email, password and metadata.
import { authError } from './errors.ts';
import type { RouteContext } from './context.ts';
import { checkPasswordStrength, jsonObject, normalizeEmail, optionalObject, optionalString, unwrapUser } from './input.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import { json, type Route } from './router.ts';
import { toUserJson } from './user-json.ts';

export function userRoutes(ctx: RouteContext): Route[] {
  const { store, currentUser } = ctx;
  return [
    {
      method: 'GET',
      path: '/user',
      handle: async ({ req }) => json(toUserJson((await currentUser(req)).user)),
    },
    {
      method: 'PUT',
      path: '/user',
      async handle({ req }) {
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
        return json(toUserJson(unwrapUser(updated)));
      },
    },
  ];
}
