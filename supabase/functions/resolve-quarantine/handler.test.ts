import type { SupabaseClient } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { handler } from './handler.ts';

const ID = '0b8d3c4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e';
const post = (body: unknown, token: string | null = 'user-jwt') =>
  new Request('http://x/resolve-quarantine', { method: 'POST', headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const untouchable = () => ({ from: () => { throw new Error('no query expected'); } }) as unknown as SupabaseClient;

describe('resolve-quarantine handler', () => {
  it('refuses a missing sign-in and malformed requests before touching the database', async () => {
    expect((await handler(post({ action: 'discard', id: ID }, null), { userClient: untouchable })).status).toBe(401);
    for (const body of [{ action: 'delete', id: ID }, { action: 'discard', id: 'x' }, { action: 'fix', id: ID }, { action: 'fix', id: ID, metrics: { profit: 1 } }, { action: 'fix', id: ID, metrics: { spend: 'ten' } }]) {
      expect((await handler(post(body), { userClient: untouchable })).status, JSON.stringify(body)).toBe(400);
    }
  });

  it('answers 404 for a row the caller cannot see (RLS) and 403 for a non-admin', async () => {
    const client = (row: unknown, admin: boolean) =>
      (() => ({
        from: () => ({ select: () => ({ eq: () => ({ maybeSingle: async () => ({ data: row, error: null }) }) }) }),
        rpc: async () => ({ data: admin, error: null }),
      })) as unknown as () => SupabaseClient;
    expect((await handler(post({ action: 'discard', id: ID }), { userClient: client(null, true) })).status).toBe(404);
    const row = { id: ID, workspace_id: ID, campaign_id: ID, date: '2026-03-01', data_source: 'csv', status: 'open' };
    expect((await handler(post({ action: 'discard', id: ID }), { userClient: client(row, false) })).status).toBe(403);
    expect((await handler(post({ action: 'discard', id: ID }), { userClient: client({ ...row, status: 'fixed' }, true) })).status).toBe(409);
  });
});
