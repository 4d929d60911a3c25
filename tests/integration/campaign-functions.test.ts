/**
 * The campaign functions through the gateway, as the SPA calls them: compute-drift reproduces the spec's drift table (docs/domain-rules.md, Drift),
 * assess-feasibility records an assessment the ops head then gates, and neither lets a user reach another workspace.
 */
import { FunctionsHttpError } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { serviceClient, signUpUser, type Client } from '../support/clients.ts';

async function must<T>(promise: PromiseLike<{ data: T; error: unknown }>): Promise<NonNullable<T>> {
  const { data, error } = await promise;
  if (error) throw new Error(`unexpected error: ${JSON.stringify(error)}`);
  return data as NonNullable<T>;
}

async function failure(promise: Promise<{ data: unknown; error: unknown }>): Promise<{ status: number; body: Record<string, unknown> }> {
  const { data, error } = await promise;
  expect(data).toBeNull();
  expect(error).toBeInstanceOf(FunctionsHttpError);
  const response = (error as FunctionsHttpError).context as Response;
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

const day = (offset: number, hour = 9) => {
  const d = new Date();
  d.setUTCHours(hour, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString();
};

interface Tenant {
  client: Client;
  userId: string;
  workspaceId: string;
  campaignId: string;
}

/** A workspace whose admin planned the spec's drift-sample campaign and logged its execution. */
async function seedTenant(label: string): Promise<Tenant> {
  const { client, user } = await signUpUser(`${label}-${crypto.randomUUID().slice(0, 8)}@example.com`);
  const ws = await must(client.from('workspaces').insert({ name: `${label} team` }).select().single());
  const campaign = await must(
    client
      .from('campaigns')
      .insert({ workspace_id: ws.id, name: `${label} spring sale`, objective: 'sales', industry: 'Retail', budget: 5000, planned_launch: day(-5).slice(0, 10) })
      .select()
      .single(),
  );
  // Planning 3 → 3, Creative 5 → 7, Compliance 7 → 10, Launch not started (the spec's drift sample), ending yesterday.
  const phases = [
    { name: 'Planning', position: 0, planned_days: 3, actual_start: day(-20), actual_end: day(-18, 17) },
    { name: 'Creative', position: 1, planned_days: 5, actual_start: day(-17), actual_end: day(-11, 17) },
    { name: 'Compliance', position: 2, planned_days: 7, actual_start: day(-10), actual_end: day(-1, 17) },
    { name: 'Launch', position: 3, planned_days: 1, actual_start: null, actual_end: null },
  ];
  // Logged execution is arranged with the service role: the product logs it only after the gate said Proceed
  // (log_phase_execution), so the campaign is arranged as past its gate too.
  await must(serviceClient().from('campaigns').update({ status: 'active', decision: 'proceed' }).eq('id', campaign.id).select());
  await must(serviceClient().from('campaign_phases').insert(phases.map((p) => ({ ...p, workspace_id: ws.id, campaign_id: campaign.id }))).select());
  return { client, userId: user.id, workspaceId: ws.id, campaignId: campaign.id };
}

let alice: Tenant;
let bob: Tenant;

beforeAll(async () => {
  [alice, bob] = await Promise.all([seedTenant('alice'), seedTenant('bob')]);
});

describe('compute-drift', () => {
  it('turns the seed sample into the seed drift table with Creative as the first point of failure', async () => {
    const { data, error } = await alice.client.functions.invoke('compute-drift', { body: { campaign_id: alice.campaignId } });
    expect(error).toBeNull();
    const rows = data.report.phases.map((p: Record<string, unknown>) => [p.name, p.planned_days, p.actual_days, p.drift_days, p.severity]);
    expect(rows).toEqual([
      ['Planning', 3, 3, 0, 'On Track'],
      ['Creative', 5, 7, 2, 'At Risk'],
      ['Compliance', 7, 10, 3, 'Blocked'],
      ['Launch', 1, null, null, 'Pending'],
    ]);
    expect(data.report.first_point_of_failure).toMatchObject({ phase: 'Creative', drift_days: 2 });
    expect(data.report.cumulative_drift_days).toBe(5);
    expect(data.report.predictions.map((p: { name: string }) => p.name)).toEqual(['Launch']);
    expect(data.comparison.root_delay_origin.phase).toBe('Creative');
  });

  it("answers 404 for another workspace's campaign", async () => {
    const res = await failure(bob.client.functions.invoke('compute-drift', { body: { campaign_id: alice.campaignId } }));
    expect(res).toEqual({ status: 404, body: { error: 'Campaign not found' } });
  });

  it('answers 400 for a missing or invalid campaign_id', async () => {
    const missing = await failure(alice.client.functions.invoke('compute-drift', { body: {} }));
    expect(missing.status).toBe(400);
    expect(missing.body.error).toContain('campaign_id');
    const invalid = await failure(alice.client.functions.invoke('compute-drift', { body: { campaign_id: 'not-a-uuid' } }));
    expect(invalid.status).toBe(400);
  });
});

describe('assess-feasibility', () => {
  it('records an assessment that an admin then confirms through the decision gate', async () => {
    const { data, error } = await alice.client.functions.invoke('assess-feasibility', { body: { campaign_id: alice.campaignId } });
    expect(error).toBeNull();
    expect(data.assessment).toMatchObject({ campaign_id: alice.campaignId, workspace_id: alice.workspaceId, score: data.report.score });
    expect(data.report.risks.length).toBeGreaterThan(0);
    const stored = await must(alice.client.from('feasibility_assessments').select('*').eq('id', data.assessment.id).single());
    expect(stored.created_by).toBe(alice.userId);
    expect(stored.benchmarks).toHaveLength(4);

    const campaign = await must(alice.client.rpc('set_decision_gate', { p_assessment_id: stored.id, p_decision: 'adjust', p_note: 'Extend Creative' }));
    expect(campaign).toMatchObject({ decision: 'adjust', decided_by: alice.userId, decision_note: 'Extend Creative' });
  });

  it('lets a marketer assess but not decide', async () => {
    const { client: marketer, user } = await signUpUser();
    await must(serviceClient().from('workspace_members').insert({ workspace_id: alice.workspaceId, user_id: user.id, role: 'marketer' }).select());
    const { data, error } = await marketer.functions.invoke('assess-feasibility', { body: { campaign_id: alice.campaignId } });
    expect(error).toBeNull();
    const { error: gateError } = await marketer.rpc('set_decision_gate', { p_assessment_id: data.assessment.id, p_decision: 'proceed' });
    expect(gateError?.message).toContain('Only an ops head or admin');
  });

  it("answers 404 for another workspace's campaign and writes nothing", async () => {
    const before = await serviceClient().from('feasibility_assessments').select('id', { count: 'exact', head: true }).eq('campaign_id', alice.campaignId);
    const res = await failure(bob.client.functions.invoke('assess-feasibility', { body: { campaign_id: alice.campaignId } }));
    expect(res).toEqual({ status: 404, body: { error: 'Campaign not found' } });
    const after = await serviceClient().from('feasibility_assessments').select('id', { count: 'exact', head: true }).eq('campaign_id', alice.campaignId);
    expect(after.count).toBe(before.count);
  });

  it('answers 400 for a missing campaign_id', async () => {
    const res = await failure(alice.client.functions.invoke('assess-feasibility', { body: { id: alice.campaignId } }));
    expect(res.status).toBe(400);
  });
});

describe('execution data quality', () => {
  it('refuses a negative planned duration with a constraint error and changes nothing', async () => {
    const { error } = await alice.client
      .from('campaign_phases')
      .insert({ workspace_id: alice.workspaceId, campaign_id: alice.campaignId, name: 'Retro', position: 9, planned_days: -2 });
    expect(error?.code).toBe('23514');
    const phases = await must(alice.client.from('campaign_phases').select('name').eq('campaign_id', alice.campaignId));
    expect(phases.map((p) => p.name)).not.toContain('Retro');
  });

  // Bob's campaign: Alice's gate was moved to Adjust above, and execution is logged only after a Proceed.
  const launchOf = async (t: Tenant) =>
    must(t.client.from('campaign_phases').select('id, actual_start, actual_end').eq('campaign_id', t.campaignId).eq('name', 'Launch').single());

  it('refuses an end before the start and keeps the logged times', async () => {
    const launch = await launchOf(bob);
    const { error } = await bob.client.rpc('log_phase_execution', { p_phase_id: launch.id, p_patch: { actual_start: day(-2), actual_end: day(-4) } });
    expect(error?.code).toBe('23514');
    expect(error?.message).toContain('campaign_phases_end_after_start');
    expect(await launchOf(bob)).toEqual({ id: launch.id, actual_start: null, actual_end: null });
  });

  it("cannot log execution on another workspace's phases", async () => {
    const launch = await launchOf(alice);
    const { error } = await bob.client.rpc('log_phase_execution', { p_phase_id: launch.id, p_patch: { actual_start: day(0) } });
    expect(error?.code).toBe('P0002');
    expect(await launchOf(alice)).toEqual({ id: launch.id, actual_start: null, actual_end: null });
  });
});
