/**
 * Meta Ads end to end through the stack: the meta-connection and sync-meta functions (Deno) call a fake Graph API
 * that answers as Meta documents (paging, async reports, usage headers, error codes); everything else is real
 * (PostgREST, RLS, supabase-js). Each test arranges its own ad account and token on the fake.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { dayInTimeZone } from '../../supabase/functions/_shared/domain/meta/sync-window.ts';
import { addDays } from '../../supabase/functions/_shared/domain/dates.ts';
import { parseMetaAdLink } from '../../supabase/functions/_shared/domain/meta/ad-link.ts';
import type { FakeAccount } from '../../supabase/functions/_shared/sources/meta/sandbox/fixture.ts';
import { anonClient, serviceClient, signUpUser, stack, type Client } from '../support/clients.ts';
import { fakeGraph, insightsRow } from '../support/meta-graph.ts';

const TZ = 'America/Los_Angeles';
const today = () => dayInTimeZone(new Date(), TZ);

async function must<T>(promise: PromiseLike<{ data: T; error: unknown }>): Promise<NonNullable<T>> {
  const { data, error } = await promise;
  if (error || data === null) throw new Error(`unexpected error: ${JSON.stringify(error)}`);
  return data as NonNullable<T>;
}

interface Member {
  client: Client;
  userId: string;
  token: string;
}

async function member(label: string): Promise<Member> {
  const { client, user, session } = await signUpUser(`${label}-${crypto.randomUUID().slice(0, 8)}@example.com`);
  return { client, userId: user.id, token: session.access_token };
}

async function call(who: Member | null, name: string, body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(`${stack().url}/functions/v1/${name}`, {
    method: 'POST',
    headers: { apikey: stack().anonKey, Authorization: `Bearer ${who?.token ?? stack().anonKey}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

type Run = Record<string, unknown> & { status: string; skipped: { reason: string; count: number; detail?: string }[] };
async function sync(who: Member, body: Record<string, unknown>): Promise<Run> {
  const res = await call(who, 'sync-meta', body);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body.runs as Run[])[0];
}

let seq = 0;
const accountId = () => `act_${3000000000 + Math.floor(Math.random() * 1e6) * 10 + seq++}`;
const metaId = (n: number) => `1202${String(Math.floor(Math.random() * 1e9)).padStart(9, '0')}${String(n).padStart(3, '0')}`;

interface Tenant {
  admin: Member;
  workspaceId: string;
  account: FakeAccount;
  token: string;
  metaCampaign: string;
  adsets: [string, string];
  ad: string;
  /** Our campaign on the Meta campaign (campaign level) and one on its two ad sets (ad set level). */
  campaignId: string;
  adsetCampaignId: string;
}

