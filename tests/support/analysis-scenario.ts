/**
 * The spec's demo scenario (docs/domain-rules.md, Demo flow), written the way the product writes it (a member's client,
 * so RLS and triggers apply; the running campaign itself by the service role, since clients reach "active" only
 * through the decision gate):
 * five baseline days at ≈ $500 sales / 30 conversions, a creative change blue → red on "day 2" at 10:00, ≈ $480 that
 * day and ≈ $200 on "day 3". Analysed at day 4, 06:00 (44 h after the change) it yields one high-severity alert,
 * "Sales dropped 60% after creative change", with a one-click revert. A later day back near $480 resolves it.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from '../../src/lib/database.types.ts';
import { serviceClient } from './clients.ts';

type Client = SupabaseClient<Database>;

const DAY_MS = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export interface CreativeDropScenario {
  workspaceId: string;
  campaignId: string;
  actionId: string;
  /** The day of the creative change ("day 2"). */
  actionDay: string;
  /** The instant to analyse at: day 4, 06:00 UTC. */
  analyseAt: string;
  /** The first day after the analysed data (where a recovery lands). */
  nextDay: string;
  findingKey: string;
}

/** Daily sales of the scenario: five baseline days, the change day, the drop. */
export const SCENARIO_SALES = [505, 495, 510, 490, 500, 480, 196];

function must<T>(result: { data: T; error: { message: string } | null }, what: string): NonNullable<T> {
  if (result.error || result.data === null || result.data === undefined) throw new Error(`${what}: ${result.error?.message ?? 'no data'}`);
  return result.data as NonNullable<T>;
}

function snapshotRow(workspaceId: string, campaignId: string, date: string, sales: number) {
  const conversions = Math.round((sales / 500) * 30);
  return {
    workspace_id: workspaceId,
    campaign_id: campaignId,
    date,
    sales,
    revenue: sales,
    spend: 100,
    roas: Math.round((sales / 100) * 100) / 100,
    cpa: Math.round((100 / Math.max(conversions, 1)) * 100) / 100,
    impressions: 20_000,
    clicks: 600,
    conversions,
    data_source: 'meta_pixel',
  };
}

/** Creates the campaign, the creative-change card and seven days of snapshots; `actionDay` is "day 2". */
export async function seedCreativeDrop(
  client: Client,
  /** `service` arranges the running campaign (default: the integration stack's service client). */
  opts: { workspaceId: string; actionDay: string; name?: string; service?: Client },
): Promise<CreativeDropScenario> {
  const { workspaceId, actionDay } = opts;
  // A running campaign is arranged with the service role: clients only reach "active" through the decision gate.
  const campaign = must(
    await (opts.service ?? serviceClient())
      .from('campaigns')
      .insert({ workspace_id: workspaceId, name: opts.name ?? 'Spring sale', objective: 'sales', primary_kpi: 'sales', status: 'active', decision: 'proceed' })
      .select('id')
      .single(),
    'create campaign',
  );
  const action = must(
    await client
      .from('marketer_actions')
      .insert({
        workspace_id: workspaceId,
        campaign_id: campaign.id,
        action_type: 'creative_change',
        title: 'Updated ad creative',
        description: 'Changed hero image: blue → red',
        occurred_at: `${actionDay}T10:00:00Z`,
        status: 'completed',
        metadata: { previous_state: { hero_image: 'blue' }, new_state: { hero_image: 'red' }, affected_ad_sets: ['Prospecting – broad'] },
      })
      .select('id')
      .single(),
    'create action card',
  );
  const firstDay = addDays(actionDay, -5);
  const rows = SCENARIO_SALES.map((sales, i) => snapshotRow(workspaceId, campaign.id, addDays(firstDay, i), sales));
  must(await client.from('performance_snapshots').insert(rows).select('id'), 'insert snapshots');
  return {
    workspaceId,
    campaignId: campaign.id,
    actionId: action.id,
    actionDay,
    analyseAt: `${addDays(actionDay, 2)}T06:00:00.000Z`,
    nextDay: addDays(actionDay, 2),
    findingKey: `${campaign.id}:${action.id}:sales`,
  };
}

/** The next day's data after the revert: ≈ $480, within 10 % of the ≈ $500 baseline. */
export async function addRecoveryDay(client: Client, scenario: CreativeDropScenario, sales = 480): Promise<void> {
  must(
    await client
      .from('performance_snapshots')
      .insert(snapshotRow(scenario.workspaceId, scenario.campaignId, scenario.nextDay, sales))
      .select('id'),
    'insert recovery day',
  );
}
