/**
 * Row-level security, proven by trying to break it: two users in two workspaces attack each other's rows
 * on every table (read, insert, update, delete), and a viewer tries to write. Everything goes through
 * supabase-js against the local stack, exactly as the SPA would.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../src/lib/database.types.ts';
import { serviceClient, signUpUser } from '../support/clients.ts';

type Client = SupabaseClient<Database>;
type TableName = keyof Database['public']['Tables'];

interface Tenant {
  owner: Client;
  ownerId: string;
  workspaceId: string;
  campaignId: string;
  rows: Partial<Record<TableName, string | number>>;
}

const service = () => serviceClient() as Client;

async function must<T>(promise: PromiseLike<{ data: T; error: unknown }>): Promise<NonNullable<T>> {
  const { data, error } = await promise;
  if (error || data === null) throw new Error(`unexpected error: ${JSON.stringify(error)}`);
  return data as NonNullable<T>;
}

/** A workspace with one row in every table, created the way the product creates them. */
async function makeTenant(label: string): Promise<Tenant> {
  const { client: owner, user } = await signUpUser(`${label}-${crypto.randomUUID().slice(0, 8)}@example.com`);
  const ws = await must(owner.from('workspaces').insert({ name: `${label} workspace` }).select().single());
  const campaign = await must(
    owner.from('campaigns').insert({ workspace_id: ws.id, name: `${label} launch`, objective: 'sales' }).select().single(),
  );
  const phase = await must(
    owner
      .from('campaign_phases')
      .insert({ workspace_id: ws.id, campaign_id: campaign.id, name: 'Planning', position: 0, planned_days: 3 })
      .select()
      .single(),
  );
  // Assessments are written by assess-feasibility with the service role, never by clients.
  const assessment = await must(
    service()
      .from('feasibility_assessments')
      .insert({ workspace_id: ws.id, campaign_id: campaign.id, score: 72, recommended_decision: 'proceed' })
      .select()
      .single(),
  );
  const action = await must(
    owner
      .from('marketer_actions')
      .insert({ workspace_id: ws.id, campaign_id: campaign.id, action_type: 'creative_change', title: 'Blue to red', status: 'planned' })
      .select()
      .single(),
  );
  const snapshot = await must(
    owner
      .from('performance_snapshots')
      .insert({ workspace_id: ws.id, campaign_id: campaign.id, date: '2026-11-01', sales: 500, impressions: 1000, clicks: 100, conversions: 30 })
      .select()
      .single(),
  );
  const promo = await must(
    owner.from('promo_codes').insert({ workspace_id: ws.id, campaign_id: campaign.id, code: `${label.toUpperCase()}10` }).select().single(),
  );
  const event = await must(
    owner
      .from('tracking_events')
      .insert({ workspace_id: ws.id, campaign_id: campaign.id, event_id: `evt-${label}`, event_type: 'Purchase', event_time: new Date().toISOString(), value: 49.99, currency: 'USD', source: 'pixel' })
      .select()
      .single(),
  );
  // What the analysis writes with the service role.
  const svc = service();
  const correlation = await must(
    svc
      .from('correlations')
      .insert({ workspace_id: ws.id, campaign_id: campaign.id, action_id: action.id, metric: 'sales', change_pct: -60, strength: 'strong', confidence: 0.9, method: 'rules', finding_key: `k-${label}` })
      .select()
      .single(),
  );
  const alert = await must(
    svc
      .from('ai_alerts')
      .insert({ workspace_id: ws.id, campaign_id: campaign.id, severity: 'high', title: 'Sales dropped', confidence: 0.9, source: 'rules', finding_key: `k-${label}` })
      .select()
      .single(),
  );
  const recommendation = await must(
    svc
      .from('recommendations')
      .insert({ workspace_id: ws.id, campaign_id: campaign.id, kind: 'extend_phase', title: 'Extend Creative', recommendation_key: `r-${label}` })
      .select()
      .single(),
  );
  const run = await must(svc.from('analysis_runs').insert({ workspace_id: ws.id, trigger: 'manual' }).select().single());
  const quarantined = await must(
    owner
      .from('quarantined_snapshots')
      .insert({ workspace_id: ws.id, campaign_id: campaign.id, date: '2026-11-02', data_source: 'csv', metrics: { clicks: 9, impressions: 1 }, reasons: [{ check: 'clicks_above_impressions', message: 'x' }] })
      .select()
      .single(),
  );
  const effect = await must(
    svc
      .from('action_effects')
      .insert({ workspace_id: ws.id, campaign_id: campaign.id, action_id: action.id, action_type: 'other', metric: 'sales', change_pct: 12, lower_pct: -3, upper_pct: 27, significant: false })
      .select()
      .single(),
  );
  await must(owner.rpc('decide_recommendation', { p_recommendation_id: recommendation.id, p_decision: 'accepted' }));
  const decision = await must(owner.from('recommendation_decisions').select('id').eq('recommendation_id', recommendation.id).single());
  const audit = await must(owner.from('audit_log').select('id').eq('workspace_id', ws.id).limit(1).single());
  const membership = await must(owner.from('workspace_members').select('id').eq('workspace_id', ws.id).single());
  const ingestKey = (await must(owner.rpc('create_ingest_key', { p_workspace_id: ws.id, p_label: 'Website' }))) as { id: string };
  const invitation = await must(owner.rpc('invite_workspace_member', { p_workspace_id: ws.id, p_email: `invitee-${label}@example.com`, p_role: 'viewer' }));
  // What the meta-connection and sync-meta functions write with the service role.
  const metaConnection = await must(
    svc.from('meta_connections').insert({ workspace_id: ws.id, ad_account_id: `act_${Math.floor(Math.random() * 1e9)}`, kind: 'system_user_token' }).select().single(),
  );
  const metaRun = await must(svc.from('meta_sync_runs').insert({ workspace_id: ws.id, connection_id: metaConnection.id, trigger: 'manual' }).select().single());
  const rollupRun = await must(svc.from('website_rollup_runs').insert({ workspace_id: ws.id, trigger: 'ingest' }).select().single());

  return {
    owner,
    ownerId: user.id,
    workspaceId: ws.id,
    campaignId: campaign.id,
    rows: {
      workspaces: ws.id,
      workspace_members: membership.id,
      profiles: user.id,
      campaigns: campaign.id,
      campaign_phases: phase.id,
      feasibility_assessments: assessment.id,
      marketer_actions: action.id,
      performance_snapshots: snapshot.id,
      promo_codes: promo.id,
      tracking_events: event.id,
      correlations: correlation.id,
      ai_alerts: alert.id,
      recommendations: recommendation.id,
      recommendation_decisions: decision.id,
      analysis_runs: run.id,
      audit_log: audit.id,
      ingest_keys: ingestKey.id,
      quarantined_snapshots: quarantined.id,
      workspace_invitations: invitation.id,
      action_effects: effect.id,
      meta_connections: metaConnection.id,
      meta_sync_runs: metaRun.id,
      website_rollup_runs: rollupRun.id,
    },
  };
}