/** A workspace with two tracked campaigns, an ad account on the fake with 5 days of rows and 4 activities. */
async function tenant(label: string, opts: { days?: number; extraCampaigns?: number } = {}): Promise<Tenant> {
  const admin = await member(`${label}-admin`);
  const ws = await must(admin.client.from('workspaces').insert({ name: `${label} workspace` }).select().single());
  const id = accountId();
  const token = `EAAtest${crypto.randomUUID().replaceAll('-', '')}`;
  const metaCampaign = metaId(1);
  const adsets: [string, string] = [metaId(11), metaId(12)];
  const ad = metaId(111);
  const days = opts.days ?? 5;
  const d0 = today();
  const dates = Array.from({ length: days }, (_, i) => addDays(d0, i - (days - 1)));
  const insights = dates.flatMap((date, i) => [
    insightsRow({ campaign_id: metaCampaign, date, spend: 100 + i, impressions: 10000, clicks: 300, link_clicks: 250, purchases: 10 + i, value: 500 + 10 * i, leads: 2 }),
    insightsRow({ campaign_id: metaCampaign, adset_id: adsets[0], date, spend: 60, impressions: 6000, clicks: 200, link_clicks: 150, purchases: 6, value: 300 }),
    insightsRow({ campaign_id: metaCampaign, adset_id: adsets[1], date, spend: 40 + i, impressions: 4000, clicks: 100, link_clicks: 100, purchases: 4 + i, value: 200 + 10 * i }),
  ]);
  const at = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000).toISOString().replace(/\.\d{3}Z$/, '+0000');
  const account: FakeAccount = {
    id,
    name: `${label} Meta account`,
    currency: 'EUR',
    timezone_name: TZ,
    account_status: 1,
    tokens: [token],
    campaigns: [{ id: metaCampaign, name: `${label} Meta campaign`, adsets: [{ id: adsets[0], name: 'Prospecting', ads: [{ id: ad, name: 'Carousel' }] }, { id: adsets[1], name: 'Retargeting', ads: [] }] }],
    insights,
    activities: [
      { event_type: 'update_ad_set_budget', event_time: at(2.5), translated_event_type: 'Ad set budget updated', actor_id: '1', actor_name: 'Dana Buyer', object_id: adsets[0], object_name: 'Prospecting', object_type: 'AD_SET', extra_data: JSON.stringify({ old_value: { old_value: 5000, currency: 'EUR' }, new_value: { new_value: 7500, currency: 'EUR' }, type: 'payment_amount' }) },
      { event_type: 'update_ad_creative', event_time: at(2), translated_event_type: 'Ad creative updated', actor_id: '2', actor_name: 'Lee Creative', object_id: ad, object_name: 'Carousel', object_type: 'AD', extra_data: JSON.stringify({ old_value: 'Blue hero', new_value: 'Red hero' }) },
      { event_type: 'update_campaign_run_status', event_time: at(1.5), translated_event_type: 'Campaign status updated', actor_id: '1', actor_name: 'Dana Buyer', object_id: metaCampaign, object_name: `${label} Meta campaign`, object_type: 'CAMPAIGN', extra_data: JSON.stringify({ old_value: 'Active', new_value: 'Paused' }) },
      { event_type: 'ad_account_billing_charge', event_time: at(1), actor_name: 'Meta', object_id: id.replace('act_', ''), object_type: 'ACCOUNT', extra_data: '{}' },
      { event_type: 'update_campaign_budget', event_time: at(1), actor_name: 'Someone', object_id: '999999999999', object_name: 'Not ours', object_type: 'CAMPAIGN' },
    ],
    scenario: { pageSize: 4 },
  };
  await fakeGraph.addAccount(account);
  const [campaign, adsetCampaign, ...extra] = await must(
    admin.client
      .from('campaigns')
      .insert([
        { workspace_id: ws.id, name: `${label} campaign level`, objective: 'sales', ads_account_id: id, meta_campaign_ids: [metaCampaign], planned_launch: dates[0], primary_kpi: 'roas', kpi_target: 4 },
        { workspace_id: ws.id, name: `${label} ad set level`, objective: 'sales', ads_account_id: id, meta_adset_ids: [...adsets], planned_launch: dates[0] },
        ...Array.from({ length: opts.extraCampaigns ?? 0 }, (_, i) => ({ workspace_id: ws.id, name: `${label} extra ${i}`, objective: 'sales' as const, ads_account_id: id, meta_campaign_ids: [metaCampaign], planned_launch: dates[0] })),
      ], { defaultToNull: false })
      .select('id, name')
      .order('name'),
  ).then((rows) => {
    const byName = new Map(rows.map((r) => [r.name, r.id]));
    return [byName.get(`${label} campaign level`)!, byName.get(`${label} ad set level`)!, ...rows.filter((r) => r.name.includes('extra')).map((r) => r.id)];
  });
  void extra;
  return { admin, workspaceId: ws.id, account, token, metaCampaign, adsets, ad, campaignId: campaign, adsetCampaignId: adsetCampaign };
}

async function connect(t: Tenant, who: Member = t.admin, token = t.token) {
  return call(who, 'meta-connection', { action: 'connect_token', workspace_id: t.workspaceId, ad_account_id: t.account.id, access_token: token });
}

async function snapshots(campaignId: string) {
  return must(serviceClient().from('performance_snapshots').select('*').eq('campaign_id', campaignId).eq('data_source', 'meta_ads').order('date'));
}

