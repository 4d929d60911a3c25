// POST /signup: email + password sign-ups, and anonymous sign-ins when enabled.
import { authError, validationFailed } from './errors.ts';
import type { RouteContext } from './context.ts';
import { checkPasswordStrength, jsonObject, normalizeEmail, optionalObject, optionalString, unwrapUser } from './input.ts';
import { hashPassword } from './passwords.ts';
import { json, type Route } from './router.ts';

export function signupRoutes(ctx: RouteContext): Route[] {
  const { store, settings, limits, clientIp, newSession } = ctx;
  return [
    {
      method: 'POST',
      path: '/signup',
      async handle({ req }) {
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
          return json(await newSession(unwrapUser(created), 'anonymous'));
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
        return json(await newSession(unwrapUser(created), 'password'));
      },
    },
  ];
}
