/** The GoTrue subset of the local stack, driven through supabase-js as the SPA drives it. */
import { AuthWeakPasswordError, isAuthApiError } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { anonClient, serviceClient, signUpUser, stack, TEST_PASSWORD, uniqueEmail } from '../support/clients.ts';

async function authFetch(path: string, init: RequestInit & { token?: string } = {}) {
  const { url, anonKey } = stack();
  const headers = new Headers(init.headers);
  headers.set('apikey', anonKey);
  headers.set('X-Supabase-Api-Version', '2024-01-01');
  if (init.token) headers.set('Authorization', `Bearer ${init.token}`);
  if (init.body && !headers.has('Content-Type')) headers.set('Content-Type', 'application/json');
  const res = await fetch(`${url}/auth/v1${path}`, { ...init, headers });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

describe('sign-up and sign-in', () => {
  it('signs up, returns a session whose claims match GoTrue, and creates the profile row', async () => {
    const { user, session, email } = await signUpUser(uniqueEmail('signup'), TEST_PASSWORD, { full_name: 'Ada Lovelace' });
    expect(user.email).toBe(email);
    expect(user.user_metadata).toEqual({ full_name: 'Ada Lovelace' });
    expect(user.app_metadata).toEqual({ provider: 'email', providers: ['email'] });
    expect(session.expires_in).toBe(3600);
    const claims = JSON.parse(Buffer.from(session.access_token.split('.')[1], 'base64url').toString());
    expect(claims).toMatchObject({
      aud: 'authenticated',
      sub: user.id,
      email,
      role: 'authenticated',
      aal: 'aal1',
      is_anonymous: false,
      iss: `${stack().url}/auth/v1`,
    });
    expect(claims.exp - claims.iat).toBe(3600);
    expect(claims.amr[0].method).toBe('password');
    const { data: profile } = await serviceClient().from('profiles').select('id, email, full_name').eq('id', user.id).single();
    expect(profile).toEqual({ id: user.id, email, full_name: 'Ada Lovelace' });
  });

  it('signs in with the password and getUser returns the same user', async () => {
    const { email, user } = await signUpUser();
    const client = anonClient();
    const { data, error } = await client.auth.signInWithPassword({ email, password: TEST_PASSWORD });
    expect(error).toBeNull();
    expect(data.user?.id).toBe(user.id);
    const me = await client.auth.getUser();
    expect(me.data.user?.id).toBe(user.id);
    expect(me.data.user?.last_sign_in_at).toBeTruthy();
  });

  it('treats email case-insensitively', async () => {
    const { email, user } = await signUpUser(uniqueEmail('Case'));
    const { data, error } = await anonClient().auth.signInWithPassword({ email: email.toUpperCase(), password: TEST_PASSWORD });
    expect(error).toBeNull();
    expect(data.user?.id).toBe(user.id);
  });

  it('refuses a wrong password with 400 invalid_credentials', async () => {
    const { email } = await signUpUser();
    const { data, error } = await anonClient().auth.signInWithPassword({ email, password: 'wrong-password' });
    expect(data.session).toBeNull();
    expect(isAuthApiError(error)).toBe(true);
    expect(error?.status).toBe(400);
    expect(error?.code).toBe('invalid_credentials');
    expect(error?.message).toBe('Invalid login credentials');
  });

  it('refuses an unknown email with the same answer as a wrong password', async () => {
    const { error } = await anonClient().auth.signInWithPassword({ email: uniqueEmail('nobody'), password: TEST_PASSWORD });
    expect(error?.status).toBe(400);
    expect(error?.code).toBe('invalid_credentials');
  });

  it('refuses a duplicate sign-up with 422 user_already_exists', async () => {
    const { email } = await signUpUser();
    const { error } = await anonClient().auth.signUp({ email, password: TEST_PASSWORD });
    expect(error?.status).toBe(422);
    expect(error?.code).toBe('user_already_exists');
  });

  it('refuses a short password with 422 weak_password and reasons', async () => {
    const email = uniqueEmail('weak');
    const { error } = await anonClient().auth.signUp({ email, password: '12345' });
    expect(error).toBeInstanceOf(AuthWeakPasswordError);
    expect((error as AuthWeakPasswordError).reasons).toEqual(['length']);
    const { data } = await serviceClient().auth.admin.listUsers({ perPage: 1000 });
    expect(data.users.some((u) => u.email === email)).toBe(false);
  });

  it('refuses anonymous sign-ins, which are off by default as on hosted projects', async () => {
    const { data, error } = await anonClient().auth.signInAnonymously();
    expect(error?.status).toBe(422);
    expect(error?.code).toBe('anonymous_provider_disabled');
    expect(data.session).toBeNull();
  });

  it('refuses an invalid email address with 400', async () => {
    const { error } = await anonClient().auth.signUp({ email: 'not-an-email', password: TEST_PASSWORD });
    expect(error?.status).toBe(400);
    expect(error?.code).toBe('validation_failed');
  });

  it('error bodies carry both the new and the legacy shape and echo the API version', async () => {
    const res = await authFetch('/token?grant_type=password', {
      method: 'POST',
      body: JSON.stringify({ email: uniqueEmail('x'), password: 'whatever1' }),
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-supabase-api-version')).toBe('2024-01-01');
    expect(res.body).toMatchObject({
      code: 'invalid_credentials',
      error_code: 'invalid_credentials',
      msg: 'Invalid login credentials',
      message: 'Invalid login credentials',
    });
  });
});

describe('sessions', () => {
  it('rotates refresh tokens; the parent of the active one gives back the active one', async () => {
    const { client, session } = await signUpUser();
    const { data, error } = await client.auth.refreshSession();
    expect(error).toBeNull();
    expect(data.session?.refresh_token).not.toBe(session.refresh_token);
    expect(data.session?.access_token).not.toBe(session.access_token);
    const claims = JSON.parse(Buffer.from(data.session!.access_token.split('.')[1], 'base64url').toString());
    expect(claims.session_id).toBe(JSON.parse(Buffer.from(session.access_token.split('.')[1], 'base64url').toString()).session_id);

    // GoTrue: the parent of the active token gives back that active token (the client lost its last answer).
    const replayedParent = await authFetch('/token?grant_type=refresh_token', {
      method: 'POST',
      body: JSON.stringify({ refresh_token: session.refresh_token }),
    });
    expect(replayedParent.status).toBe(200);
    expect(replayedParent.body?.refresh_token).toBe(data.session?.refresh_token);

    const unknown = await authFetch('/token?grant_type=refresh_token', {
      method: 'POST',
      body: JSON.stringify({ refresh_token: 'no-such-token' }),
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body?.code).toBe('refresh_token_not_found');
  });

  it('updates user metadata (merge, null deletes) and the password', async () => {
    const { client, email } = await signUpUser(uniqueEmail('upd'), TEST_PASSWORD, { full_name: 'Old', team: 'growth' });
    const first = await client.auth.updateUser({ data: { full_name: 'New', team: null, title: 'Ops' } });
    expect(first.error).toBeNull();
    expect(first.data.user?.user_metadata).toEqual({ full_name: 'New', title: 'Ops' });

    const weak = await client.auth.updateUser({ password: '123' });
    expect(weak.error?.code).toBe('weak_password');

    const changed = await client.auth.updateUser({ password: 'a-new-password-9' });
    expect(changed.error).toBeNull();
    expect((await anonClient().auth.signInWithPassword({ email, password: TEST_PASSWORD })).error?.code).toBe('invalid_credentials');
    expect((await anonClient().auth.signInWithPassword({ email, password: 'a-new-password-9' })).error).toBeNull();
  });

  it('signs out: the old access token loses its session and the refresh token stops working', async () => {
    const { client, session } = await signUpUser();
    const { error } = await client.auth.signOut();
    expect(error).toBeNull();
    expect((await client.auth.getSession()).data.session).toBeNull();

    const me = await authFetch('/user', { token: session.access_token });
    expect(me.status).toBe(403);
    expect(me.body?.code).toBe('session_not_found');

    const refresh = await authFetch('/token?grant_type=refresh_token', {
      method: 'POST',
      body: JSON.stringify({ refresh_token: session.refresh_token }),
    });
    expect(refresh.status).toBe(400);
  });

  it('sign-out with scope local keeps the other sessions', async () => {
    const { email } = await signUpUser();
    const a = anonClient();
    const b = anonClient();
    await a.auth.signInWithPassword({ email, password: TEST_PASSWORD });
    await b.auth.signInWithPassword({ email, password: TEST_PASSWORD });
    await a.auth.signOut({ scope: 'local' });
    expect((await b.auth.getUser()).error).toBeNull();
  });

  it('answers /user without a token with 401 no_authorization and with a forged one with 403 bad_jwt', async () => {
    const missing = await authFetch('/user');
    expect(missing.status).toBe(401);
    expect(missing.body?.code).toBe('no_authorization');
    const forged = await authFetch('/user', { token: 'a.b.c' });
    expect(forged.status).toBe(403);
    expect(forged.body?.code).toBe('bad_jwt');
  });
});

describe('admin API (service role)', () => {
  it('creates, lists, reads and deletes users', async () => {
    const admin = serviceClient().auth.admin;
    const email = uniqueEmail('admin-made');
    const created = await admin.createUser({ email, password: TEST_PASSWORD, email_confirm: true, user_metadata: { full_name: 'Made' } });
    expect(created.error).toBeNull();
    const id = created.data.user!.id;
    expect(created.data.user?.email_confirmed_at).toBeTruthy();

    const signIn = await anonClient().auth.signInWithPassword({ email, password: TEST_PASSWORD });
    expect(signIn.error).toBeNull();

    const list = await admin.listUsers({ page: 1, perPage: 1000 });
    expect(list.data.users.some((u) => u.id === id)).toBe(true);

    const one = await admin.getUserById(id);
    expect(one.data.user?.email).toBe(email);

    const dup = await admin.createUser({ email, password: TEST_PASSWORD });
    expect(dup.error?.status).toBe(422);

    expect((await admin.deleteUser(id)).error).toBeNull();
    expect((await admin.getUserById(id)).error?.status).toBe(404);
    expect((await anonClient().auth.signInWithPassword({ email, password: TEST_PASSWORD })).error?.code).toBe('invalid_credentials');
  });

  it('refuses admin calls made with the anon key or a user token', async () => {
    const anonAdmin = await anonClient().auth.admin.listUsers();
    expect(anonAdmin.error?.status).toBe(403);
    const { session } = await signUpUser();
    const res = await authFetch('/admin/users', { method: 'POST', token: session.access_token, body: JSON.stringify({ email: uniqueEmail() }) });
    expect(res.status).toBe(403);
    expect(res.body?.code).toBe('not_admin');
  });
});