async function join(t: Tenant, role: 'ops_head' | 'marketer' | 'viewer'): Promise<Member> {
  const m = await member(`${role}`);
  // Memberships come from accepted invitations; the service role arranges them here.
  await must(serviceClient().from('workspace_members').insert({ workspace_id: t.workspaceId, user_id: m.userId, role }).select());
  return m;
}

describe('connecting Meta', () => {
  let t: Tenant;
  let other: Tenant;
  let roles: Record<'ops_head' | 'marketer' | 'viewer', Member>;
  beforeAll(async () => {
    t = await tenant('conn');
    other = await tenant('rival');
    roles = { ops_head: await join(t, 'ops_head'), marketer: await join(t, 'marketer'), viewer: await join(t, 'viewer') };
  });

  it('checks the token against the Graph API before keeping it, and only admins and ops heads connect', async () => {
    const bad = await connect(t, t.admin, 'EAAnot-a-token-anyone-knows');
    expect(bad.status).toBe(400);
    expect(String(bad.body.error)).toMatch(/code 190/);
    const wrongAccount = await call(t.admin, 'meta-connection', { action: 'connect_token', workspace_id: t.workspaceId, ad_account_id: other.account.id, access_token: t.token });
    expect(wrongAccount.status).toBe(400);
    expect(String(wrongAccount.body.error)).toMatch(/cannot read ad account/);
    expect((await connect(t, roles.marketer)).status).toBe(403);
    expect((await connect(t, roles.viewer)).status).toBe(403);
    expect((await call(other.admin, 'meta-connection', { action: 'connect_token', workspace_id: t.workspaceId, ad_account_id: t.account.id, access_token: t.token })).status).toBe(404);
    expect((await call(t.admin, 'meta-connection', { action: 'connect_token', workspace_id: t.workspaceId, ad_account_id: 'my account', access_token: t.token })).status).toBe(400);
    expect(await must(serviceClient().from('meta_connections').select('id').eq('workspace_id', t.workspaceId))).toHaveLength(0);

    const ok = await connect(t, roles.ops_head);
    expect(ok.status, JSON.stringify(ok.body)).toBe(200);
    expect(ok.body.connection).toMatchObject({ ad_account_id: t.account.id, account_name: 'conn Meta account', currency: 'EUR', timezone_name: TZ, status: 'active', kind: 'system_user_token', token_hint: t.token.slice(-4) });
    expect(JSON.stringify(ok.body)).not.toContain(t.token);
  });

  it('never lets any client role read the token through supabase-js', async () => {
    await connect(t);
    const readers: [string, Client][] = [
      ['anon', anonClient()],
      ['admin', t.admin.client],
      ['ops_head', roles.ops_head.client],
      ['marketer', roles.marketer.client],
      ['viewer', roles.viewer.client],
      ['other workspace', other.admin.client],
    ];
    const connection = await must(serviceClient().from('meta_connections').select('id').eq('workspace_id', t.workspaceId).single());
    for (const [role, client] of readers) {
      const visible = await client.from('meta_connections').select('*');
      expect(JSON.stringify(visible.data ?? []), role).not.toContain(t.token);
      const expectRows = ['admin', 'ops_head', 'marketer', 'viewer'].includes(role) ? 1 : 0;
      expect((visible.data ?? []).filter((c) => c.workspace_id === t.workspaceId), role).toHaveLength(expectRows);
      const rpc = await client.rpc('meta_connection_token', { p_connection_id: connection.id });
      expect(rpc.error, `${role}: meta_connection_token`).not.toBeNull();
      expect(JSON.stringify(rpc.data ?? '')).not.toContain(t.token);
      const direct = await (client as unknown as { schema(s: string): Client }).schema('meta_private').from('connection_tokens' as never).select('*');
      expect(direct.error, `${role}: meta_private schema`).not.toBeNull();
      const save = await client.rpc('save_meta_connection', { p_workspace_id: t.workspaceId, p_ad_account_id: 'act_1', p_kind: 'sandbox', p_access_token: 'EAAhijack-token', p_account_name: 'x', p_currency: 'EUR', p_timezone_name: TZ, p_token_expires_at: '2030-01-01T00:00:00Z', p_connected_by: t.admin.userId });
      expect(save.error, `${role}: save_meta_connection`).not.toBeNull();
      const audit = await client.from('audit_log').select('*').eq('table_name', 'meta_connections');
      expect(JSON.stringify(audit.data ?? []), role).not.toContain(t.token);
    }
    // The service role (edge functions) can.
    expect(await must(serviceClient().rpc('meta_connection_token', { p_connection_id: connection.id }))).toBe(t.token);
  });

  it('refuses direct writes to connections from every role', async () => {
    const connection = await must(serviceClient().from('meta_connections').select('id, status').eq('workspace_id', t.workspaceId).single());
    for (const client of [t.admin.client, roles.ops_head.client, other.admin.client]) {
      await client.from('meta_connections').update({ status: 'revoked', ad_account_id: 'act_666' }).eq('id', connection.id);
      await client.from('meta_connections').delete().eq('id', connection.id);
      const { error } = await client.from('meta_connections').insert({ workspace_id: t.workspaceId, ad_account_id: 'act_777', kind: 'sandbox' });
      expect(error).not.toBeNull();
    }
    expect(await must(serviceClient().from('meta_connections').select('id, status').eq('workspace_id', t.workspaceId).single())).toEqual(connection);
  });

  it('another workspace can neither sync nor see the connection; viewers cannot sync', async () => {
    expect((await call(other.admin, 'sync-meta', { workspace_id: t.workspaceId })).status).toBe(404);
    expect((await call(other.admin, 'sync-meta', { campaign_id: t.campaignId })).status).toBe(404);
    expect((await call(roles.viewer, 'sync-meta', { workspace_id: t.workspaceId })).status).toBe(403);
    expect((await call(null, 'sync-meta', { workspace_id: t.workspaceId })).status).toBe(401);
    expect(await must(other.admin.client.from('meta_connections').select('id').eq('workspace_id', t.workspaceId))).toHaveLength(0);
    expect(await must(other.admin.client.from('meta_sync_runs').select('id').eq('workspace_id', t.workspaceId))).toHaveLength(0);
    expect(await snapshots(t.campaignId)).toHaveLength(0);
  });

  it('revokes: marketers cannot, admins can; the token is deleted and imported data stays', async () => {
    await sync(t.admin, { workspace_id: t.workspaceId });
    const before = (await snapshots(t.campaignId)).length;
    expect(before).toBeGreaterThan(0);
    const connection = await must(serviceClient().from('meta_connections').select('id').eq('workspace_id', t.workspaceId).single());
    expect((await roles.marketer.client.rpc('revoke_meta_connection', { p_connection_id: connection.id })).error?.code).toBe('42501');
    expect((await other.admin.client.rpc('revoke_meta_connection', { p_connection_id: connection.id })).error?.code).toBe('P0002');
    const revoked = await must(t.admin.client.rpc('revoke_meta_connection', { p_connection_id: connection.id }));
    expect(revoked).toMatchObject({ status: 'revoked', token_hint: null });
    expect((await serviceClient().rpc('meta_connection_token', { p_connection_id: connection.id })).data).toBeNull();
    expect((await snapshots(t.campaignId)).length).toBe(before);
    expect((await call(t.admin, 'sync-meta', { workspace_id: t.workspaceId })).status).toBe(409);
    // Replacing: a new token connects the same account again.
    expect((await connect(t)).body.connection).toMatchObject({ status: 'active' });
  });
});

