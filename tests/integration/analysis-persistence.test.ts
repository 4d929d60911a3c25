/**
 * Correlation analysis over seeded data, against the local stack: the expected alert is written once however often
 * the analysis runs, the one-click revert round-trips through the database, the alert resolves itself when the
 * metric recovers, and resolved or dismissed alerts stay as they are on later runs. Also the edge function, called
 * by a member as the SPA would.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../supabase/functions/_shared/analysis/index.ts';
import { recoveryLevel } from '../../supabase/functions/_shared/domain/correlation/detect.ts';
import { addDays, addRecoveryDay, type CreativeDropScenario, seedCreativeDrop } from '../support/analysis-scenario.ts';
import { type Client, serviceClient, signUpUser } from '../support/clients.ts';

let owner: Client;
let ownerId: string;
let workspaceId: string;
let scenario: CreativeDropScenario;

beforeAll(async () => {
  const signedUp = await signUpUser();
  owner = signedUp.client;
  ownerId = signedUp.user.id;
  const { data, error } = await owner.from('workspaces').insert({ name: 'Analysis workspace' }).select('id').single();
  if (error || !data) throw new Error(`create workspace: ${error?.message}`);
  workspaceId = data.id;
  scenario = await seedCreativeDrop(owner, { workspaceId, actionDay: '2026-03-06' });
});

function analyse(s: CreativeDropScenario = scenario) {
  return runAnalysis(serviceClient(), { workspaceId, trigger: 'cli', now: s.analyseAt, deepseek: null });
}

async function alertsOf(campaignId: string) {
  const { data, error } = await owner.from('ai_alerts').select('*').eq('campaign_id', campaignId);
  if (error) throw error;
  return data;
}

describe('analysis over the seeded scenario', () => {
  it('writes the expected alert once, however often it runs', async () => {
    const first = await analyse();
    const second = await analyse();

    expect(first.campaigns).toHaveLength(1);
    expect(first.campaigns[0]).toMatchObject({ campaign_id: scenario.campaignId, status: 'succeeded', alerts_created: 1, llm_outcome: 'no_key' });
    expect(second.campaigns[0]).toMatchObject({ status: 'succeeded', alerts_created: 0, alerts_written: 1 });

    const alerts = await alertsOf(scenario.campaignId);
    expect(alerts).toHaveLength(1);
    const [alert] = alerts;
    expect(alert).toMatchObject({
      title: 'Sales dropped 60% after creative change',
      severity: 'high',
      status: 'active',
      source: 'rules',
      trigger_action_id: scenario.actionId,
      finding_key: scenario.findingKey,
      detected_at: new Date(scenario.analyseAt).toISOString().replace('.000Z', '+00:00'),
    });
    expect(Number(alert.confidence)).toBeGreaterThanOrEqual(0.7);
    expect(alert.suggested_action).toMatchObject({ type: 'revert', target_action_id: scenario.actionId, auto_executable: true });
    const data = alert.correlation_data as Record<string, unknown>;
    expect(data.recovery).toMatchObject({ metric: 'sales', tolerance: 0.1, direction: 'decrease', after_date: addDays(scenario.actionDay, 1) });
    expect((data.counterfactual as unknown[]).length).toBeGreaterThan(3);
    expect(data.rationale).toEqual(expect.arrayContaining([expect.stringMatching(/Baseline/)]));

    const { data: correlations } = await owner.from('correlations').select('metric, method, strength, action_id').eq('campaign_id', scenario.campaignId);
    expect(correlations?.map((c) => c.metric).sort()).toEqual(['conversions', 'cpa', 'revenue', 'roas', 'sales']);
    expect(alert.correlation_id).not.toBeNull();

    // The board turns the card red from the evidence, not from anything the marketer set.
    const { data: card } = await owner.from('marketer_actions').select('impact').eq('id', scenario.actionId).single();
    expect(card?.impact).toBe('negative');

    const { data: runs } = await owner.from('analysis_runs').select('*').contains('campaign_ids', [scenario.campaignId]);
    expect(runs).toHaveLength(2);
    for (const run of runs ?? []) {
      expect(run).toMatchObject({ status: 'succeeded', trigger: 'cli', llm_outcome: 'no_key', model: 'deepseek-chat', alerts_written: 1, correlations_written: 5 });
      expect(run.finished_at).not.toBeNull();
    }
  });

  it('reverts through the database and resolves itself once sales recover', async () => {
    const [alert] = await alertsOf(scenario.campaignId);
    const { data: reverting, error } = await owner.rpc('revert_alert_action', { p_alert_id: alert.id });
    expect(error).toBeNull();
    expect(reverting).toMatchObject({
      reverts_action_id: scenario.actionId,
      status: 'completed',
      action_type: 'creative_change',
      metadata: { previous_state: { hero_image: 'red' }, new_state: { hero_image: 'blue' } },
    });

    const { data: original } = await owner.from('marketer_actions').select('status').eq('id', scenario.actionId).single();
    expect(original?.status).toBe('reverted');
    const [afterRevert] = await alertsOf(scenario.campaignId);
    expect(afterRevert).toMatchObject({ status: 'active', revert_action_id: reverting!.id });

    const again = await owner.rpc('revert_alert_action', { p_alert_id: alert.id });
    expect(again.error?.message).toMatch(/already been reverted/);

    // The database trigger and the domain's recoveryLevel (what the alert page shows) draw the same line: a day
    // just under it leaves the alert active, the same day at it resolves the alert.
    const recovery = (afterRevert.correlation_data as { recovery: Parameters<typeof recoveryLevel>[0] }).recovery;
    const level = recoveryLevel(recovery);
    await addRecoveryDay(owner, scenario, Math.floor(level * 100 - 1) / 100);
    expect((await alertsOf(scenario.campaignId))[0].status).toBe('active');
    const atLevel = await serviceClient()
      .from('performance_snapshots')
      .update({ sales: Math.ceil(level * 100) / 100 })
      .eq('campaign_id', scenario.campaignId)
      .eq('date', scenario.nextDay)
      .select('id');
    expect(atLevel.error).toBeNull();
    expect((await alertsOf(scenario.campaignId))[0].status).toBe('resolved');

    // Re-open it and recover for real, to check what the resolution says.
    const reopened = await serviceClient().from('ai_alerts').update({ status: 'active', resolved_at: null, resolution_note: null }).eq('id', alert.id).select('id');
    expect(reopened.error).toBeNull();
    await serviceClient().from('performance_snapshots').update({ sales: 480 }).eq('campaign_id', scenario.campaignId).eq('date', scenario.nextDay);
    const [resolved] = await alertsOf(scenario.campaignId);
    expect(resolved.status).toBe('resolved');
    expect(resolved.resolved_at).not.toBeNull();
    expect(resolved.resolution_note).toMatch(/recovered to 480/);
  });

  it('never re-activates a resolved alert on a later run', async () => {
    // Re-analysed with the recovery day in the data (and, later, as of the day of the drop): never re-activated.
    const result = await analyse();
    expect(result.campaigns[0]).toMatchObject({ status: 'succeeded', alerts_created: 0, alerts_written: 0 });
    const asOfDrop = await runAnalysis(serviceClient(), { workspaceId, trigger: 'cli', now: `${addDays(scenario.nextDay, -1)}T23:59:59.000Z`, deepseek: null });
    expect(asOfDrop.campaigns[0]).toMatchObject({ status: 'succeeded', alerts_kept: 1, alerts_created: 0, alerts_written: 0 });
    const alerts = await alertsOf(scenario.campaignId);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].status).toBe('resolved');
  });

  it('never re-activates or rewrites a dismissed alert', async () => {
    const other = await seedCreativeDrop(owner, { workspaceId, actionDay: '2026-04-10', name: 'Dismissed campaign' });
    await runAnalysis(serviceClient(), { campaignIds: [other.campaignId], trigger: 'cli', now: other.analyseAt, deepseek: null });
    const [alert] = await alertsOf(other.campaignId);
    const { error } = await owner.from('ai_alerts').update({ status: 'dismissed', dismiss_reason: 'expected_change', resolution_note: 'Known seasonal dip' }).eq('id', alert.id);
    expect(error).toBeNull();

    const rerun = await runAnalysis(serviceClient(), { campaignIds: [other.campaignId], trigger: 'cli', now: other.analyseAt, deepseek: null });
    expect(rerun.campaigns[0].alerts_kept).toBe(1);
    const after = await alertsOf(other.campaignId);
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ status: 'dismissed', resolution_note: 'Known seasonal dip', resolved_by: ownerId, updated_at: after[0].updated_at });
  });
});

describe('analyze-correlations edge function', () => {
  it('analyses a campaign for a member, writes its alert once, and hides it from outsiders', async () => {
    const today = new Date().toISOString().slice(0, 10);
    const live = await seedCreativeDrop(owner, { workspaceId, actionDay: addDays(today, -2), name: 'Live campaign' });
    // The change was 38–62 h ago depending on the clock: a 72 h action window always includes it.
    const body = { campaign_id: live.campaignId, actions_window_hours: 72 };

    const first = await owner.functions.invoke('analyze-correlations', { body });
    expect(first.error).toBeNull();
    expect(first.data.campaigns).toEqual([expect.objectContaining({ campaign_id: live.campaignId, status: 'succeeded', alerts_created: 1 })]);
    const second = await owner.functions.invoke('analyze-correlations', { body });
    expect(second.data.campaigns[0]).toMatchObject({ alerts_created: 0 });

    const alerts = await alertsOf(live.campaignId);
    expect(alerts).toHaveLength(1);
    expect(alerts[0].title).toMatch(/^Sales dropped \d+% after creative change$/);
    const { data: runs } = await owner.from('analysis_runs').select('trigger, created_by').contains('campaign_ids', [live.campaignId]);
    expect(runs).toEqual([
      { trigger: 'manual', created_by: ownerId },
      { trigger: 'manual', created_by: ownerId },
    ]);

    const { client: outsider } = await signUpUser();
    const denied = await outsider.functions.invoke('analyze-correlations', { body });
    expect((denied.error as { context?: Response } | null)?.context?.status).toBe(404);
  });
});
