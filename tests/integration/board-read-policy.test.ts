/**
 * The board's read (boardCardsPage, the query getBoardCards pages with) under the action cards' read policy: a
 * member of two workspaces gets each workspace's cards and only those, an outsider none, and the policy checks
 * membership once per statement rather than calling is_workspace_member for every card (the cost that dominated a
 * 1,000-card board load).
 */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardCardsPage } from '../../src/features/board/api/board-cards-page.ts';
import { signUpUser, stack, type Client } from '../support/clients.ts';

describe('board read policy', () => {
  let member: Client;
  let memberId: string;
  let outsider: Client;
  const workspaces: { id: string; cardIds: string[] }[] = [];
  const admin = new pg.Client({ connectionString: stack().dbUrl });

  beforeAll(async () => {
    const m = await signUpUser();
    member = m.client;
    memberId = m.user.id;
    outsider = (await signUpUser()).client;
    for (const name of ['First', 'Second']) {
      const { data: ws, error } = await member.from('workspaces').insert({ name }).select('id').single();
      if (error) throw error;
      const { data: campaign, error: e2 } = await member.from('campaigns').insert({ workspace_id: ws.id, name: `${name} campaign`, objective: 'sales' }).select('id').single();
      if (e2) throw e2;
      const { data: cards, error: e3 } = await member
        .from('marketer_actions')
        .insert([0, 1, 2].map((i) => ({ workspace_id: ws.id, campaign_id: campaign.id, action_type: 'other' as const, title: `${name} ${i}`, status: 'planned' as const })))
        .select('id');
      if (e3) throw e3;
      workspaces.push({ id: ws.id, cardIds: cards.map((c) => c.id) });
    }
    await admin.connect();
  });

  afterAll(() => admin.end());

  it("returns a member each workspace's own cards and an outsider none", async () => {
    for (const ws of workspaces) {
      const { data, error } = await boardCardsPage(member, ws.id, null, 0);
      expect(error).toBeNull();
      expect(data!.map((c) => c.id).sort()).toEqual([...ws.cardIds].sort());
      const other = await boardCardsPage(outsider, ws.id, null, 0);
      expect(other.error).toBeNull();
      expect(other.data).toEqual([]);
    }
  });

  it('checks membership once per statement, not once per card', async () => {
    await admin.query('begin');
    try {
      await admin.query("select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)", [
        JSON.stringify({ sub: memberId, role: 'authenticated' }),
      ]);
      const { rows } = await admin.query<{ 'QUERY PLAN': string }>(
        'explain (costs off, verbose) select * from public.marketer_actions where workspace_id = $1 order by status, position, occurred_at desc, id limit 1000',
        [workspaces[0].id],
      );
      const plan = rows.map((r) => r['QUERY PLAN']).join('\n');
      expect(plan).not.toMatch(/is_workspace_member/);
      expect(plan).toMatch(/member_workspace_ids/);
      expect(plan).toMatch(/hashed SubPlan|Semi Join|InitPlan/);
    } finally {
      await admin.query('rollback');
    }
  });
});