/** A row an attacker would try to insert into the victim's workspace. */
function hostileInsert(table: TableName, victim: Tenant): Record<string, unknown> {
  const ws = victim.workspaceId;
  const campaign = victim.campaignId;
  const rows: Record<TableName, Record<string, unknown>> = {
    workspaces: { name: 'squatter', created_by: victim.ownerId },
    workspace_members: { workspace_id: ws, user_id: crypto.randomUUID(), role: 'admin' },
    profiles: { id: victim.ownerId, full_name: 'Impostor' },
    campaigns: { workspace_id: ws, name: 'hostile', objective: 'sales' },
    campaign_phases: { workspace_id: ws, campaign_id: campaign, name: 'Hostile', position: 9, planned_days: 1 },
    feasibility_assessments: { workspace_id: ws, campaign_id: campaign, score: 1, recommended_decision: 'pause' },
    marketer_actions: { workspace_id: ws, campaign_id: campaign, action_type: 'other', title: 'hostile', status: 'planned' },
    performance_snapshots: { workspace_id: ws, campaign_id: campaign, date: '2026-10-01', sales: 1 },
    promo_codes: { workspace_id: ws, campaign_id: campaign, code: 'HOSTILE' },
    tracking_events: { workspace_id: ws, campaign_id: campaign, event_id: 'hostile', event_type: 'Lead', event_time: new Date().toISOString(), source: 'pixel' },
    correlations: { workspace_id: ws, campaign_id: campaign, action_id: victim.rows.marketer_actions, metric: 'sales', change_pct: 1, strength: 'weak', confidence: 0.1, method: 'rules', finding_key: 'hostile' },
    ai_alerts: { workspace_id: ws, campaign_id: campaign, severity: 'low', title: 'fake', confidence: 0.1, source: 'rules', finding_key: 'hostile' },
    recommendations: { workspace_id: ws, campaign_id: campaign, kind: 'other', title: 'fake', recommendation_key: 'hostile' },
    recommendation_decisions: { workspace_id: ws, recommendation_id: victim.rows.recommendations, decision: 'rejected' },
    analysis_runs: { workspace_id: ws, trigger: 'manual' },
    audit_log: { workspace_id: ws, table_name: 'campaigns', action: 'DELETE' },
    ingest_keys: { workspace_id: ws, key_hash: crypto.randomUUID().replace(/-/g, '').padEnd(64, '0'), label: 'hostile' },
    quarantined_snapshots: { workspace_id: ws, campaign_id: campaign, date: '2026-10-02', data_source: 'csv', metrics: {}, reasons: [{ check: 'negative_value' }] },
    workspace_invitations: { workspace_id: ws, email: 'hostile@example.com', role: 'admin' },
    action_effects: { workspace_id: ws, campaign_id: campaign, action_id: victim.rows.marketer_actions, action_type: 'other', metric: 'sales', change_pct: 99, lower_pct: 98, upper_pct: 100, significant: true },
    meta_connections: { workspace_id: ws, ad_account_id: 'act_666', kind: 'system_user_token' },
    meta_sync_runs: { workspace_id: ws, trigger: 'manual' },
    website_rollup_runs: { workspace_id: ws, trigger: 'manual' },
  };
  return rows[table];
}

