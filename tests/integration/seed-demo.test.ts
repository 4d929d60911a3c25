/**
 * `npm run seed:demo` against the test stack: twice in a row leaves the same demo state, the story's alert exists
 * once and confidently, the demo people can sign in with the printed password and see what their role allows,
 * another workspace is never touched, and the next day's data resolves the alert only after the revert.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { beforeAll, describe, expect, it } from 'vitest';
import { insertNextDay, NextDayError } from '../../scripts/demo-next-day.ts';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_WORKSPACE_ID, demoId } from '../../scripts/demo/ids.ts';
import { STORY } from '../../scripts/demo/scenario.ts';
import { seedDemo, type SeedDemoResult } from '../../scripts/seed-demo.ts';
import { anonClient, type Client, serviceClient, signUpUser, stack } from '../support/clients.ts';

// One clock for both runs: the demo's "today" and the analysis instant are the same, so the states must match.
const NOW = new Date();
const seed = () => seedDemo({ url: stack().url, serviceRoleKey: stack().serviceRoleKey, now: NOW, deepseek: null, progress: 'silent' });

const TABLES = [
  'workspaces',
  'workspace_members',
  'campaigns',
  'campaign_phases',
  'marketer_actions',
  'performance_snapshots',
  'promo_codes',
  'tracking_events',
  'correlations',
  'ai_alerts',
  'analysis_runs',
] as const;

/** Columns that record when a row was written (or how long a run took), not what the demo is. */
const VOLATILE = new Set(['created_at', 'updated_at', 'started_at', 'finished_at', 'latency_ms']);

/**
 * Every demo row, with user ids replaced by emails, the ids the analysis generates (correlations, alerts, runs)
 * replaced by their finding keys, and write times dropped; sorted, so two seeds compare with toEqual.
 */
async function demoState(db: Client): Promise<Record<string, unknown[]>> {
  const { data: profiles } = await db.from('profiles').select('id, email');
  const emails = new Map((profiles ?? []).map((p) => [p.id, `user:${p.email}`]));
  const generated = new Map<string, string>();
  const raw: Record<string, Record<string, unknown>[]> = {};
  for (const table of TABLES) {
    const column = table === 'workspaces' ? 'id' : 'workspace_id';
    // Untyped: one query shape for every table.
    const { data, error } = await (db as unknown as SupabaseClient).from(table).select('*').eq(column, DEMO_WORKSPACE_ID).limit(5000);
    if (error) throw new Error(`${table}: ${error.message}`);
    raw[table] = data as Record<string, unknown>[];
  }
  for (const row of [...raw.correlations, ...raw.ai_alerts]) generated.set(row.id as string, `finding:${row.finding_key as string}`);
  for (const row of raw.analysis_runs) generated.set(row.id as string, `run:${(row.campaign_ids as string[]).join(',')}`);
  const normalise = (value: unknown): unknown => {
    if (typeof value === 'string') return emails.get(value) ?? generated.get(value) ?? value;
    if (Array.isArray(value)) return value.map(normalise);
    if (value && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).filter(([k]) => !VOLATILE.has(k)).map(([k, v]) => [k, normalise(v)]));
    }
    return value;
  };
  return Object.fromEntries(
    Object.entries(raw).map(([table, rows]) => [
      table,
      rows.map((r) => normalise(r)).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b))),
    ]),
  );
}

async function signIn(email: string): Promise<Client> {
  const client = anonClient();
  const { error } = await client.auth.signInWithPassword({ email, password: DEMO_PASSWORD });
  if (error) throw new Error(`sign in as ${email}: ${error.message}`);
  return client;
}

