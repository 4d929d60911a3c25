/**
 * The read policies of the tables read many rows at a time (migrations 20261201082000 and 20261201084000): members
 * read their workspace's rows — the board's own query (boardCardsPage) among them — and an outsider none, and each
 * policy checks membership once per statement instead of calling is_workspace_member for every row (the cost that
 * dominated a 1,000-card board load).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardCardsPage } from '../../src/features/board/api/board-cards-page.ts';
import { serviceClient, signUpUser, stack, type Client } from '../support/clients.ts';

const BULK_TABLES = [
  'marketer_actions',
  'performance_snapshots',
  'tracking_events',
  'ai_alerts',
  'correlations',
  'action_effects',
  'analysis_runs',
  'meta_sync_runs',
  'website_rollup_runs',
  'quarantined_snapshots',
  'campaign_phases',
  'campaigns',
  'recommendations',
  'recommendation_decisions',
  'promo_codes',
  'feasibility_assessments',
] as const;

describe('read policies of bulk-read tables', () => {
  let member: Client;
  let memberId: string;
  let outsider: Client;
  const workspaces: { id: string; campaignId: string; cardIds: string[] }[] = [];
  const admin = new pg.Client({ connectionString: stack().dbUrl });

  beforeAll(async () => {
    const m = await signUpUser();
    member = m.client;
    memberId = m.user.id;
    outsider = (await signUpUser()).client;
    for (const name of ['North', 'South']) {
      const { data: ws, error } = await member.from('workspaces').insert({ name }).select('id').single();
      if (error) throw error;
      const { data: campaign, error: e2 } = await member.from('campaigns').insert({ workspace_id: ws.id, name: `${name} campaign`, objective: 'sales' }).select('id').single();
      if (e2) throw e2;
      const days = ['2026-11-01', '2026-11-02'].map((date) => ({ workspace_id: ws.id, campaign_id: campaign.id, date, data_source: 'manual', sales: 10, spend: 5 }));
      const { error: e3 } = await serviceClient().from('performance_snapshots').insert(days);
      if (e3) throw e3;
      const { data: cards, error: e4 } = await member
        .from('marketer_actions')
        .insert([0, 1, 2].map((i) => ({ workspace_id: ws.id, campaign_id: campaign.id, action_type: 'other' as const, title: `${name} ${i}`, status: 'planned' as const })))
        .select('id');
      if (e4) throw e4;
      workspaces.push({ id: ws.id, campaignId: campaign.id, cardIds: cards.map((c) => c.id) });
    }
    await admin.connect();
  });

  afterAll(() => admin.end());

  it("returns a member each workspace's own cards through the board's query, and an outsider none", async () => {
    for (const ws of workspaces) {
      const { data, error } = await boardCardsPage(member, ws.id, null, 0);
      expect(error).toBeNull();
      expect(data!.map((c) => c.id).sort()).toEqual([...ws.cardIds].sort());
      const other = await boardCardsPage(outsider, ws.id, null, 0);
      expect(other.error).toBeNull();
      expect(other.data).toEqual([]);
    }
  });

  it("returns a member each workspace's own snapshots and campaigns, and an outsider none", async () => {
    for (const ws of workspaces) {
      const mine = await member.from('performance_snapshots').select('campaign_id').eq('workspace_id', ws.id);
      expect(mine.error).toBeNull();
      expect(mine.data!.map((r) => r.campaign_id)).toEqual([ws.campaignId, ws.campaignId]);
      const campaigns = await member.from('campaigns').select('id').eq('workspace_id', ws.id);
      expect(campaigns.data!.map((c) => c.id)).toEqual([ws.campaignId]);
      for (const table of ['performance_snapshots', 'campaigns'] as const) {
        const other = await outsider.from(table).select('workspace_id').eq('workspace_id', ws.id);
        expect(other.error).toBeNull();
        expect(other.data).toEqual([]);
      }
    }
  });

  it('checks membership once per statement on every bulk-read table, not once per row', async () => {
    await admin.query('begin');
    try {
      await admin.query("select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)", [
        JSON.stringify({ sub: memberId, role: 'authenticated' }),
      ]);
      const perRow: string[] = [];
      for (const table of BULK_TABLES) {
        const { rows } = await admin.query<{ 'QUERY PLAN': string }>(`explain (costs off, verbose) select * from public.${table} where workspace_id = $1`, [workspaces[0].id]);
        const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
        if (/is_workspace_member/.test(plan) || !/member_workspace_ids/.test(plan)) perRow.push(table);
      }
      expect(perRow).toEqual([]);
    } finally {
      await admin.query('rollback');
    }
  });
});