/** A harmless-looking change an attacker would try to make to the victim's row. */
const hostileUpdate: Record<TableName, Record<string, unknown>> = {
  workspaces: { name: 'pwned' },
  workspace_members: { role: 'viewer' },
  profiles: { full_name: 'pwned' },
  campaigns: { name: 'pwned' },
  campaign_phases: { notes: 'pwned' },
  feasibility_assessments: { decision_note: 'pwned' },
  marketer_actions: { title: 'pwned' },
  performance_snapshots: { sales: 1 },
  promo_codes: { description: 'pwned' },
  tracking_events: { promo_code: 'PWNED' },
  correlations: { insight: 'pwned' },
  ai_alerts: { status: 'resolved' },
  recommendations: { status: 'rejected' },
  recommendation_decisions: { note: 'pwned' },
  analysis_runs: { error: 'pwned' },
  audit_log: { table_name: 'pwned' },
  ingest_keys: { revoked_at: '2026-01-01T00:00:00Z' },
  quarantined_snapshots: { status: 'discarded' },
  workspace_invitations: { role: 'admin' },
  action_effects: { change_pct: 50, significant: true },
  meta_connections: { status: 'active', ad_account_id: 'act_666' },
  meta_sync_runs: { error: 'pwned' },
  website_rollup_runs: { unattributed: 0 },
};

const TABLES = Object.keys(hostileUpdate) as TableName[];

async function readRow(client: Client, table: TableName, id: string | number) {
  const { data, error } = await client.from(table).select('*').eq('id', id as string);
  expect(error).toBeNull();
  return (data ?? []) as Record<string, unknown>[];
}

let alice: Tenant;
let bob: Tenant;
let viewer: Client;

beforeAll(async () => {
  alice = await makeTenant('alice');
  bob = await makeTenant('bob');
  const vera = await signUpUser(`vera-${crypto.randomUUID().slice(0, 8)}@example.com`);
  viewer = vera.client as Client;
  await must(service().from('workspace_members').insert({ workspace_id: alice.workspaceId, user_id: vera.user.id, role: 'viewer' }).select());
});