describe('npm run seed:demo', () => {
  let first: SeedDemoResult;
  let firstState: Record<string, unknown[]>;
  let bystander: { client: Client; workspaceId: string };

  beforeAll(async () => {
    // Someone else's workspace on the same project: a demo reset must leave it alone.
    const other = await signUpUser();
    const { data, error } = await other.client.from('workspaces').insert({ name: 'Not the demo' }).select('id').single();
    if (error) throw error;
    bystander = { client: other.client, workspaceId: data.id };
    const campaign = await other.client.from('campaigns').insert({ workspace_id: data.id, name: 'Their campaign', objective: 'sales' });
    if (campaign.error) throw campaign.error;

    first = await seed();
    firstState = await demoState(serviceClient());
  }, 240_000);

  it('creates the demo people, campaigns, cards and the story alert, once and confidently', () => {
    expect(first.people.map((p) => [p.email, p.role])).toEqual(DEMO_PEOPLE.map((p) => [p.email, p.role]));
    expect(first.campaigns.filter((c) => c.status === 'active')).toHaveLength(3);
    expect(first.counts.marketer_actions).toBeGreaterThanOrEqual(15);
    const story = first.alerts.filter((a) => STORY.titlePattern.test(a.title));
    expect(story).toHaveLength(1);
    expect(story[0]).toMatchObject({ status: 'active', severity: 'high', source: 'rules', campaign: 'Spring Sale — Meta' });
    expect(story[0].confidence).toBeGreaterThanOrEqual(0.7);
    expect(first.storyAlert.id).toBe(story[0].id);
  });

  it("colours the story's cards from the analysis: the creative change red, the budget increase green", async () => {
    const { data } = await serviceClient().from('marketer_actions').select('title, impact').eq('workspace_id', DEMO_WORKSPACE_ID);
    const impactOf = (title: string) => data?.find((c) => c.title === title)?.impact;
    expect(impactOf('Changed hero image from blue to red')).toBe('negative');
    expect(impactOf('Increased daily budget from $480 to $720')).toBe('positive');
  });

  it('leaves the same demo state when run a second time', async () => {
    const second = await seed();
    expect(second.people.map((p) => p.userId)).toEqual(first.people.map((p) => p.userId));
    expect(second.counts).toEqual(first.counts);
    const secondState = await demoState(serviceClient());
    expect(secondState).toEqual(firstState);
    const { data: alerts } = await serviceClient()
      .from('ai_alerts')
      .select('id, confidence')
      .eq('trigger_action_id', demoId(`card:${STORY.card}`));
    expect(alerts).toHaveLength(1);
    expect(Number(alerts![0].confidence)).toBeGreaterThanOrEqual(0.7);
  }, 240_000);

  it("never touches another workspace's rows", async () => {
    const { data } = await bystander.client.from('campaigns').select('name').eq('workspace_id', bystander.workspaceId);
    expect(data).toEqual([{ name: 'Their campaign' }]);
  });

  it('lets each demo person sign in with the printed password and see what their role allows', async () => {
    const sarah = await signIn('sarah@demo.marketing-ops.test');
    const { data: cards } = await sarah.from('marketer_actions').select('id').eq('workspace_id', DEMO_WORKSPACE_ID);
    expect(cards).toHaveLength(first.counts.marketer_actions);
    const { data: members } = await sarah.from('workspace_members').select('role').eq('workspace_id', DEMO_WORKSPACE_ID);
    expect(members?.map((m) => m.role).sort()).toEqual(['admin', 'marketer', 'ops_head', 'viewer']);

    const victor = await signIn('victor@demo.marketing-ops.test');
    const move = await victor.rpc('move_action_card', { p_action_id: demoId(`card:${STORY.card}`), p_status: 'planned' });
    expect(move.error?.code).toBe('42501');
  });

  it("resolves the alert with the next day's data only after the revert, and keeps the recovery on the timeline", async () => {
    const service = serviceClient();
    await expect(insertNextDay(service, { now: NOW })).rejects.toBeInstanceOf(NextDayError);

    // The alert as it is now (the second seed rewrote it under a new id).
    const { data: alert } = await service.from('ai_alerts').select('id').eq('trigger_action_id', demoId(`card:${STORY.card}`)).single();
    const sarah = await signIn('sarah@demo.marketing-ops.test');
    const reverted = await sarah.rpc('revert_alert_action', { p_alert_id: alert!.id });
    expect(reverted.error).toBeNull();
    const stillActive = await service.from('ai_alerts').select('status').eq('id', alert!.id).single();
    expect(stillActive.data?.status).toBe('active');

    const result = await insertNextDay(service, { now: NOW });
    expect(result.storyCardStatus).toBe('reverted');
    expect(result.storyAlert).toMatchObject({ id: alert!.id, status: 'resolved' });
    expect(result.storyAlert?.resolution_note).toMatch(/^Sales recovered to 476/);

    const { data: days } = await service
      .from('performance_snapshots')
      .select('date, sales')
      .eq('campaign_id', demoId('campaign:spring'))
      .order('date', { ascending: false })
      .limit(3);
    expect(days?.map((d) => Number(d.sales))).toEqual([476, 200, 480]);
    // Again: idempotent.
    const again = await insertNextDay(service, { now: NOW });
    expect(again.snapshots).toBe(3);
    const { count } = await service.from('performance_snapshots').select('id', { count: 'exact', head: true }).eq('workspace_id', DEMO_WORKSPACE_ID);
    expect(count).toBe(first.counts.performance_snapshots + 3);
  });
});
