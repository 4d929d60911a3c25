import type { SupabaseClient } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import type { RunAnalysisOptions, RunAnalysisResult } from '../_shared/analysis/index.ts';
import { handler } from './handler.ts';

const CAMPAIGN = '6f1c2a9e-3b7d-4c1e-9a51-1d2e3f4a5b6c';
const WORKSPACE = '0b8d3c4e-5f6a-4b7c-8d9e-0f1a2b3c4d5e';
const USER = '1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d';
const SERVICE_KEY = 'service-key';
const now = () => new Date('2026-03-08T06:00:00Z');

function post(body: unknown, token: string | null = 'user-jwt') {
  return new Request('http://x/analyze-correlations', {
    method: 'POST',
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

/** A user client that sees the given rows (RLS already applied), knows the signed-in user and their role. */
function fakeUserClient(
  visible: { campaigns?: Record<string, unknown>[]; workspaces?: Record<string, unknown>[] },
  role: string | null = 'marketer',
): SupabaseClient {
  return {
    auth: { getUser: async () => ({ data: { user: { id: USER } }, error: null }) },
    from: (table: 'campaigns' | 'workspaces' | 'workspace_members') => ({
      select: () => ({
        eq: (_col: string, value: string) =>
          table === 'workspace_members'
            ? { eq: () => ({ maybeSingle: async () => ({ data: value === WORKSPACE && role ? { role } : null, error: null }) }) }
            : { maybeSingle: async () => ({ data: (visible[table] ?? []).find((r) => r.id === value) ?? null, error: null }) },
      }),
    }),
  } as unknown as SupabaseClient;
}

function recorder() {
  const calls: RunAnalysisOptions[] = [];
  const run = async (_db: SupabaseClient, options: RunAnalysisOptions): Promise<RunAnalysisResult> => {
    calls.push(options);
    return {
      now: options.now ?? '',
      window: { actionsSince: '', dataFrom: '', dataTo: '' },
      campaigns: [],
      correlations_written: 0,
      alerts_written: 0,
      alerts_created: 0,
      alerts_resolved: 0,
      failed: 0,
    };
  };
  return { calls, run };
}

const baseDeps = { serviceRoleKey: SERVICE_KEY, deepseek: null, now, serviceClient: () => ({}) as SupabaseClient };

describe('analyze-correlations handler', () => {
  it('asks callers without a token to sign in', async () => {
    const res = await handler(post({ campaign_id: CAMPAIGN }, null), baseDeps);
    expect(res.status).toBe(401);
  });

  it('runs one campaign for a member who can read it, as a manual run of theirs', async () => {
    const { calls, run } = recorder();
    const userClient = () => fakeUserClient({ campaigns: [{ id: CAMPAIGN, workspace_id: WORKSPACE }] });
    const res = await handler(post({ campaign_id: CAMPAIGN }), { ...baseDeps, userClient, run });
    expect(res.status).toBe(200);
    expect(calls).toEqual([
      expect.objectContaining({
        workspaceId: WORKSPACE,
        campaignIds: [CAMPAIGN],
        trigger: 'manual',
        createdBy: USER,
        now: '2026-03-08T06:00:00.000Z',
        deepseek: null,
      }),
    ]);
  });

  it('answers 404 for a campaign the member cannot read, without running anything', async () => {
    const { calls, run } = recorder();
    const res = await handler(post({ campaign_id: CAMPAIGN }), { ...baseDeps, userClient: () => fakeUserClient({}), run });
    expect(res.status).toBe(404);
    expect(calls).toHaveLength(0);
  });

  it('runs a whole workspace with the default windows', async () => {
    const { calls, run } = recorder();
    const userClient = () => fakeUserClient({ workspaces: [{ id: WORKSPACE }] });
    const res = await handler(post({ workspace_id: WORKSPACE }), { ...baseDeps, userClient, run });
    expect(res.status).toBe(200);
    expect(calls[0]).toMatchObject({ workspaceId: WORKSPACE, campaignIds: null, actionsWindowHours: undefined, dataWindowDays: undefined });
  });

  it('requires a scope from members and refuses their "now"', async () => {
    const userClient = () => fakeUserClient({ workspaces: [{ id: WORKSPACE }] });
    expect((await handler(post({}), { ...baseDeps, userClient })).status).toBe(400);
    expect((await handler(post({ workspace_id: WORKSPACE, now: '2026-01-01T00:00:00Z' }), { ...baseDeps, userClient })).status).toBe(403);
  });

  it('lets the scheduler (service key) analyse every workspace at a given instant', async () => {
    const { calls, run } = recorder();
    const res = await handler(post({ now: '2026-03-08T08:00:00Z', actions_window_hours: 72 }, SERVICE_KEY), { ...baseDeps, run });
    expect(res.status).toBe(200);
    expect(calls[0]).toMatchObject({ workspaceId: null, campaignIds: null, trigger: 'schedule', now: '2026-03-08T08:00:00.000Z', actionsWindowHours: 72 });
  });

  it('rejects unknown fields and malformed ids', async () => {
    expect((await handler(post({ campaign_id: 'nope' }, SERVICE_KEY), baseDeps)).status).toBe(400);
    expect((await handler(post({ everything: true }, SERVICE_KEY), baseDeps)).status).toBe(400);
  });
});

describe('analyze-correlations for a viewer', () => {
  it('refuses with 403 and runs nothing: the run writes with the service role in the caller\'s name', async () => {
    const { calls, run } = recorder();
    const userClient = () => fakeUserClient({ campaigns: [{ id: CAMPAIGN, workspace_id: WORKSPACE }], workspaces: [{ id: WORKSPACE }] }, 'viewer');
    const byCampaign = await handler(post({ campaign_id: CAMPAIGN }), { ...baseDeps, userClient, run });
    const byWorkspace = await handler(post({ workspace_id: WORKSPACE }), { ...baseDeps, userClient, run });
    expect([byCampaign.status, byWorkspace.status]).toEqual([403, 403]);
    expect(await byCampaign.json()).toMatchObject({ error: 'Viewers cannot run the analysis' });
    expect(calls).toHaveLength(0);
  });
});
