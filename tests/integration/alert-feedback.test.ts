/**
 * Alert quality in the database: the analysis keeps an effect estimate for every completed action (members read it,
 * nobody but the analysis writes it, in any role or workspace); a dismissal must say why, and a "wrong cause"
 * dismissal lowers the analysis' confidence in that kind of change on the next run.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../supabase/functions/_shared/analysis/index.ts';
import { type CreativeDropScenario, seedCreativeDrop } from '../support/analysis-scenario.ts';
import { type Client, serviceClient, signUpUser } from '../support/clients.ts';

type Role = 'admin' | 'ops_head' | 'marketer' | 'viewer';
let members: Record<Role, Client>;
let outsider: Client;
let workspaceId: string;
let scenario: CreativeDropScenario;

/** Memberships come from accepted invitations; the service role arranges them here. */
async function addMember(role: Exclude<Role, 'admin'>): Promise<Client> {
  const u = await signUpUser();
  const { error } = await serviceClient().from('workspace_members').insert({ workspace_id: workspaceId, user_id: u.user.id, role });
  if (error) throw error;
  return u.client;
}

function analyse() {
  return runAnalysis(serviceClient(), { workspaceId, trigger: 'cli', now: scenario.analyseAt, deepseek: null });
}

beforeAll(async () => {
  const admin = await signUpUser();
  const { data, error } = await admin.client.from('workspaces').insert({ name: 'Feedback workspace' }).select('id').single();
  if (error || !data) throw new Error(`create workspace: ${error?.message}`);
  workspaceId = data.id;
  members = {
    admin: admin.client,
    ops_head: await addMember('ops_head'),
    marketer: await addMember('marketer'),
    viewer: await addMember('viewer'),
  };
  const other = await signUpUser();
  outsider = other.client;
  await outsider.from('workspaces').insert({ name: 'Other workspace' });
  scenario = await seedCreativeDrop(admin.client, { workspaceId, actionDay: '2026-04-06' });
  await analyse();
});

describe('action effects', () => {
  it('are stored for the completed action with a 95 % interval, and members can read them', async () => {
    for (const role of ['admin', 'viewer'] as const) {
      const { data, error } = await members[role].from('action_effects').select('*').eq('action_id', scenario.actionId);
      expect(error).toBeNull();
      expect(data).toHaveLength(1);
      const effect = data![0];
      expect(Number(effect.change_pct)).toBeLessThan(-30);
      expect(Number(effect.lower_pct)).toBeLessThanOrEqual(Number(effect.change_pct));
      expect(Number(effect.upper_pct)).toBeGreaterThanOrEqual(Number(effect.change_pct));
      expect(effect.significant).toBe(true);
      expect(effect.metric).toBe('sales');
    }
  });

  it('are hidden from another workspace', async () => {
    const { data } = await outsider.from('action_effects').select('id').eq('action_id', scenario.actionId);
    expect(data).toEqual([]);
  });

  it('cannot be invented, changed or deleted by any role', async () => {
    const before = await serviceClient().from('action_effects').select('*').eq('action_id', scenario.actionId).single();
    for (const role of ['admin', 'ops_head', 'marketer', 'viewer', 'outsider'] as const) {
      const client = role === 'outsider' ? outsider : members[role];
      const insert = await client.from('action_effects').insert({
        workspace_id: workspaceId, campaign_id: scenario.campaignId, action_id: scenario.actionId, action_type: 'creative_change',
        metric: 'sales', change_pct: 40, lower_pct: 30, upper_pct: 50, significant: true,
      });
      expect(insert.error, `${role} insert`).not.toBeNull();
      await client.from('action_effects').update({ change_pct: 40, significant: false }).eq('action_id', scenario.actionId);
      await client.from('action_effects').delete().eq('action_id', scenario.actionId);
    }
    const after = await serviceClient().from('action_effects').select('*').eq('action_id', scenario.actionId).single();
    expect(after.data).toEqual(before.data);
  });

  it('refuses an interval that does not contain its estimate', async () => {
    const { error } = await serviceClient().from('action_effects').update({ lower_pct: 10, change_pct: 5 }).eq('action_id', scenario.actionId);
    expect(error?.code).toBe('23514');
  });
});

describe('dismissing with a reason', () => {
  async function alertRow() {
    const { data, error } = await members.admin.from('ai_alerts').select('*').eq('campaign_id', scenario.campaignId).single();
    if (error) throw error;
    return data;
  }

  it('refuses a dismissal without a reason and changes nothing', async () => {
    const alert = await alertRow();
    const { error } = await members.ops_head.from('ai_alerts').update({ status: 'dismissed' }).eq('id', alert.id).select();
    expect(error?.code).toBe('23514');
    expect((await alertRow()).status).toBe('active');
  });

  it('refuses an unknown reason', async () => {
    const alert = await alertRow();
    const { error } = await members.ops_head.from('ai_alerts').update({ status: 'dismissed', dismiss_reason: 'bored' as never }).eq('id', alert.id).select();
    expect(error?.code).toBe('23514');
  });

  it('does not let a marketer dismiss, even with a reason', async () => {
    const alert = await alertRow();
    const { error } = await members.marketer.from('ai_alerts').update({ status: 'dismissed', dismiss_reason: 'noise' }).eq('id', alert.id).select();
    expect(error?.code).toBe('42501');
    expect((await alertRow()).status).toBe('active');
  });

  it('stores "wrong cause", and the next run trusts this kind of change less', async () => {
    const confidenceBefore = await correlationConfidence();
    const alert = await alertRow();
    const { error } = await members.ops_head.from('ai_alerts').update({ status: 'dismissed', dismiss_reason: 'wrong_cause' }).eq('id', alert.id).select();
    expect(error).toBeNull();
    const dismissed = await alertRow();
    expect(dismissed).toMatchObject({ status: 'dismissed', dismiss_reason: 'wrong_cause' });
    await analyse();
    expect(await correlationConfidence()).toBeLessThan(confidenceBefore);
    // The dismissed alert itself is never rewritten or re-activated.
    expect(await alertRow()).toMatchObject({ status: 'dismissed', dismiss_reason: 'wrong_cause', confidence: dismissed.confidence });
  });
});

async function correlationConfidence(): Promise<number> {
  const { data, error } = await serviceClient().from('correlations').select('confidence').eq('finding_key', scenario.findingKey).single();
  if (error) throw error;
  return Number(data.confidence);
}
