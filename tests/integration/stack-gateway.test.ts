/**
 * The gateway's edges: CORS, API keys, JWT checks before PostgREST, body limits, malformed input, internal
 * schemas, realtime upgrade. Every refusal is JSON with a clear message and changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { anonClient, serviceClient, signUpUser, stack } from '../support/clients.ts';
import { expiredToken, forgedToken } from '../support/tokens.ts';
import { nextEvent } from '../support/wait-for.ts';

const EXPECTED_CORS = {
  'access-control-allow-origin': '*',
  'access-control-allow-headers':
    'authorization, x-client-info, apikey, content-type, x-retry-count, traceparent, tracestate, baggage, x-supabase-api-version, accept-profile, content-profile, prefer, range, x-region',
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE, OPTIONS',
  'access-control-expose-headers': 'content-range, x-supabase-api-version, content-profile, location, preference-applied',
};

function expectCors(headers: Headers) {
  for (const [name, value] of Object.entries(EXPECTED_CORS)) expect(headers.get(name), name).toBe(value);
}

async function call(path: string, init: RequestInit = {}) {
  const res = await fetch(`${stack().url}${path}`, init);
  const text = await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = text;
  }
  return { status: res.status, headers: res.headers, body: body as Record<string, unknown> | null };
}

async function workspaceCount(): Promise<number> {
  const { count, error } = await serviceClient().from('workspaces').select('id', { count: 'exact', head: true });
  if (error) throw new Error(error.message);
  return count ?? 0;
}

describe('CORS', () => {
  for (const path of ['/rest/v1/workspaces', '/auth/v1/token?grant_type=password', '/functions/v1/health', '/realtime/v1/api/broadcast']) {
    it(`answers the preflight for ${path}`, async () => {
      const res = await fetch(`${stack().url}${path}`, {
        method: 'OPTIONS',
        headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization, apikey, content-type' },
      });
      expect(res.status).toBe(200);
      expectCors(res.headers);
    });
  }

  it('puts the CORS headers on ordinary and error responses too', async () => {
    const ok = await call('/rest/v1/workspaces', { headers: { apikey: stack().anonKey } });
    expect(ok.status).toBe(200);
    expectCors(ok.headers);
    const refused = await call('/rest/v1/workspaces');
    expect(refused.status).toBe(401);
    expectCors(refused.headers);
  });
});

describe('REST', () => {
  it('serves rows through supabase-js under RLS: a user sees only their own workspace, anon nothing', async () => {
    const alice = await signUpUser();
    const bob = await signUpUser();
    const { data: ws, error } = await alice.client.from('workspaces').insert({ name: 'Alice Co' }).select().single();
    expect(error).toBeNull();
    expect((await alice.client.from('workspaces').select('id')).data).toEqual([{ id: ws!.id }]);
    expect((await bob.client.from('workspaces').select('id').eq('id', ws!.id)).data).toEqual([]);
    expect((await anonClient().from('workspaces').select('id')).data).toEqual([]);
  });

  it('requires an API key', async () => {
    const res = await call('/rest/v1/workspaces');
    expect(res.status).toBe(401);
    expect(res.body?.message).toBe('No API key found in request');
    const bad = await call('/rest/v1/workspaces', { headers: { apikey: 'not-a-key' } });
    expect(bad.status).toBe(401);
    expect(bad.body?.message).toBe('Invalid API key');
  });

  it('refuses a forged service-role token with PostgREST’s 401 and writes nothing', async () => {
    const before = await workspaceCount();
    const token = await forgedToken();
    const res = await call('/rest/v1/workspaces', {
      method: 'POST',
      headers: { apikey: stack().anonKey, Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'forged' }),
    });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ code: 'PGRST301', details: null, hint: null, message: 'JWSError JWSInvalidSignature' });
    expect(await workspaceCount()).toBe(before);
  });

  it('refuses an expired token with 401 JWT expired', async () => {
    const { user } = await signUpUser();
    const token = await expiredToken(stack().jwtSecret, { sub: user.id });
    const res = await call('/rest/v1/workspaces', { headers: { apikey: stack().anonKey, Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(401);
    expect(res.body).toMatchObject({ code: 'PGRST301', message: 'JWT expired' });
  });

  it('answers malformed JSON with 400 and inserts nothing', async () => {
    const { session } = await signUpUser();
    const before = await workspaceCount();
    const res = await call('/rest/v1/workspaces', {
      method: 'POST',
      headers: { apikey: stack().anonKey, Authorization: `Bearer ${session.access_token}`, 'Content-Type': 'application/json' },
      body: '{"name": "broken"',
    });
    expect(res.status).toBe(400);
    expect(typeof res.body?.message).toBe('string');
    expect(await workspaceCount()).toBe(before);
  });

  it('refuses a body over the REST limit with 413 JSON', async () => {
    const res = await call('/rest/v1/workspaces', {
      method: 'POST',
      headers: { apikey: stack().serviceRoleKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({ name: 'x'.repeat(11 * 1024 * 1024) }),
    });
    expect(res.status).toBe(413);
    expect(res.body?.code).toBe('payload_too_large');
  });

  it('does not expose the stack’s internal schemas', async () => {
    const res = await call('/rest/v1/rpc/list_users', {
      method: 'POST',
      headers: { apikey: stack().serviceRoleKey, 'Content-Profile': '_local_auth', 'Content-Type': 'application/json' },
      body: JSON.stringify({ p_page: 1, p_per_page: 10 }),
    });
    expect(res.status).toBe(406);
    expect(res.body?.code).toBe('PGRST106');
  });
});

describe('auth edges', () => {
  it('answers malformed JSON with 400 and creates no user', async () => {
    const res = await call('/auth/v1/signup', {
      method: 'POST',
      headers: { apikey: stack().anonKey, 'Content-Type': 'application/json' },
      body: '{"email": "broken@example.com", "password": ',
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ code: 'bad_json', error_code: 'bad_json' });
    const { data } = await serviceClient().auth.admin.listUsers({ perPage: 1000 });
    expect(data.users.some((u) => u.email === 'broken@example.com')).toBe(false);
  });

  it('answers a non-object JSON body with 400', async () => {
    const res = await call('/auth/v1/signup', {
      method: 'POST',
      headers: { apikey: stack().anonKey, 'Content-Type': 'application/json' },
      body: '[1,2,3]',
    });
    expect(res.status).toBe(400);
  });

  it('refuses an oversized body with 413', async () => {
    const res = await call('/auth/v1/signup', {
      method: 'POST',
      headers: { apikey: stack().anonKey, 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: 'big@example.com', password: 'password1', data: { blob: 'x'.repeat(1024 * 1024) } }),
    });
    expect(res.status).toBe(413);
  });

  it('refuses an unsupported grant type and unknown endpoints with JSON', async () => {
    const grant = await call('/auth/v1/token?grant_type=magic', { method: 'POST', headers: { apikey: stack().anonKey } });
    expect(grant.status).toBe(400);
    expect(grant.body?.code).toBe('unsupported_grant_type');
    const unknown = await call('/auth/v1/nope', { headers: { apikey: stack().anonKey } });
    expect(unknown.status).toBe(404);
  });

  it('refuses an expired user token on /user with 403 bad_jwt', async () => {
    const { user } = await signUpUser();
    const token = await expiredToken(stack().jwtSecret, { sub: user.id });
    const res = await call('/auth/v1/user', { headers: { apikey: stack().anonKey, Authorization: `Bearer ${token}` } });
    expect(res.status).toBe(403);
    expect(res.body?.code).toBe('bad_jwt');
  });

  it('serves /auth/v1/settings and /auth/v1/health', async () => {
    expect((await call('/auth/v1/settings', { headers: { apikey: stack().anonKey } })).body).toMatchObject({ mailer_autoconfirm: true });
    expect((await call('/auth/v1/health')).status).toBe(200);
  });
});

describe('routing', () => {
  it('answers unknown paths with 404 JSON', async () => {
    const res = await call('/nowhere');
    expect(res.status).toBe(404);
    expect(res.body?.message).toContain('/nowhere');
  });

  it('upgrades /realtime/v1/websocket and subscribes a channel', async () => {
    // The project allows private channels only: a member's channel on their own workspace's topic.
    const { client } = await signUpUser();
    const { data: ws } = await client.from('workspaces').insert({ name: 'Gateway workspace' }).select().single();
    await client.realtime.setAuth();
    const status = await nextEvent<string>(
      (deliver) => {
        client.channel(`ops:${ws!.id}:${crypto.randomUUID().slice(0, 8)}`, { config: { private: true } }).subscribe((s) => {
          if (s !== 'CLOSED') deliver(s);
        });
      },
      { what: 'the channel to answer its join', timeoutMs: 10_000 },
    );
    expect(status).toBe('SUBSCRIBED');
    await client.removeAllChannels();
  });
});