describe('syncing Meta', () => {
  let t: Tenant;
  let marketer: Member;
  beforeAll(async () => {
    t = await tenant('sync');
    marketer = await join(t, 'marketer');
    expect((await connect(t)).status).toBe(200);
  });

  it('imports exactly the expected daily snapshots, purchases counted once, ad sets summed', async () => {
    await must(t.admin.client.from('marketer_actions').insert({ workspace_id: t.workspaceId, campaign_id: t.campaignId, action_type: 'other', title: 'Hand-logged note', status: 'completed' }).select());
    const run = await sync(marketer, { workspace_id: t.workspaceId });
    expect(run).toMatchObject({ status: 'succeeded', rows_fetched: 15, snapshots_written: 10, snapshots_unchanged: 0, cards_created: 3, cards_already_imported: 0, activities_fetched: 5 });
    expect(run.skipped).toEqual(expect.arrayContaining([
      { reason: 'activity_not_a_campaign_change', count: 1 },
      { reason: 'activity_object_not_tracked', count: 1 },
    ]));

    const rows = await snapshots(t.campaignId);
    expect(rows.map((r) => r.date)).toEqual(Array.from({ length: 5 }, (_, i) => addDays(today(), i - 4)));
    expect(rows[0]).toMatchObject({ spend: 100, impressions: 10000, clicks: 300, link_clicks: 250, conversions: 10, sales: 500, revenue: 500, leads: 2, reach: 8000, engagement: 600, roas: 5, cpa: 10, ctr: 3, cpm: 10 });
    expect(rows[4]).toMatchObject({ spend: 104, conversions: 14, revenue: 540, roas: 5.1923 });

    const adsetRows = await snapshots(t.adsetCampaignId);
    expect(adsetRows).toHaveLength(5);
    // Day 2 (i = 2): 60 + 42 spend, 6 + 6 purchases, 300 + 220 value, 300 clicks over 10,000 impressions.
    expect(adsetRows[2]).toMatchObject({ spend: 102, conversions: 12, revenue: 520, clicks: 300, impressions: 10000, ctr: 3, roas: 5.098 });

    const cards = await must(t.admin.client.from('marketer_actions').select('*').eq('workspace_id', t.workspaceId).order('occurred_at'));
    const imported = cards.filter((c) => c.source === 'meta');
    // The ad set campaign names Prospecting itself, so Prospecting's changes (and its ad's) are its cards.
    expect(imported.map((c) => [c.campaign_id, c.action_type, c.status, c.actor_name, c.title])).toEqual([
      [t.adsetCampaignId, 'budget_adjustment', 'completed', 'Dana Buyer', 'Ad set budget updated: Prospecting'],
      [t.adsetCampaignId, 'creative_change', 'completed', 'Lee Creative', 'Ad creative updated: Carousel'],
      [t.campaignId, 'pause_ads', 'completed', 'Dana Buyer', 'Campaign status updated: sync Meta campaign'],
    ]);
    expect(imported[2].metadata).toMatchObject({ previous_state: { status: 'Active' }, new_state: { status: 'Paused' } });
    expect(imported[0].metadata).toMatchObject({ previous_state: { budget: 'EUR 50.00' }, new_state: { budget: 'EUR 75.00' }, affected_ad_sets: ['Prospecting'] });
    expect(imported[1].metadata).toMatchObject({ previous_state: { creative: 'Blue hero' }, new_state: { creative: 'Red hero' }, affected_ad_sets: ['Prospecting'] });
    expect(imported[1].external_url).toBe(`https://adsmanager.facebook.com/adsmanager/manage/ads?act=${t.account.id.slice(4)}&selected_ad_ids=${t.ad}`);
    expect(cards.filter((c) => c.source === 'manual').map((c) => c.title)).toEqual(['Hand-logged note']);

    const log = await must(marketer.client.from('meta_sync_runs').select('*').eq('id', run.run_id as string).single());
    expect(log).toMatchObject({ status: 'succeeded', progress: 100, trigger: 'manual', created_by: marketer.userId, snapshots_written: 10, cards_created: 3, since: addDays(today(), -4), until: today() });
    expect(log.requests).toBeGreaterThan(3);
    // New data → the correlation analysis ran for those campaigns.
    expect([...(run.analysed_campaign_ids as string[])].sort()).toEqual([t.campaignId, t.adsetCampaignId].sort());
    const analysis = await must(serviceClient().from('analysis_runs').select('campaign_ids').eq('workspace_id', t.workspaceId));
    expect(analysis.flatMap((r) => r.campaign_ids)).toEqual(expect.arrayContaining([t.campaignId]));
  });

  it('re-syncs the last 3 days and changes nothing: no duplicate snapshot or card', async () => {
    const before = await snapshots(t.campaignId);
    const run = await sync(t.admin, { workspace_id: t.workspaceId });
    expect(run).toMatchObject({ status: 'succeeded', snapshots_written: 0, snapshots_unchanged: 6, cards_created: 0, cards_already_imported: 3, since: addDays(today(), -2) });
    expect(await snapshots(t.campaignId)).toEqual(before);
    const cards = await must(serviceClient().from('marketer_actions').select('id').eq('workspace_id', t.workspaceId).eq('source', 'meta'));
    expect(cards).toHaveLength(3);
    // Only the 3 re-pulled days were asked for.
    const insights = (await fakeGraph.requests(t.token)).filter((r) => r.path.endsWith('/insights')).at(-1)!;
    expect(JSON.parse(insights.query.time_range)).toEqual({ since: addDays(today(), -2), until: today() });
    expect(insights.query).toMatchObject({ time_increment: '1' });
  });

  it('lands late conversions when Meta revises a recent day', async () => {
    const account = structuredClone(t.account);
    const last = account.insights!.find((r) => r.date_start === today() && !r.adset_id)!;
    Object.assign(last, insightsRow({ campaign_id: t.metaCampaign, date: today(), spend: 104, impressions: 10000, clicks: 300, link_clicks: 250, purchases: 16, value: 640, leads: 2 }));
    await fakeGraph.addAccount(account);
    const run = await sync(t.admin, { campaign_id: t.campaignId });
    expect(run).toMatchObject({ snapshots_written: 1, snapshots_unchanged: 2 });
    expect((await snapshots(t.campaignId)).at(-1)).toMatchObject({ conversions: 16, revenue: 640 });
  });

  it('follows paging.next cursors', async () => {
    const requests = await fakeGraph.requests(t.token);
    const firstSync = requests.filter((r) => r.path.endsWith('/insights') && r.query.level === 'campaign');
    // 5 rows at 4 per page: a first page and a cursor page.
    expect(firstSync.some((r) => typeof r.query.after === 'string')).toBe(true);
    // 5 activities at 4 per page: the activity log pages too.
    expect(requests.some((r) => r.path.endsWith('/activities') && typeof r.query.after === 'string')).toBe(true);
  });
});

