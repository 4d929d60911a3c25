// Loads one campaign with its phases, its workspace's thresholds and the workspace's past campaigns, through a
// client that carries the caller's JWT: RLS decides what exists, so another workspace's campaign is simply absent.
import type { SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';
import type { Tables } from './db.ts';
import { historyFromCampaigns, type HistoryCampaignRow, type PastCampaign } from './domain/benchmarks.ts';
import type { CampaignRecordInput } from './domain/campaign-plan.ts';
import type { PhaseRowInput } from './domain/phases.ts';
import { workspaceThresholdOverrides, type ThresholdOverrides } from './domain/thresholds.ts';

/** The campaign columns the rules read (CAMPAIGN_COLUMNS), typed by the generated schema. */
export type CampaignRow = Pick<
  Tables<'campaigns'>,
  | 'id'
  | 'workspace_id'
  | 'name'
  | 'objective'
  | 'industry'
  | 'budget'
  | 'currency'
  | 'planned_launch'
  | 'meta_pixel_id'
  | 'ads_account_id'
  | 'website_tracking'
  | 'promo_tracking'
  | 'peak_start'
  | 'peak_end'
  | 'status'
>;

/** The phase columns the rules read (PHASE_COLUMNS), typed by the generated schema. */
export type PhaseRow = Pick<
  Tables<'campaign_phases'>,
  | 'id'
  | 'name'
  | 'position'
  | 'planned_start'
  | 'planned_days'
  | 'actual_start'
  | 'actual_end'
  | 'required_assets'
  | 'delivered_assets'
  | 'approvals_planned'
  | 'approvals_actual'
  | 'teams'
  | 'tools'
>;

export interface CampaignBundle {
  campaign: CampaignRow;
  phases: PhaseRow[];
  /** Workspace overrides of the domain thresholds (workspaces.settings.thresholds). */
  thresholds: ThresholdOverrides | null;
  /** The workspace's other campaigns, as history for benchmarks and predictions. */
  history: PastCampaign[];
  promoCodeCount: number;
  /** Tracking events received from the website snippet for this campaign. */
  websiteEventCount: number;
}

/** Thrown when the database answers with an error; carries PostgREST's code for the handler's status mapping. */
export class DataError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    /** What failed, for the error message ("load the campaign"). */
    readonly action = 'load the campaign',
  ) {
    super(message);
  }
}

const CAMPAIGN_COLUMNS =
  'id, workspace_id, name, objective, industry, budget, currency, planned_launch, meta_pixel_id, ads_account_id, website_tracking, promo_tracking, peak_start, peak_end, status';
const PHASE_COLUMNS =
  'id, name, position, planned_start, planned_days, actual_start, actual_end, required_assets, delivered_assets, approvals_planned, approvals_actual, teams, tools';

function check<T>(result: { data: T; error: { message: string; code?: string } | null }): T {
  if (result.error) throw new DataError(result.error.message, result.error.code);
  return result.data;
}

/** The campaign and everything the rules read about it, or null when the caller cannot see it. */
export async function loadCampaignBundle(
  client: SupabaseClient,
  campaignId: string,
  opts: { history?: boolean } = {},
): Promise<CampaignBundle | null> {
  const campaign = check(await client.from('campaigns').select(CAMPAIGN_COLUMNS).eq('id', campaignId).maybeSingle()) as CampaignRow | null;
  if (!campaign) return null;
  const [phases, workspace, promo, website, history] = await Promise.all([
    client.from('campaign_phases').select(PHASE_COLUMNS).eq('campaign_id', campaignId).order('position'),
    client.from('workspaces').select('settings').eq('id', campaign.workspace_id).maybeSingle(),
    client.from('promo_codes').select('id', { count: 'exact', head: true }).eq('campaign_id', campaignId).eq('active', true),
    client.from('tracking_events').select('id', { count: 'exact', head: true }).eq('campaign_id', campaignId).eq('source', 'website'),
    opts.history === false ? Promise.resolve(null) : loadHistory(client, campaign),
  ]);
  const settings = (check(workspace) as { settings: Record<string, unknown> } | null)?.settings ?? {};
  check(promo);
  check(website);
  return {
    campaign,
    phases: (check(phases) ?? []) as PhaseRow[],
    thresholds: workspaceThresholdOverrides(settings),
    history: history ?? [],
    promoCodeCount: promo.count ?? 0,
    websiteEventCount: website.count ?? 0,
  };
}

/** The workspace's other campaigns with their phases; a record the rules cannot read is skipped, not fatal. */
async function loadHistory(client: SupabaseClient, campaign: CampaignRow): Promise<PastCampaign[]> {
  const rows = check(
    await client
      .from('campaigns')
      .select(`id, name, objective, industry, status, campaign_phases(${PHASE_COLUMNS})`)
      .eq('workspace_id', campaign.workspace_id)
      .neq('id', campaign.id)
      .neq('status', 'draft'),
  ) as HistoryCampaignRow[];
  return historyFromCampaigns(rows ?? [], campaign.id);
}

/** The campaign as the feasibility rules read it: the tracking flags from the columns, promo codes and events. */
export function campaignRecord(bundle: CampaignBundle): CampaignRecordInput {
  const c = bundle.campaign;
  return {
    id: c.id,
    name: c.name,
    objective: c.objective,
    industry: c.industry,
    budget: c.budget === null ? null : Number(c.budget),
    currency: c.currency,
    planned_launch: c.planned_launch,
    meta_pixel_id: c.meta_pixel_id,
    ads_account_id: c.ads_account_id,
    peak_start: c.peak_start,
    peak_end: c.peak_end,
    tracking: {
      website_events: c.website_tracking || bundle.websiteEventCount > 0,
      promo_codes: c.promo_tracking || bundle.promoCodeCount > 0,
    },
  };
}

/** The phases as the domain reads them. */
export function phaseRows(bundle: CampaignBundle): PhaseRowInput[] {
  return bundle.phases.map((p) => ({ ...p }));
}

/** The body both campaign functions take. */
export const campaignRequestSchema = z.object({
  campaign_id: z.uuid({ error: 'campaign_id must be a campaign id (UUID)' }),
});
