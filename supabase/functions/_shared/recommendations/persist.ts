// Recommendation persistence: load a workspace's campaigns, phases, recent snapshots and active alerts, run the
// rules (domain/recommendations.ts) and store what they find. Written with the service client: recommendations take
// no writes from users (the caller's membership is checked before this runs).
//
// Re-runs are idempotent, keyed by (workspace_id, recommendation_key):
// - a new key is inserted (a concurrent run inserting the same key is ignored, not duplicated);
// - an open recommendation the rules still make is refreshed when its numbers changed;
// - an open recommendation the rules no longer make (the alert was reverted, last week's budget step) is withdrawn;
// - an accepted, rejected or rolled-back one is never touched: a decision is not reopened by the next run.
import type { SupabaseClient } from '@supabase/supabase-js';
import { pickSnapshotSeries } from '../analysis/index.ts';
import { addDays, toIsoDate } from '../domain/dates.ts';
import type { PhaseRowInput } from '../domain/phases.ts';
import {
  recommend,
  type BudgetConstraints,
  type RecommendationAlert,
  type RecommendationCampaign,
  type RecommendationCampaignInput,
  type RecommendationDraft,
} from '../domain/recommendations.ts';
import { resolveThresholds, workspaceThresholdOverrides, type ThresholdOverrides } from '../domain/thresholds.ts';

export interface GenerateRecommendationsOptions {
  workspaceId: string;
  /** The moment of evaluation (ISO timestamp or Date). */
  now: string | Date;
  /** Overrides of the budget constraints (else workspaces.settings.recommendation_constraints, else thresholds). */
  constraints?: BudgetConstraints | null;
}

export interface GenerateRecommendationsResult {
  workspace_id: string;
  as_of: string;
  /** Recommendations the rules made on this run. */
  generated: number;
  inserted: number;
  updated: number;
  unchanged: number;
  /** Open ones the rules no longer make, removed. */
  withdrawn: number;
  /** Keys the rules made again that were already decided: left as they are. */
  decided: number;
  recommendations: { id: string | null; kind: string; recommendation_key: string; status: string }[];
}

export class RecommendationsError extends Error {
  constructor(
    readonly step: string,
    message: string,
  ) {
    super(`Could not ${step}: ${message}`);
    this.name = 'RecommendationsError';
  }
}

/** The workspace does not exist (for the service role: at all). */
export class WorkspaceNotFoundError extends RecommendationsError {
  constructor() {
    super('load the workspace', 'not found');
    this.name = 'WorkspaceNotFoundError';
  }
}

type DbError = { message: string } | null;
/** A `performance_snapshots` row as the analysis picks one series per campaign from it. */
type SnapshotRow = Parameters<typeof pickSnapshotSeries>[0][number];

function check<T>(step: string, result: { data: T; error: DbError }): T {
  if (result.error) throw new RecommendationsError(step, result.error.message);
  return result.data;
}

const PAGE = 1000;

async function selectAll<T>(step: string, page: (from: number, to: number) => PromiseLike<{ data: unknown[] | null; error: DbError }>): Promise<T[]> {
  const out: T[] = [];
  for (let from = 0; ; from += PAGE) {
    const rows = check(step, await page(from, from + PAGE - 1)) ?? [];
    out.push(...(rows as T[]));
    if (rows.length < PAGE) return out;
  }
}

const CAMPAIGN_COLUMNS =
  'id, name, objective, status, industry, currency, budget, planned_launch, peak_start, peak_end, meta_pixel_id, website_tracking, promo_tracking';
const PHASE_COLUMNS =
  'id, campaign_id, name, position, planned_start, planned_days, actual_start, actual_end, required_assets, delivered_assets, approvals_planned, approvals_actual, teams, tools';
const ALERT_COLUMNS = 'id, campaign_id, finding_key, title, status, confidence, trigger_action_id, revert_action_id, suggested_action, correlation_data';
const REC_COLUMNS = 'id, campaign_id, kind, title, rationale, payload, score, status, source, recommendation_key';