describe('long back-fills, limits and errors', () => {
  it('uses an async report run for a long back-fill', async () => {
    const t = await tenant('async', { days: 40 });
    await connect(t);
    const run = await sync(t.admin, { campaign_id: t.campaignId });
    expect(run).toMatchObject({ status: 'succeeded', async_reports: 1, snapshots_written: 40 });
    const requests = await fakeGraph.requests(t.token);
    expect(requests.some((r) => r.method === 'POST' && r.path.endsWith(`${t.account.id}/insights`))).toBe(true);
    const polls = requests.filter((r) => /^\/\d+$/.test(r.path));
    expect(polls.length).toBeGreaterThanOrEqual(2);
    expect(requests.some((r) => /^\/\d+\/insights$/.test(r.path) && r.query.after)).toBe(true);
    expect(await snapshots(t.campaignId)).toHaveLength(40);
  });

  it('slows down when the usage headers near the limit', async () => {
    const t = await tenant('throttle');
    await connect(t);
    await fakeGraph.setScenario(t.account.id, { pageSize: 4, throttle: { fromRequest: 1, pct: 95 } });
    const run = await sync(t.admin, { workspace_id: t.workspaceId });
    expect(run.status).toBe('succeeded');
    expect(run.throttle_pauses as number).toBeGreaterThan(0);
    expect(run.throttle_wait_ms as number).toBeGreaterThan(0);
    expect(run.skipped.find((s) => s.reason === 'paused_for_meta_usage')?.detail).toMatch(/x-business-use-case-usage ads_insights call_count 95 %/);

    const calm = await tenant('calm');
    await connect(calm);
    const calmRun = await sync(calm.admin, { workspace_id: calm.workspaceId });
    expect(calmRun.throttle_pauses).toBe(0);
  });

  it('retries transient errors, rate limits and malformed answers, and still imports everything', async () => {
    const t = await tenant('flaky');
    await connect(t);
    await fakeGraph.setScenario(t.account.id, { pageSize: 25, failInsightsWith: [2, 17, 80000], malformedOnce: true });
    const run = await sync(t.admin, { workspace_id: t.workspaceId });
    expect(run).toMatchObject({ status: 'succeeded', snapshots_written: 10 });
    expect(run.retries as number).toBeGreaterThanOrEqual(4);
  });

  it('on code 190 mid-sync keeps what was imported, flags the connection and says so', async () => {
    const t = await tenant('expiry', { extraCampaigns: 1 });
    await connect(t);
    await fakeGraph.setScenario(t.account.id, { pageSize: 25, expireTokenAfterRequests: 100 });
    expect((await sync(t.admin, { workspace_id: t.workspaceId })).status).toBe('succeeded');
    const kept = await snapshots(t.campaignId);
    expect(kept).toHaveLength(5);
    // The next sync: /act (1) and the first campaign's insights (2) pass, then the token expires.
    const used = (await fakeGraph.requests(t.token)).length;
    await fakeGraph.setScenario(t.account.id, { pageSize: 25, expireTokenAfterRequests: used + 2 });
    const run = await sync(t.admin, { workspace_id: t.workspaceId });
    expect(run).toMatchObject({ status: 'failed', needs_reconnect: true });
    // It got past the account and one campaign before Meta refused the token.
    expect(run.requests).toBe(3);
    expect(String(run.error)).toMatch(/code 190/);
    expect(await snapshots(t.campaignId)).toEqual(kept);
    const connection = await must(t.admin.client.from('meta_connections').select('status, status_reason').eq('workspace_id', t.workspaceId).single());
    expect(connection.status).toBe('needs_reconnect');
    expect(connection.status_reason).toMatch(/Reconnect in Settings; imported data is kept/);
    const again = await sync(t.admin, { workspace_id: t.workspaceId });
    expect(again).toMatchObject({ status: 'failed', needs_reconnect: true, requests: 0 });
    // The hourly schedule (service key) leaves it alone until someone reconnects.
    const scheduled = await fetch(`${stack().url}/functions/v1/sync-meta`, {
      method: 'POST',
      headers: { apikey: stack().serviceRoleKey, Authorization: `Bearer ${stack().serviceRoleKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ workspace_id: t.workspaceId, trigger: 'schedule' }),
    });
    expect(await scheduled.json()).toEqual({ runs: [] });
    // A new token brings it back.
    const fresh = `EAAfresh${crypto.randomUUID().replaceAll('-', '')}`;
    await fakeGraph.addAccount({ ...t.account, tokens: [fresh], scenario: { pageSize: 25 } });
    expect((await connect(t, t.admin, fresh)).body.connection).toMatchObject({ status: 'active' });
    expect((await sync(t.admin, { workspace_id: t.workspaceId })).status).toBe('succeeded');
    const resumed = await fetch(`${stack().url}/functions/v1/sync-meta`, {
      method: 'POST',
      headers: { apikey: stack().serviceRoleKey, Authorization: `Bearer ${stack().serviceRoleKey}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ workspace_id: t.workspaceId, trigger: 'schedule' }),
    });
    const body = (await resumed.json()) as { runs: Run[] };
    expect(body.runs.map((r) => [r.status, r.trigger ?? 'schedule'])).toEqual([['succeeded', 'schedule']]);
    const log = await must(serviceClient().from('meta_sync_runs').select('trigger, created_by').eq('id', body.runs[0].run_id as string).single());
    expect(log).toEqual({ trigger: 'schedule', created_by: null });
  });
});

