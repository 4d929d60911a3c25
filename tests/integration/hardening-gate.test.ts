/**
 * Hardening, the decision gate (issue 11, item 3): a marketer attacks the gate and the campaign lifecycle straight
 * through PostgREST, as a hostile client would; the database refuses every attempt and changes nothing. Then the
 * lifecycle runs the legitimate way: assessment by the function, gate by the ops head, execution through the RPC.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { serviceClient } from '../support/clients.ts';
import { makeTeam, must, type Team } from '../support/team.ts';
import type { TablesInsert } from '../../src/lib/database.types.ts';

let team: Team;
let other: Team;

const BLUEPRINT = [
  { name: 'Planning', position: 0, planned_days: 3 },
  { name: 'Creative', position: 1, planned_days: 5, required_assets: 4 },
  { name: 'Launch', position: 2, planned_days: 2 },
];

async function draftWithPhases(t: Team, name: string) {
  const marketer = t.members.marketer.client;
  const campaign = await must(marketer.from('campaigns').insert({ workspace_id: t.workspaceId, name, objective: 'sales' }).select().single());
  const phases = await must(marketer.rpc('replace_campaign_phases', { p_campaign_id: campaign.id, p_phases: BLUEPRINT }));
  return { campaign, phases };
}

const campaignRow = async (id: string) => must(serviceClient().from('campaigns').select('*').eq('id', id).single());
const phaseRow = async (id: string) => must(serviceClient().from('campaign_phases').select('*').eq('id', id).single());

beforeAll(async () => {
  [team, other] = await Promise.all([makeTeam('Gate'), makeTeam('Other gate')]);
}, 60_000);

describe('a marketer attacking the decision gate', () => {
  it('cannot write decision_note or decided_at, nor forge decided_by, on a campaign', async () => {
    const { campaign } = await draftWithPhases(team, 'Note forgery');
    const before = await campaignRow(campaign.id);
    const marketer = team.members.marketer.client;
    for (const patch of [
      { decision_note: 'Approved by the ops head' },
      { decided_at: new Date().toISOString() },
      { decided_by: team.members.ops_head.userId },
    ]) {
      const { error } = await marketer.from('campaigns').update(patch).eq('id', campaign.id).select();
      expect(error?.code).toBe('42501');
    }
    // Not even an ops head writes the gate around set_decision_gate.
    const opsHead = await team.members.ops_head.client.from('campaigns').update({ decision: 'proceed', decided_by: team.members.admin.userId }).eq('id', campaign.id).select();
    expect(opsHead.error?.code).toBe('42501');
    expect(await campaignRow(campaign.id)).toEqual(before);
  });

  it('cannot move a draft to active or planned without a Proceed', async () => {
    const { campaign } = await draftWithPhases(team, 'Self-approved');
    for (const status of ['active', 'planned', 'completed'] as const) {
      const { error } = await team.members.marketer.client.from('campaigns').update({ status }).eq('id', campaign.id).select();
      expect(error?.code).toBe('42501');
    }
    expect((await campaignRow(campaign.id)).status).toBe('draft');
  });

  it('cannot insert a campaign that is already active or already decided', async () => {
    const marketer = team.members.marketer.client;
    const attempts: TablesInsert<'campaigns'>[] = [
      { workspace_id: team.workspaceId, name: 'Born active', objective: 'sales', status: 'active' },
      { workspace_id: team.workspaceId, name: 'Born planned', objective: 'sales', status: 'planned' },
      { workspace_id: team.workspaceId, name: 'Born decided', objective: 'sales', decision: 'proceed', decided_by: team.members.ops_head.userId },
    ];
    for (const row of attempts) {
      const { error } = await marketer.from('campaigns').insert(row).select();
      expect(error?.code).toBe('42501');
    }
    const { count } = await serviceClient().from('campaigns').select('id', { count: 'exact', head: true }).eq('workspace_id', team.workspaceId).like('name', 'Born %');
    expect(count).toBe(0);
  });

  it('cannot insert an assessment with decision proceed, decided_by the ops head and score 100', async () => {
    const { campaign } = await draftWithPhases(team, 'Forged assessment');
    const { error } = await team.members.marketer.client
      .from('feasibility_assessments')
      .insert({
        workspace_id: team.workspaceId,
        campaign_id: campaign.id,
        score: 100,
        recommended_decision: 'proceed',
        decision: 'proceed',
        decided_by: team.members.ops_head.userId,
        decided_at: new Date().toISOString(),
      })
      .select();
    expect(error?.code).toBe('42501');
    const { count } = await serviceClient().from('feasibility_assessments').select('id', { count: 'exact', head: true }).eq('campaign_id', campaign.id);
    expect(count).toBe(0);
  });

  it('cannot log execution before Proceed, neither directly nor through the RPC', async () => {
    const { phases } = await draftWithPhases(team, 'Early start');
    const phase = phases[0];
    const marketer = team.members.marketer.client;
    const direct = await marketer.from('campaign_phases').update({ actual_start: new Date().toISOString() }).eq('id', phase.id).select();
    expect(direct.error?.code).toBe('42501');
    const smuggled = await marketer
      .from('campaign_phases')
      .insert({ workspace_id: team.workspaceId, campaign_id: phase.campaign_id, name: 'Smuggled', position: 9, planned_days: 1, actual_start: new Date().toISOString() })
      .select();
    expect(smuggled.error?.code).toBe('42501');
    const viaRpc = await marketer.rpc('log_phase_execution', { p_phase_id: phase.id, p_patch: { actual_start: new Date().toISOString() } });
    expect(viaRpc.error?.code).toBe('22023');
    expect(viaRpc.error?.message).toMatch(/decision gate says Proceed/);
    expect((await phaseRow(phase.id)).actual_start).toBeNull();
  });
});

describe('the lifecycle, the legitimate way', () => {
  it('assessment by the function, Proceed by the ops head, first phase started makes the campaign active', async () => {
    const { campaign, phases } = await draftWithPhases(team, 'Spring sale');
    const viewerRun = await team.members.viewer.client.functions.invoke('assess-feasibility', { body: { campaign_id: campaign.id } });
    expect(viewerRun.error).toBeTruthy();
    expect((viewerRun.error as { context?: Response }).context?.status).toBe(403);

    const { data, error } = await team.members.marketer.client.functions.invoke('assess-feasibility', { body: { campaign_id: campaign.id } });
    expect(error).toBeNull();
    const assessment = data.assessment as { id: string; score: number; created_by: string; decision: string | null };
    expect(assessment.created_by).toBe(team.members.marketer.userId);
    expect(assessment.decision).toBeNull();

    // Another workspace's ops head learns nothing; this workspace's marketer is refused.
    const outsider = await other.members.ops_head.client.rpc('set_decision_gate', { p_assessment_id: assessment.id, p_decision: 'proceed' });
    expect(outsider.error?.code).toBe('P0002');
    const unknown = await other.members.ops_head.client.rpc('set_decision_gate', { p_assessment_id: crypto.randomUUID(), p_decision: 'proceed' });
    expect(unknown.error?.code).toBe('P0002');
    expect(unknown.error?.message).toBe(outsider.error?.message);
    const byMarketer = await team.members.marketer.client.rpc('set_decision_gate', { p_assessment_id: assessment.id, p_decision: 'proceed' });
    expect(byMarketer.error?.code).toBe('42501');

    const gate = await team.members.ops_head.client.rpc('set_decision_gate', { p_assessment_id: assessment.id, p_decision: 'proceed', p_note: 'Risks accepted' });
    expect(gate.error).toBeNull();
    expect(gate.data).toMatchObject({ status: 'planned', decision: 'proceed', decided_by: team.members.ops_head.userId });

    const byViewer = await team.members.viewer.client.rpc('log_phase_execution', { p_phase_id: phases[0].id, p_patch: { actual_start: new Date().toISOString() } });
    expect(byViewer.error?.code).toBe('42501');
    const byOutsider = await other.members.marketer.client.rpc('log_phase_execution', { p_phase_id: phases[0].id, p_patch: { delivered_assets: 3 } });
    expect(byOutsider.error?.code).toBe('P0002');
    const badKey = await team.members.marketer.client.rpc('log_phase_execution', { p_phase_id: phases[0].id, p_patch: { planned_days: 1 } });
    expect(badKey.error?.code).toBe('22023');

    const started = await team.members.marketer.client.rpc('log_phase_execution', { p_phase_id: phases[0].id, p_patch: { actual_start: '2026-11-02T09:00:00Z' } });
    expect(started.error).toBeNull();
    expect(started.data).toMatchObject({ id: phases[0].id, actual_start: '2026-11-02T09:00:00+00:00' });
    expect((await campaignRow(campaign.id)).status).toBe('active');

    const backwards = await team.members.marketer.client.rpc('log_phase_execution', { p_phase_id: phases[0].id, p_patch: { actual_end: '2026-11-01T09:00:00Z' } });
    expect(backwards.error?.code).toBe('23514');
    expect((await phaseRow(phases[0].id)).actual_end).toBeNull();
  });
});
