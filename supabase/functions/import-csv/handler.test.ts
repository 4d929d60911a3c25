import type { SupabaseClient } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { handler } from './handler.ts';

const WORKSPACE = '0b8d3c4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e';
const post = (body: unknown, token: string | null = 'user-jwt', method = 'POST') =>
  new Request('http://x/import-csv', {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Content-Type': 'application/json' },
    ...(method === 'POST' ? { body: JSON.stringify(body) } : {}),
  });
/** A client that must never be reached: these requests are refused before any query. */
const untouchable = () => ({ from: () => { throw new Error('no query expected'); } }) as unknown as SupabaseClient;

describe('import-csv handler', () => {
  it('refuses other methods, a missing sign-in and bad bodies before touching the database', async () => {
    expect((await handler(post(null, 'jwt', 'GET'), { userClient: untouchable })).status).toBe(405);
    expect((await handler(post({ mode: 'preview' }, null), { userClient: untouchable })).status).toBe(401);
    const bad = [
      { mode: 'import', workspace_id: WORKSPACE, source: 'csv', csv: 'a' },
      { mode: 'preview', workspace_id: 'x', source: 'csv', csv: 'a' },
      { mode: 'preview', workspace_id: WORKSPACE, source: 'Google Ads', csv: 'a' },
      { mode: 'preview', workspace_id: WORKSPACE, source: 'csv', csv: '' },
      { mode: 'preview', workspace_id: WORKSPACE, source: 'csv', csv: 'x'.repeat(900_001) },
      { mode: 'preview', workspace_id: WORKSPACE, source: 'csv', csv: 'a', mapping: { a: 'profit' } },
      { mode: 'preview', workspace_id: WORKSPACE, source: 'csv', csv: 'a', extra: 1 },
    ];
    for (const body of bad) expect((await handler(post(body), { userClient: untouchable })).status, JSON.stringify(body).slice(0, 80)).toBe(400);
  });
});
