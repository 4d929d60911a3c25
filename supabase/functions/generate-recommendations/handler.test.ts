import type { SupabaseClient } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import type { GenerateRecommendationsOptions, GenerateRecommendationsResult } from '../_shared/recommendations/persist.ts';
import { WorkspaceNotFoundError } from '../_shared/recommendations/persist.ts';
import { handler } from './handler.ts';

const WORKSPACE = '0b8d3c4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e';
const USER = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const SERVICE_KEY = 'service-key';
const now = () => new Date('2026-03-08T06:00:00Z');

function post(body: unknown, token: string | null = 'user-jwt') {
  return new Request('http://x/generate-recommendations', {
    method: 'POST',
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** A user client whose RLS shows these memberships of the signed-in user. */
function fakeUserClient(memberOf: string[], role = 'marketer'): SupabaseClient {
  return {
    auth: { getUser: async () => ({ data: { user: { id: USER } }, error: null }) },
    from: () => ({
      select: () => ({
        eq: (_c: string, ws: string) => ({
          eq: () => ({ maybeSingle: async () => ({ data: memberOf.includes(ws) ? { role } : null, error: null }) }),
        }),
      }),
    }),
  } as unknown as SupabaseClient;
}

function recorder(fail?: Error) {
  const calls: GenerateRecommendationsOptions[] = [];
  const generate = async (_db: SupabaseClient, options: GenerateRecommendationsOptions): Promise<GenerateRecommendationsResult> => {
    calls.push(options);
    if (fail) throw fail;
    return { workspace_id: options.workspaceId, as_of: '2026-03-08', generated: 0, inserted: 0, updated: 0, unchanged: 0, withdrawn: 0, decided: 0, recommendations: [] };
  };
  return { calls, generate };
}

const base = { serviceRoleKey: SERVICE_KEY, now, serviceClient: () => ({}) as SupabaseClient };

describe('generate-recommendations handler', () => {
  it('asks callers without a token to sign in, and rejects a body without a workspace', async () => {
    expect((await handler(post({ workspace_id: WORKSPACE }, null), base)).status).toBe(401);
    const { generate } = recorder();
    expect((await handler(post({}), { ...base, generate, userClient: () => fakeUserClient([WORKSPACE]) })).status).toBe(400);
  });

  it('generates for a member of the workspace at the current time', async () => {
    const { calls, generate } = recorder();
    const res = await handler(post({ workspace_id: WORKSPACE }), { ...base, generate, userClient: () => fakeUserClient([WORKSPACE]) });
    expect(res.status).toBe(200);
    expect(calls).toEqual([{ workspaceId: WORKSPACE, now: '2026-03-08T06:00:00.000Z' }]);
  });

  it("answers 404 to someone outside the workspace and writes nothing", async () => {
    const { calls, generate } = recorder();
    const res = await handler(post({ workspace_id: WORKSPACE }), { ...base, generate, userClient: () => fakeUserClient([]) });
    expect(res.status).toBe(404);
    expect(calls).toEqual([]);
  });

  it('lets only the scheduler set the evaluation time', async () => {
    const { calls, generate } = recorder();
    const member = await handler(post({ workspace_id: WORKSPACE, now: '2026-01-01T00:00:00Z' }), { ...base, generate, userClient: () => fakeUserClient([WORKSPACE]) });
    expect(member.status).toBe(403);
    const scheduler = await handler(post({ workspace_id: WORKSPACE, now: '2026-01-01T00:00:00Z' }, SERVICE_KEY), { ...base, generate });
    expect(scheduler.status).toBe(200);
    expect(calls).toEqual([{ workspaceId: WORKSPACE, now: '2026-01-01T00:00:00.000Z' }]);
  });

  it('answers 404 when the scheduler names a workspace that does not exist', async () => {
    const { generate } = recorder(new WorkspaceNotFoundError());
    const res = await handler(post({ workspace_id: WORKSPACE }, SERVICE_KEY), { ...base, generate });
    expect(res.status).toBe(404);
  });
});

describe('generate-recommendations for a viewer', () => {
  it('refuses with 403 and generates nothing: the rows are written with the service role', async () => {
    const { calls, generate } = recorder();
    const res = await handler(post({ workspace_id: WORKSPACE }), { ...base, generate, userClient: () => fakeUserClient([WORKSPACE], 'viewer') });
    expect(res.status).toBe(403);
    expect(calls).toHaveLength(0);
  });
});
