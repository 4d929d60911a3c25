/**
 * generate-recommendations through the gateway, as the SPA calls it: a member generates the workspace's rule-based
 * recommendations, a re-run changes nothing, moved numbers refresh open ones, an outsider gets 404 and writes nothing, an ops head accepts one through
 * decide_recommendation (the decision log shows it, the next run leaves it alone) and rolls it back.
 */
import { FunctionsHttpError } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { serviceClient, signUpUser, type Client } from '../support/clients.ts';

async function must<T>(promise: PromiseLike<{ data: T; error: unknown }>): Promise<NonNullable<T>> {
  const { data, error } = await promise;
  if (error) throw new Error(`unexpected error: ${JSON.stringify(error)}`);
  return data as NonNullable<T>;
}

/** The UTC date `offset` days from today. */
const day = (offset: number) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

interface Tenant {
  admin: Client;
  workspaceId: string;
  campaigns: Record<'weak' | 'strong' | 'untracked', string>;
}

/** Two active sales campaigns with 14 days of data (ROAS 1.2 and 3.5), and a planned one without any tracking. */
async function seedTenant(label: string): Promise<Tenant> {
  const { client: admin } = await signUpUser(`${label}-${crypto.randomUUID().slice(0, 8)}@example.com`);
  const ws = await must(admin.from('workspaces').insert({ name: `${label} team` }).select().single());
  const tracked = { meta_pixel_id: '1234567890', website_tracking: true, promo_tracking: true };
  // Running campaigns are arranged with the service role: clients only reach "active" through the decision gate.
  const rows = await must(
    serviceClient()
      .from('campaigns')
      .insert([
        { workspace_id: ws.id, name: `${label} weak`, objective: 'sales', status: 'active', ...tracked },
        { workspace_id: ws.id, name: `${label} strong`, objective: 'sales', status: 'active', ...tracked },
        // Bulk inserts send every column: spell out "no tracking" rather than leave it null.
        { workspace_id: ws.id, name: `${label} untracked`, objective: 'sales', status: 'planned', meta_pixel_id: null, website_tracking: false, promo_tracking: false },
      ])
      .select('id, name'),
  );
  const id = (suffix: string) => rows.find((r) => r.name === `${label} ${suffix}`)!.id;
  const campaigns = { weak: id('weak'), strong: id('strong'), untracked: id('untracked') };
  const snapshots = [
    ...Array.from({ length: 14 }, (_, i) => ({ campaign_id: campaigns.weak, date: day(-i), spend: 100, revenue: 120, sales: 120 })),
    ...Array.from({ length: 14 }, (_, i) => ({ campaign_id: campaigns.strong, date: day(-i), spend: 200, revenue: 700, sales: 700 })),
  ].map((s) => ({ ...s, workspace_id: ws.id, data_source: 'meta_ads' as const }));
  await must(admin.from('performance_snapshots').insert(snapshots).select('id'));
  return { admin, workspaceId: ws.id, campaigns };
}

async function invoke(client: Client, workspaceId: string) {
  return client.functions.invoke('generate-recommendations', { body: { workspace_id: workspaceId } });
}

async function rowsOf(workspaceId: string) {
  return must(
    serviceClient()
      .from('recommendations')
      .select('id, kind, campaign_id, title, rationale, payload, score, status, source, recommendation_key, updated_at')
      .eq('workspace_id', workspaceId)
      .order('recommendation_key'),
  );
}

let alice: Tenant;
let bob: Tenant;
let opsHead: { client: Client; userId: string };

beforeAll(async () => {
  [alice, bob] = await Promise.all([seedTenant('alice'), seedTenant('bob')]);
  const head = await signUpUser();
  await must(serviceClient().from('workspace_members').insert({ workspace_id: alice.workspaceId, user_id: head.user.id, role: 'ops_head' }).select());
  opsHead = { client: head.client, userId: head.user.id };
});