describe.each(TABLES)('RLS on %s', (table) => {
  it('lets each owner read their own row and hides it from the other workspace, both ways', async () => {
    for (const [me, them] of [
      [alice, bob],
      [bob, alice],
    ] as const) {
      expect(await readRow(me.owner, table, me.rows[table]!)).toHaveLength(1);
      expect(await readRow(them.owner, table, me.rows[table]!)).toHaveLength(0);
    }
  });

  it("refuses an insert into the other workspace, both ways", async () => {
    for (const [attacker, victim] of [
      [bob, alice],
      [alice, bob],
    ] as const) {
      const { data, error } = await attacker.owner.from(table).insert(hostileInsert(table, victim) as never).select();
      expect(error, `${table}: insert into another workspace must fail`).not.toBeNull();
      expect(data).toBeNull();
    }
  });

  it("cannot change or delete the other workspace's row, both ways", async () => {
    for (const [attacker, victim] of [
      [bob, alice],
      [alice, bob],
    ] as const) {
      const id = victim.rows[table]!;
      const before = await readRow(service(), table, id);
      await attacker.owner.from(table).update(hostileUpdate[table] as never).eq('id', id as string);
      await attacker.owner.from(table).delete().eq('id', id as string);
      expect(await readRow(service(), table, id)).toEqual(before);
    }
  });

  it('lets a viewer read the workspace but not write to it', async () => {
    const id = alice.rows[table]!;
    // The audit log is for ops heads and invitations for admins; everything else a viewer reads.
    if (table !== 'audit_log' && table !== 'workspace_invitations') expect(await readRow(viewer, table, id)).toHaveLength(1);
    const before = await readRow(service(), table, id);
    const { error: insertError } = await viewer.from(table).insert(hostileInsert(table, alice) as never);
    expect(insertError, `${table}: a viewer's insert must fail`).not.toBeNull();
    await viewer.from(table).update(hostileUpdate[table] as never).eq('id', id as string);
    await viewer.from(table).delete().eq('id', id as string);
    expect(await readRow(service(), table, id)).toEqual(before);
  });
});

describe('workspace and card rules', () => {
  it('makes the creator of a workspace its admin', async () => {
    const { data } = await alice.owner.from('workspace_members').select('role, user_id').eq('workspace_id', alice.workspaceId).eq('user_id', alice.ownerId).single();
    expect(data?.role).toBe('admin');
  });

  it('refuses a viewer moving a card through the move RPC', async () => {
    const { error } = await viewer.rpc('move_action_card', { p_action_id: alice.rows.marketer_actions as string, p_status: 'completed' });
    expect(error?.code).toBe('42501');
  });

  it('lets only ops heads and admins set the decision gate', async () => {
    const marketer = await signUpUser(`mark-${crypto.randomUUID().slice(0, 8)}@example.com`);
    await must(service().from('workspace_members').insert({ workspace_id: alice.workspaceId, user_id: marketer.user.id, role: 'marketer' }).select());
    const asMarketer = await marketer.client.rpc('set_decision_gate', { p_assessment_id: alice.rows.feasibility_assessments as string, p_decision: 'pause' });
    expect(asMarketer.error?.code).toBe('42501');
    const direct = await marketer.client.from('campaigns').update({ decision: 'pause' }).eq('id', alice.campaignId).select();
    expect(direct.error?.code).toBe('42501');

    const asAdmin = await alice.owner.rpc('set_decision_gate', { p_assessment_id: alice.rows.feasibility_assessments as string, p_decision: 'proceed', p_note: 'Risks accepted' });
    expect(asAdmin.error).toBeNull();
    expect(asAdmin.data).toMatchObject({ decision: 'proceed', decided_by: alice.ownerId, status: 'planned' });
  });

  it('lets members change an alert status but never its content', async () => {
    const { error } = await alice.owner.from('ai_alerts').update({ title: 'rewritten' }).eq('id', alice.rows.ai_alerts as string).select();
    expect(error?.code).toBe('42501');
  });

  it('rejects data that breaks the quality rules and changes nothing', async () => {
    const bad = [
      alice.owner.from('performance_snapshots').insert({ workspace_id: alice.workspaceId, campaign_id: alice.campaignId, date: '2026-10-02', impressions: 10, clicks: 20 }),
      alice.owner.from('performance_snapshots').insert({ workspace_id: alice.workspaceId, campaign_id: alice.campaignId, date: '2026-10-03', sales: -5 }),
      alice.owner.from('campaign_phases').insert({ workspace_id: alice.workspaceId, campaign_id: alice.campaignId, name: 'Zero', position: 5, planned_days: 0 }),
      service().from('campaign_phases').update({ actual_start: '2026-11-10T00:00:00Z', actual_end: '2026-11-09T00:00:00Z' }).eq('id', alice.rows.campaign_phases as string),
      alice.owner.from('campaigns').insert({ workspace_id: alice.workspaceId, name: 'Bad', objective: 'fame' as never }),
    ];
    for (const result of await Promise.all(bad)) expect(result.error?.code).toBe('23514');
    const { count } = await alice.owner.from('performance_snapshots').select('*', { count: 'exact', head: true }).eq('campaign_id', alice.campaignId);
    expect(count).toBe(1);
  });
});
