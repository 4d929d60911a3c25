import type { SupabaseClient } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { handler } from './handler.ts';

const post = (body: unknown, token: string | null = 'user-jwt') =>
  new Request('http://x/roll-up-website', { method: 'POST', headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
const untouchable = () => ({ from: () => { throw new Error('no query expected'); } }) as unknown as SupabaseClient;

describe('roll-up-website handler', () => {
  it('refuses a missing sign-in, bad days and a member call without a workspace', async () => {
    const deps = { userClient: untouchable, serviceClient: untouchable, serviceRoleKey: 'svc' };
    expect((await handler(post({}, null), deps)).status).toBe(401);
    expect((await handler(post({ days: ['yesterday'] }), deps)).status).toBe(400);
    expect((await handler(post({ days: Array(93).fill('2026-03-01') }), deps)).status).toBe(400);
    expect((await handler(post({}), deps)).status).toBe(400);
  });

  it('keeps going when one workspace fails on the schedule, and says which', async () => {
    const service = (() => ({
      from: (table: string) => {
        if (table !== 'workspaces') throw new Error('unexpected');
        return {
          select: (cols: string) =>
            cols === 'id'
              ? { order: async () => ({ data: [{ id: 'w1' }], error: null }) }
              : { eq: () => ({ maybeSingle: async () => ({ data: null, error: { message: 'database down' } }) }) },
        };
      },
    })) as unknown as () => SupabaseClient;
    const res = await handler(post({ trigger: 'schedule' }, 'svc'), { serviceClient: service, serviceRoleKey: 'svc' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ workspaces: [{ workspace_id: 'w1', error: 'Could not load the workspace: database down' }] });
  });
});