interface ExistingRecommendation {
  id: string;
  campaign_id: string | null;
  kind: string;
  title: string;
  rationale: string | null;
  payload: Record<string, unknown>;
  score: number | string | null;
  status: string;
  source: string;
  recommendation_key: string;
}

/** JSON with sorted keys: jsonb comes back with its own key order, so compare canonical forms. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

function sameContent(row: ExistingRecommendation, draft: RecommendationDraft): boolean {
  return (
    row.title === draft.title &&
    row.rationale === draft.rationale &&
    row.campaign_id === draft.campaign_id &&
    row.kind === draft.kind &&
    Number(row.score) === draft.score &&
    canonical(row.payload) === canonical(draft.payload)
  );
}

/** The rules' input for every campaign of the workspace, as of `now`. */
export async function loadRecommendationInput(
  db: SupabaseClient,
  workspaceId: string,
  now: string | Date,
): Promise<{ campaigns: RecommendationCampaignInput[]; thresholds: ThresholdOverrides | null; constraints: BudgetConstraints | null }> {
  const workspace = check(
    'load the workspace',
    await db.from('workspaces').select('id, settings').eq('id', workspaceId).maybeSingle(),
  ) as { id: string; settings: Record<string, unknown> | null } | null;
  if (!workspace) throw new WorkspaceNotFoundError();
  const settings = workspace.settings ?? {};
  const thresholds = workspaceThresholdOverrides(settings);
  const constraints = (settings.recommendation_constraints as BudgetConstraints | undefined) ?? null;
  const windowDays = resolveThresholds(thresholds).recommendations.windowDays;
  const today = toIsoDate(now, 'now');
  const from = addDays(today, -(windowDays - 1));

  const [campaigns, phases, snapshots, alerts, promos] = await Promise.all([
    selectAll<RecommendationCampaign>('load campaigns', (a, b) =>
      db.from('campaigns').select(CAMPAIGN_COLUMNS).eq('workspace_id', workspaceId).order('id').range(a, b),
    ),
    selectAll<PhaseRowInput & { campaign_id: string }>('load phases', (a, b) =>
      db.from('campaign_phases').select(PHASE_COLUMNS).eq('workspace_id', workspaceId).order('campaign_id').order('position').range(a, b),
    ),
    selectAll<SnapshotRow & { campaign_id: string }>('load snapshots', (a, b) =>
      db
        .from('performance_snapshots')
        .select(`campaign_id, date, data_source, sales, revenue, spend, roas, cpa, impressions, clicks, conversions`)
        .eq('workspace_id', workspaceId)
        .gte('date', from)
        .lte('date', today)
        .order('campaign_id')
        .order('date')
        .order('data_source')
        .range(a, b),
    ),
    selectAll<RecommendationAlert & { campaign_id: string }>('load alerts', (a, b) =>
      db.from('ai_alerts').select(ALERT_COLUMNS).eq('workspace_id', workspaceId).eq('status', 'active').order('id').range(a, b),
    ),
    selectAll<{ campaign_id: string }>('load promo codes', (a, b) =>
      db.from('promo_codes').select('campaign_id').eq('workspace_id', workspaceId).eq('active', true).order('id').range(a, b),
    ),
  ]);

  const withPromo = new Set(promos.map((p) => p.campaign_id));
  // Website events count as tracking even without the flag; asked only where the rule would otherwise fire.
  const websiteEvents = new Set<string>();
  for (const c of campaigns) {
    if (c.objective !== 'sales' || c.website_tracking || !['draft', 'planned', 'active'].includes(c.status)) continue;
    const { count, error } = await db
      .from('tracking_events')
      .select('id', { count: 'exact', head: true })
      .eq('campaign_id', c.id)
      .eq('source', 'website');
    if (error) throw new RecommendationsError('count website events', error.message);
    if ((count ?? 0) > 0) websiteEvents.add(c.id);
  }

  const group = <T extends { campaign_id: string }>(rows: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const r of rows) map.set(r.campaign_id, [...(map.get(r.campaign_id) ?? []), r]);
    return map;
  };
  const phasesBy = group(phases);
  const snapshotsBy = group(snapshots);
  const alertsBy = group(alerts);

  return {
    thresholds,
    constraints,
    campaigns: campaigns.map((c) => ({
      campaign: { ...c, tracking: { website_events: websiteEvents.has(c.id), promo_codes: withPromo.has(c.id) } },
      phases: (phasesBy.get(c.id) ?? []).map(({ campaign_id: _c, ...p }) => p),
      snapshots: pickSnapshotSeries(snapshotsBy.get(c.id) ?? []).map((s) => ({ date: s.date, spend: s.spend, revenue: s.revenue, roas: s.roas })),
      alerts: alertsBy.get(c.id) ?? [],
    })),
  };
}

