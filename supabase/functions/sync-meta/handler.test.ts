import { describe, expect, it } from 'vitest';
import { handler } from './handler.ts';

const post = (body: unknown, headers: Record<string, string> = { Authorization: 'Bearer user-token' }) =>
  handler(new Request('http://local/functions/v1/sync-meta', { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) }), { serviceRoleKey: 'svc' });

describe('sync-meta handler', () => {
  it('refuses other methods, missing sign-in and bad input before syncing anything', async () => {
    expect((await handler(new Request('http://local/x', { method: 'PUT', headers: { Authorization: 'Bearer t' } }))).status).toBe(405);
    expect((await post({ campaign_id: crypto.randomUUID() }, {})).status).toBe(401);
    expect((await post({ campaign_id: 'not-a-uuid' })).status).toBe(400);
    expect((await post({ workspace_id: crypto.randomUUID(), since: '2020-01-01' })).status).toBe(400);
    expect((await post({ trigger: 'whenever' })).status).toBe(400);
  });
});
