/** Edge functions under the local stack: Deno runs supabase/functions/<name>, the caller's identity goes through. */
import { FunctionsHttpError } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { anonClient, signUpUser, stack } from '../support/clients.ts';
import { expiredToken, forgedToken } from '../support/tokens.ts';

async function call(path: string, init: RequestInit = {}) {
  const res = await fetch(`${stack().url}/functions/v1${path}`, init);
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: text ? (JSON.parse(text) as Record<string, unknown>) : null };
}

describe('health function', () => {
  it('round-trips the signed-in caller’s identity', async () => {
    const { client, user, email } = await signUpUser();
    const { data, error } = await client.functions.invoke('health', { body: { hello: 'world' } });
    expect(error).toBeNull();
    expect(data).toEqual({ ok: true, user: { id: user.id, email, role: 'authenticated' } });
  });

  it('answers an anonymous caller with user null', async () => {
    const { data, error } = await anonClient().functions.invoke('health', { method: 'GET' });
    expect(error).toBeNull();
    expect(data).toEqual({ ok: true, user: null });
  });

  it('forwards the preflight to the function and carries CORS headers', async () => {
    const res = await fetch(`${stack().url}/functions/v1/health`, { method: 'OPTIONS', headers: { Origin: 'http://localhost:5173' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('access-control-allow-headers')).toContain('authorization');
  });
});

describe('function gateway refusals', () => {
  it('refuses a call without a JWT with 401', async () => {
    const res = await call('/health', { method: 'POST' });
    expect(res.status).toBe(401);
    expect(res.body?.message).toBe('Missing authorization header');
  });

  it('refuses a forged or expired JWT with 401', async () => {
    const forged = await call('/health', { method: 'POST', headers: { Authorization: `Bearer ${await forgedToken({ role: 'authenticated' })}` } });
    expect(forged.status).toBe(401);
    const expired = await call('/health', { method: 'POST', headers: { Authorization: `Bearer ${await expiredToken(stack().jwtSecret)}` } });
    expect(expired.status).toBe(401);
    expect(expired.body?.message).toContain('expired');
  });

  it('answers an unknown function with 404 JSON', async () => {
    const { data, error } = await anonClient().functions.invoke('no-such-function');
    expect(data).toBeNull();
    expect(error).toBeInstanceOf(FunctionsHttpError);
    const response = (error as FunctionsHttpError).context as Response;
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ message: 'Function not found: no-such-function' });
  });

  it('refuses path tricks as unknown functions', async () => {
    const res = await call('/..%2F_shared', { headers: { Authorization: `Bearer ${stack().anonKey}` } });
    expect(res.status).toBe(404);
  });

  it('answers malformed JSON with 400 before the function runs', async () => {
    const res = await call('/health', {
      method: 'POST',
      headers: { Authorization: `Bearer ${stack().anonKey}`, 'Content-Type': 'application/json' },
      body: '{"a":',
    });
    expect(res.status).toBe(400);
    expect(res.body?.message).toContain('Malformed JSON');
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const res = await call('/health', {
      method: 'POST',
      headers: { Authorization: `Bearer ${stack().anonKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ blob: 'x'.repeat(1024 * 1024 + 10) }),
    });
    expect(res.status).toBe(413);
  });
});