/** Runs the rules over a workspace and stores the result idempotently (see the file header). */
export async function generateRecommendations(db: SupabaseClient, options: GenerateRecommendationsOptions): Promise<GenerateRecommendationsResult> {
  const { workspaceId, now } = options;
  const input = await loadRecommendationInput(db, workspaceId, now);
  const drafts = recommend({
    campaigns: input.campaigns,
    constraints: { ...(input.constraints ?? {}), ...(options.constraints ?? {}) },
    now,
    thresholds: input.thresholds,
  });

  const existing = await selectAll<ExistingRecommendation>('load existing recommendations', (a, b) =>
    db.from('recommendations').select(REC_COLUMNS).eq('workspace_id', workspaceId).order('id').range(a, b),
  );
  const byKey = new Map(existing.map((r) => [r.recommendation_key, r]));
  const draftKeys = new Set(drafts.map((d) => d.recommendation_key));
  const result: GenerateRecommendationsResult = {
    workspace_id: workspaceId,
    as_of: toIsoDate(now, 'now'),
    generated: drafts.length,
    inserted: 0,
    updated: 0,
    unchanged: 0,
    withdrawn: 0,
    decided: 0,
    recommendations: [],
  };

  const fresh = drafts.filter((d) => !byKey.has(d.recommendation_key));
  if (fresh.length > 0) {
    const rows = fresh.map((d) => ({
      workspace_id: workspaceId,
      campaign_id: d.campaign_id,
      kind: d.kind,
      title: d.title,
      rationale: d.rationale.slice(0, 4000),
      payload: d.payload,
      score: d.score,
      status: 'open',
      source: 'rules',
      recommendation_key: d.recommendation_key,
    }));
    const inserted = check(
      'store recommendations',
      await db.from('recommendations').upsert(rows, { onConflict: 'workspace_id,recommendation_key', ignoreDuplicates: true }).select('id, recommendation_key, status'),
    ) as { id: string; recommendation_key: string; status: string }[] | null;
    for (const row of inserted ?? []) byKey.set(row.recommendation_key, { ...(row as ExistingRecommendation), status: row.status });
    result.inserted = inserted?.length ?? 0;
  }

  for (const draft of drafts) {
    const row = byKey.get(draft.recommendation_key);
    if (!row || fresh.includes(draft)) continue;
    if (row.status !== 'open') {
      result.decided++;
      continue;
    }
    if (sameContent(row, draft)) {
      result.unchanged++;
      continue;
    }
    // Only while still open: a decision taken meanwhile wins.
    check(
      'refresh a recommendation',
      await db
        .from('recommendations')
        .update({ campaign_id: draft.campaign_id, kind: draft.kind, title: draft.title, rationale: draft.rationale.slice(0, 4000), payload: draft.payload, score: draft.score })
        .eq('id', row.id)
        .eq('status', 'open'),
    );
    result.updated++;
  }

  const stale = existing.filter((r) => r.status === 'open' && r.source === 'rules' && !draftKeys.has(r.recommendation_key));
  if (stale.length > 0) {
    const removed = check(
      'withdraw stale recommendations',
      await db
        .from('recommendations')
        .delete()
        .in('id', stale.map((r) => r.id))
        .eq('status', 'open')
        .select('id'),
    ) as { id: string }[] | null;
    result.withdrawn = removed?.length ?? 0;
  }

  result.recommendations = drafts.map((d) => {
    const row = byKey.get(d.recommendation_key);
    return { id: row?.id ?? null, kind: d.kind, recommendation_key: d.recommendation_key, status: row?.status ?? 'open' };
  });
  return result;
}
