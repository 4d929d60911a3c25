/**
 * Hardening, auth (issue 11, items 6 and 7): the attacks on the local stack's GoTrue, each as an attacker runs it.
 * The shared stack opens its per-IP windows wide (every test is 127.0.0.1), so the per-IP limit and refresh-token
 * family revocation run against a stack of their own with supabase/config.toml's windows and no reuse interval.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/local-stack/functions-runner.ts';
import { startLocalStack, type LocalStack } from '../../scripts/local-stack/index.ts';
import { anonClient, serviceClient, signUpUser, stack, TEST_PASSWORD, uniqueEmail } from '../support/clients.ts';

interface AuthAnswer {
  status: number;
  headers: Headers;
  body: Record<string, unknown> | null;
}

async function authPost(base: { url: string; anonKey: string }, route: string, body: unknown, token?: string): Promise<AuthAnswer> {
  const res = await fetch(`${base.url}/auth/v1${route}`, {
    method: route === '/user' ? 'PUT' : 'POST',
    headers: {
      apikey: base.anonKey,
      Authorization: `Bearer ${token ?? base.anonKey}`,
      'Content-Type': 'application/json',
      'X-Supabase-Api-Version': '2024-01-01',
    },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

const signIn = (base: { url: string; anonKey: string }, email: string, password: string) =>
  authPost(base, '/token?grant_type=password', { email, password });
const refresh = (base: { url: string; anonKey: string }, refreshToken: string) =>
  authPost(base, '/token?grant_type=refresh_token', { refresh_token: refreshToken });

describe("guessing one account's password", () => {
  it('answers 429 over_request_rate_limit after ten wrong passwords, even to the right one, instead of 400 forever', async () => {
    const { email } = await signUpUser();
    const answers: number[] = [];
    for (let i = 0; i < 10; i++) answers.push((await signIn(stack(), email, `wrong-guess-${i}`)).status);
    expect(answers.every((s) => s === 400)).toBe(true);

    const blocked = await signIn(stack(), email, 'wrong-guess-10');
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ code: 'over_request_rate_limit', msg: 'Request rate limit reached' });
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await signIn(stack(), email, TEST_PASSWORD)).status).toBe(429);

    // Another account from the same address is not locked out by it.
    const other = await signUpUser();
    expect((await signIn(stack(), other.email, TEST_PASSWORD)).status).toBe(200);
  });
});

describe("passwords past bcrypt's 72 bytes", () => {
  it('refuses a multi-byte password over 72 bytes at sign-up, so no suffix is silently cut off', async () => {
    const email = uniqueEmail('bytes');
    const stem = 'ü'.repeat(34); // 68 bytes in 34 characters
    const { error } = await anonClient().auth.signUp({ email, password: `${stem}right` });
    expect(error?.status).toBe(400);
    expect(error?.code).toBe('validation_failed');
    // Had it been stored truncated, a wrong suffix would now sign in.
    expect((await signIn(stack(), email, `${stem}wrong`)).status).toBe(400);
  });

  it('never signs in with a password over 72 bytes, even when its first 72 bytes are right', async () => {
    const password = `${'é'.repeat(36)}`; // exactly 72 bytes: accepted
    const { email } = await signUpUser(uniqueEmail('bytes'), password);
    expect((await signIn(stack(), email, password)).status).toBe(200);
    const longer = await signIn(stack(), email, `${password}anything`);
    expect(longer.status).toBe(400);
    expect(longer.body?.code).toBe('invalid_credentials');
  });
});

describe('malformed input', () => {
  it('answers a NUL byte in the email with 400 validation_failed, not a 500 that leaks internals', async () => {
    const signUp = await authPost(stack(), '/signup', { email: 'nul\u0000byte@example.com', password: TEST_PASSWORD });
    expect(signUp.status).toBe(400);
    expect(signUp.body?.code).toBe('validation_failed');
    const signInAnswer = await signIn(stack(), 'nul\u0000byte@example.com', TEST_PASSWORD);
    expect(signInAnswer.status).toBe(400);
    expect(signInAnswer.body?.code).toBe('validation_failed');
    expect(JSON.stringify(signInAnswer.body)).not.toMatch(/postgres|invalid byte|_local_auth|PGRST/i);
  });

  it('refuses changing the email to a taken one with 422 email_exists, and keeps both emails as they were', async () => {
    const owner = await signUpUser();
    const other = await signUpUser();
    const answer = await authPost(stack(), '/user', { email: owner.email }, other.session.access_token);
    expect(answer.status).toBe(422);
    expect(answer.body?.code).toBe('email_exists');
    const { data } = await serviceClient().auth.admin.getUserById(other.user.id);
    expect(data.user?.email).toBe(other.email);
  });
});

describe('a stack with the hosted windows and no refresh-token reuse interval', () => {
  let own: LocalStack;
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mot-hardening-auth-'));

  beforeAll(async () => {
    own = await startLocalStack({
      dataDir,
      port: await freePort(),
      writeEnvFile: false,
      auth: { refreshTokenReuseIntervalSeconds: 0 },
      log: () => undefined,
    });
  }, 120_000);
  afterAll(async () => {
    await own?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('revokes the whole family when a rotated refresh token comes back: the newest token dies too', async () => {
    const email = uniqueEmail('family');
    const signUp = await authPost(own, '/signup', { email, password: TEST_PASSWORD });
    expect(signUp.status).toBe(200);
    const first = String(signUp.body?.refresh_token);
    const second = String((await refresh(own, first)).body?.refresh_token);
    const third = await refresh(own, second);
    expect(third.status).toBe(200);

    // The stolen first token is replayed: not the parent of the active one, past the reuse interval.
    const replay = await refresh(own, first);
    expect(replay.status).toBe(400);
    expect(replay.body?.code).toBe('refresh_token_already_used');
    const legit = await refresh(own, String(third.body?.refresh_token));
    expect(legit.status).toBe(400);
    const me = await fetch(`${own.url}/auth/v1/user`, {
      headers: { apikey: own.anonKey, Authorization: `Bearer ${String(third.body?.access_token)}` },
    });
    expect(me.status).toBe(403);
  });

  it('answers 429 over_request_rate_limit once one address has made 30 sign-ins and sign-ups in five minutes', async () => {
    const statuses: number[] = [];
    // The family test above made one sign-up; 29 more attempts fill the window.
    for (let i = 0; i < 29; i++) statuses.push((await signIn(own, uniqueEmail('nobody'), 'wrong-guess')).status);
    expect(statuses.every((s) => s === 400)).toBe(true);
    const over = await signIn(own, uniqueEmail('nobody'), 'wrong-guess');
    expect(over.status).toBe(429);
    expect(over.body).toMatchObject({ code: 'over_request_rate_limit', msg: 'Request rate limit reached' });
    const signUpOver = await authPost(own, '/signup', { email: uniqueEmail('late'), password: TEST_PASSWORD });
    expect(signUpOver.status).toBe(429);
  });
});
