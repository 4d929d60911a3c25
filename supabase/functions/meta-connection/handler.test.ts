import { afterEach, describe, expect, it } from 'vitest';
import { handler } from './handler.ts';

const post = (body: unknown, headers: Record<string, string> = { Authorization: 'Bearer user-token' }) =>
  handler(new Request('http://local/functions/v1/meta-connection', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) }));

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
});

describe('meta-connection handler', () => {
  it('refuses other methods, missing sign-in and malformed bodies before touching anything', async () => {
    expect((await handler(new Request('http://local/x', { method: 'GET', headers: { Authorization: 'Bearer t' } }))).status).toBe(405);
    expect((await post({ action: 'config' }, {})).status).toBe(401);
    expect((await post('{oops')).status).toBe(400);
    expect((await post({ action: 'steal_token' })).status).toBe(400);
    expect((await post({ action: 'connect_token', workspace_id: crypto.randomUUID(), ad_account_id: 'my account', access_token: 'EAA0123456789' })).status).toBe(400);
    expect((await post({ action: 'connect_token', workspace_id: crypto.randomUUID(), ad_account_id: 'act_1', access_token: 'short' })).status).toBe(400);
    expect((await post({ action: 'connect_sandbox', workspace_id: 'nope' })).status).toBe(400);
    const extra = await post({ action: 'config', token: 'x' });
    expect(extra.status).toBe(400);
  });

  it('answers the preflight', async () => {
    const res = await handler(new Request('http://local/x', { method: 'OPTIONS' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('Access-Control-Allow-Origin')).toBe('*');
  });

  it('says what this server offers: Facebook Login with an app id and secret, the sandbox with its URL', async () => {
    delete process.env.META_APP_ID;
    delete process.env.META_APP_SECRET;
    delete process.env.META_SANDBOX_URL;
    expect(await (await post({ action: 'config' })).json()).toMatchObject({ oauth_available: false, sandbox_available: false });
    Object.assign(process.env, { META_APP_ID: 'app', META_APP_SECRET: 'secret', META_SANDBOX_URL: 'http://127.0.0.1:1' });
    expect(await (await post({ action: 'config' })).json()).toMatchObject({ oauth_available: true, sandbox_available: true });
  });
});