describe('Facebook Login for Business', () => {
  it('connects through the OAuth code flow and the long-lived token exchange', async () => {
    const t = await tenant('oauth');
    await fakeGraph.addAccount({ ...t.account, tokens: [...t.account.tokens, 'oauth-user'] });
    const redirect = 'http://127.0.0.1:5173/settings/meta/callback';
    const start = await call(t.admin, 'meta-connection', { action: 'oauth_start', workspace_id: t.workspaceId, ad_account_id: t.account.id, redirect_uri: redirect });
    expect(start.status).toBe(200);
    const dialog = new URL(String(start.body.url));
    expect(dialog.origin).toBe(fakeGraph.url());
    expect(dialog.searchParams.get('client_id')).toBe('test-meta-app');
    const back = await fetch(dialog, { redirect: 'manual' });
    const location = new URL(back.headers.get('location')!);
    const code = location.searchParams.get('code')!;
    const state = location.searchParams.get('state')!;

    const tampered = await call(t.admin, 'meta-connection', { action: 'oauth_finish', code, state: `${state.split('.')[0]}.AAAA`, redirect_uri: redirect });
    expect(tampered.status).toBe(400);
    const intruder = await member('intruder');
    expect((await call(intruder, 'meta-connection', { action: 'oauth_finish', code, state, redirect_uri: redirect })).status).toBe(400);

    const done = await call(t.admin, 'meta-connection', { action: 'oauth_finish', code, state, redirect_uri: redirect });
    expect(done.status, JSON.stringify(done.body)).toBe(200);
    const connection = done.body.connection as { kind: string; status: string; token_expires_at: string };
    expect(connection).toMatchObject({ kind: 'oauth', status: 'active' });
    expect(Date.parse(connection.token_expires_at) - Date.now()).toBeGreaterThan(50 * 86_400_000);
    expect((await sync(t.admin, { workspace_id: t.workspaceId })).snapshots_written).toBe(10);
  });
});