describe('generate-recommendations', () => {
  let first: Awaited<ReturnType<typeof rowsOf>>;

  it('writes the rules’ recommendations for a member, each with a rationale citing the numbers', async () => {
    const { data, error } = await invoke(alice.admin, alice.workspaceId);
    expect(error).toBeNull();
    expect(data).toMatchObject({ workspace_id: alice.workspaceId, inserted: data.generated, withdrawn: 0 });

    first = await rowsOf(alice.workspaceId);
    expect(first.map((r) => r.kind).sort()).toEqual(['budget_reallocation', 'fix_tracking']);
    const budget = first.find((r) => r.kind === 'budget_reallocation')!;
    expect(budget).toMatchObject({ campaign_id: alice.campaigns.weak, status: 'open', source: 'rules', title: 'Move USD 20/day from alice weak to alice strong' });
    expect(budget.payload).toMatchObject({ shift_per_day: 20, from: { roas: 1.2, new_daily_budget: 80 }, to: { roas: 3.5, new_daily_budget: 220 } });
    expect(budget.rationale).toContain('ROAS 3.5');
    expect(budget.recommendation_key).toMatch(/^budget_reallocation:\d{4}-W\d{2}:/);
    const tracking = first.find((r) => r.kind === 'fix_tracking')!;
    expect(tracking).toMatchObject({ campaign_id: alice.campaigns.untracked });
    expect(Number(tracking.score)).toBeGreaterThan(0.9);

    // Members read them through RLS, as the Ops page does.
    const visible = await must(alice.admin.from('recommendations').select('id').eq('workspace_id', alice.workspaceId));
    expect(visible).toHaveLength(first.length);
  });

  it('does not duplicate or rewrite anything when run again', async () => {
    const { data, error } = await invoke(alice.admin, alice.workspaceId);
    expect(error).toBeNull();
    expect(data).toMatchObject({ inserted: 0, updated: 0, withdrawn: 0, unchanged: first.length });
    expect(await rowsOf(alice.workspaceId)).toEqual(first);
  });

  it("answers 404 to a member of another workspace and writes nothing there", async () => {
    const { data, error } = await invoke(alice.admin, bob.workspaceId);
    expect(data).toBeNull();
    expect(error).toBeInstanceOf(FunctionsHttpError);
    expect(((error as FunctionsHttpError).context as Response).status).toBe(404);
    expect(await rowsOf(bob.workspaceId)).toEqual([]);
  });

  it('refreshes an open recommendation whose numbers moved and withdraws one that no longer applies', async () => {
    // The strong campaign had a better day; the untracked one got its pixel (website and promo still missing).
    await must(
      alice.admin.from('performance_snapshots').update({ revenue: 980 }).eq('campaign_id', alice.campaigns.strong).eq('date', day(0)).select('id'),
    );
    await must(alice.admin.from('campaigns').update({ meta_pixel_id: '9876543210' }).eq('id', alice.campaigns.untracked).select('id'));

    const { data, error } = await invoke(alice.admin, alice.workspaceId);
    expect(error).toBeNull();
    expect(data).toMatchObject({ inserted: 1, updated: 1, withdrawn: 1 });
    const rows = await rowsOf(alice.workspaceId);
    const budget = rows.find((r) => r.kind === 'budget_reallocation')!;
    expect(budget.id).toBe(first.find((r) => r.kind === 'budget_reallocation')!.id);
    expect(budget.payload).toMatchObject({ to: { roas: 3.6 } });
    const tracking = rows.filter((r) => r.kind === 'fix_tracking');
    expect(tracking.map((r) => (r.payload as { missing?: string[] }).missing)).toEqual([['website_events', 'promo_codes']]);
  });

  it('lets an ops head accept one: the decision log shows it and the next run leaves it alone', async () => {
    const budget = first.find((r) => r.kind === 'budget_reallocation')!;
    const decision = await must(
      opsHead.client.rpc('decide_recommendation', { p_recommendation_id: budget.id, p_decision: 'accepted', p_note: 'Shift it this week' }),
    );
    expect(decision).toMatchObject({ recommendation_id: budget.id, decision: 'accepted', decided_by: opsHead.userId });

    const log = await must(
      alice.admin.from('recommendation_decisions').select('recommendation_id, decision, note, decided_by').eq('workspace_id', alice.workspaceId),
    );
    expect(log).toEqual([{ recommendation_id: budget.id, decision: 'accepted', note: 'Shift it this week', decided_by: opsHead.userId }]);

    const { data } = await invoke(alice.admin, alice.workspaceId);
    expect(data).toMatchObject({ inserted: 0, decided: 1 });
    const after = await rowsOf(alice.workspaceId);
    expect(after.find((r) => r.id === budget.id)?.status).toBe('accepted');
    expect(after).toHaveLength(first.length);
  });

  it('rolls back an accepted recommendation, and only an accepted one', async () => {
    const budget = first.find((r) => r.kind === 'budget_reallocation')!;
    const tracking = (await rowsOf(alice.workspaceId)).find((r) => r.kind === 'fix_tracking')!;
    const notAccepted = await opsHead.client.rpc('decide_recommendation', { p_recommendation_id: tracking.id, p_decision: 'rolled_back' });
    expect(notAccepted.error?.code).toBe('22023');

    await must(opsHead.client.rpc('decide_recommendation', { p_recommendation_id: budget.id, p_decision: 'rolled_back', p_note: 'ROAS fell' }));
    const row = await must(alice.admin.from('recommendations').select('status').eq('id', budget.id).single());
    expect(row.status).toBe('rolled_back');
    const log = await must(
      alice.admin.from('recommendation_decisions').select('decision').eq('recommendation_id', budget.id).order('decided_at'),
    );
    expect(log.map((d) => d.decision)).toEqual(['accepted', 'rolled_back']);

    // A rolled-back recommendation is not reopened by the rules either.
    const { data } = await invoke(alice.admin, alice.workspaceId);
    expect(data).toMatchObject({ inserted: 0 });
    expect((await rowsOf(alice.workspaceId)).find((r) => r.id === budget.id)?.status).toBe('rolled_back');
  });
});
