/**
 * The wizard's blueprint save, as the SPA makes it: `replace_campaign_phases` swaps a draft's phase list in one
 * transaction, so a refused phase keeps the old list; viewers and campaigns past the decision gate are refused.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { serviceClient, signUpUser, type Client } from '../support/clients.ts';

const blueprint = [
  { name: 'Planning', position: 0, planned_start: '2026-03-01', planned_days: 3, required_assets: 0, approvals_planned: 1, teams: ['Marketing'], tools: [] },
  { name: 'Creative', position: 1, planned_start: null, planned_days: 5, required_assets: 4, approvals_planned: 2, teams: ['Design', 'Copy'], tools: ['Figma'] },
];

describe('replace_campaign_phases', () => {
  let marketer: Client;
  let viewer: Client;
  let workspaceId: string;

  async function draft(name: string): Promise<string> {
    const { data, error } = await marketer.from('campaigns').insert({ workspace_id: workspaceId, name, objective: 'sales' }).select().single();
    if (error) throw error;
    return data.id;
  }

  async function phases(campaignId: string) {
    const { data, error } = await marketer.from('campaign_phases').select('*').eq('campaign_id', campaignId).order('position');
    if (error) throw error;
    return data;
  }

  beforeAll(async () => {
    const owner = await signUpUser();
    marketer = owner.client;
    const ws = await marketer.from('workspaces').insert({ name: 'Phases workspace' }).select().single();
    if (ws.error) throw ws.error;
    workspaceId = ws.data.id;
    const v = await signUpUser();
    viewer = v.client;
    const { error } = await serviceClient().from('workspace_members').insert({ workspace_id: workspaceId, user_id: v.user.id, role: 'viewer' });
    if (error) throw error;
  });

  it('replaces the whole list and returns it in order', async () => {
    const campaignId = await draft('Replace me');
    expect((await marketer.rpc('replace_campaign_phases', { p_campaign_id: campaignId, p_phases: blueprint })).error).toBeNull();
    const renamed = [
      { name: 'Creative', position: 0, planned_start: null, planned_days: 6, teams: ['Design'], tools: [] },
      { name: 'Briefing', position: 1, planned_start: '2026-03-10', planned_days: 2 },
    ];
    const { data, error } = await marketer.rpc('replace_campaign_phases', { p_campaign_id: campaignId, p_phases: renamed });
    expect(error).toBeNull();
    expect(data?.map((p) => [p.name, p.position, p.planned_days])).toEqual([['Creative', 0, 6], ['Briefing', 1, 2]]);
    expect(data?.[1]).toMatchObject({ required_assets: 0, approvals_planned: 0, teams: [], tools: [], workspace_id: workspaceId });
    expect((await phases(campaignId)).map((p) => p.name)).toEqual(['Creative', 'Briefing']);
  });

  it('refuses a bad phase (planned_days 0) and keeps the old phases', async () => {
    const campaignId = await draft('Keep my phases');
    expect((await marketer.rpc('replace_campaign_phases', { p_campaign_id: campaignId, p_phases: blueprint })).error).toBeNull();
    const before = await phases(campaignId);
    const bad = [{ ...blueprint[0], name: 'Kickoff' }, { ...blueprint[1], planned_days: 0 }];
    const { error } = await marketer.rpc('replace_campaign_phases', { p_campaign_id: campaignId, p_phases: bad });
    expect(error?.code).toBe('23514');
    expect(await phases(campaignId)).toEqual(before);
  });

  it('refuses a viewer and a campaign past its decision gate, changing nothing', async () => {
    const campaignId = await draft('Gated');
    expect((await marketer.rpc('replace_campaign_phases', { p_campaign_id: campaignId, p_phases: blueprint })).error).toBeNull();
    const before = await phases(campaignId);

    const byViewer = await viewer.rpc('replace_campaign_phases', { p_campaign_id: campaignId, p_phases: [] });
    expect(byViewer.error?.code).toBe('42501');

    const gated = await serviceClient().from('campaigns').update({ status: 'planned' }).eq('id', campaignId);
    expect(gated.error).toBeNull();
    const { error } = await marketer.rpc('replace_campaign_phases', { p_campaign_id: campaignId, p_phases: [] });
    expect(error?.code).toBe('22023');
    expect(error?.message).toContain('Only a draft');
    expect(await phases(campaignId)).toEqual(before);
  });
});