describe('the local Meta sandbox', () => {
  it('connects the labelled sandbox account without a token and syncs its data', async () => {
    const admin = await member('sandbox');
    const ws = await must(admin.client.from('workspaces').insert({ name: 'sandbox workspace' }).select().single());
    const res = await call(admin, 'meta-connection', { action: 'connect_sandbox', workspace_id: ws.id });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body.connection).toMatchObject({ kind: 'sandbox', ad_account_id: 'act_1000000001', account_name: expect.stringMatching(/sandbox/i) });
    const config = await call(admin, 'meta-connection', { action: 'config' });
    expect(config.body).toMatchObject({ sandbox_available: true, oauth_available: true });
    const campaign = await must(admin.client.from('campaigns').insert({ workspace_id: ws.id, name: 'Sandbox sale', objective: 'sales', ads_account_id: 'act_1000000001', meta_campaign_ids: ['120210000000000001'], planned_launch: addDays(today(), -13) }).select().single());
    const run = await sync(admin, { campaign_id: campaign.id });
    // Budget, creative and targeting changes; the billing event is not a campaign change.
    expect(run).toMatchObject({ status: 'succeeded', cards_created: 3 });
    expect((run.snapshots_written as number)).toBeGreaterThanOrEqual(13);
  });
});

describe('ad links pasted in the plan', () => {
  it('stores the ids a pasted Ads Manager link names, and the sync finds the campaign by them', async () => {
    const t = await tenant('link');
    await connect(t);
    const link = `https://business.facebook.com/adsmanager/manage/campaigns?act=${t.account.id.slice(4)}&business_id=1&selected_campaign_ids=${t.metaCampaign}`;
    const parsed = parseMetaAdLink(link);
    if (!parsed.ok) throw new Error(parsed.reason);
    const campaign = await must(
      t.admin.client.from('campaigns').insert({ workspace_id: t.workspaceId, name: 'From a link', objective: 'sales', ad_link: link, ads_account_id: parsed.ids.adAccountId, meta_campaign_ids: parsed.ids.campaignIds }).select().single(),
    );
    const run = await sync(t.admin, { campaign_id: campaign.id });
    expect(run).toMatchObject({ status: 'succeeded', campaign_ids: [campaign.id] });
    expect((await snapshots(campaign.id)).length).toBeGreaterThan(0);
    const bad = await t.admin.client.from('campaigns').update({ meta_campaign_ids: ['12ab'] }).eq('id', campaign.id).select();
    expect(bad.error?.code).toBe('23514');
  });

  it('refuses a hand-made card that pretends to come from Meta', async () => {
    const t = await tenant('forge');
    const { error } = await t.admin.client.from('marketer_actions').insert({ workspace_id: t.workspaceId, campaign_id: t.campaignId, action_type: 'other', title: 'forged', status: 'completed', source: 'meta', external_id: 'x' });
    expect(error?.code).toBe('42501');
  });
});
