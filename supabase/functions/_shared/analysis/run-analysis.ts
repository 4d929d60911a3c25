/**
 * Correlation analysis against the database: load each campaign's recent actions, daily snapshots and phases, run
 * the rules engine, let DeepSeek explain (never decide), and write correlations, ai_alerts and one analysis_runs row
 * per campaign. Idempotent: rows are upserted on (campaign_id, finding_key), so a re-run refreshes instead of
 * duplicating, and an alert someone resolved or dismissed is never re-activated or rewritten.
 *
 * Runs with the service-role client (these tables have no insert policy for users); callers that act for a user
 * check the user's access first (the edge function does, through RLS).
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { DeepSeekOptions, LlmRun } from '../ai/deepseek.ts';
import { analyzeCampaign, type CampaignAnalysis } from './analyze-campaign.ts';
import { resolveThresholds, workspaceThresholdOverrides, type ThresholdOverrides } from '../domain/thresholds.ts';
import {
  type ActionEffect,
  actionEffectSchema,
  type CausePrior,
  causePriorsFromDismissals,
  type Dismissal,
  dismissalSchema,
} from '../domain/correlation/index.ts';
import {
  type ActionRowForAnalysis,
  type AlertInsert,
  alertRow,
  type AnalysisWindow,
  analysisWindow,
  type CampaignRowForAnalysis,
  correlationRow,
  llmRunColumns,
  type PhaseRowForAnalysis,
  type SnapshotRow,
  toCampaignInput,
} from './mapping.ts';

export type AnalysisTrigger = 'manual' | 'schedule' | 'cli' | 'seed';

export interface RunAnalysisOptions {
  /** Only this workspace's campaigns (all workspaces when absent: the scheduled run). */
  workspaceId?: string | null;
  /** Only these campaigns (analysed even without recent actions). Default: every campaign with an action in the window. */
  campaignIds?: readonly string[] | null;
  trigger: AnalysisTrigger;
  /** Evaluation instant, ISO (default: the clock). Alerts are stamped with it. */
  now?: string;
  /** DeepSeek settings; null or no apiKey → rules only (outcome no_key). */
  deepseek?: DeepSeekOptions | null;
  /** Actions analysed: those of the last N hours (default 48). */
  actionsWindowHours?: number;
  /** Daily data read: the last N complete days plus today (default 7; extended back when the action window needs a baseline). */
  dataWindowDays?: number;
  /** The user who asked for the run (analysis_runs.created_by). */
  createdBy?: string | null;
  log?: (message: string) => void;
}

export interface CampaignRunResult {
  campaign_id: string;
  workspace_id: string;
  /** analysis_runs.id of this campaign's run (null if even the run row could not be written). */
  run_id: string | null;
  status: 'succeeded' | 'failed';
  source: 'rules' | 'llm';
  llm_outcome: LlmRun['outcome'] | null;
  findings: number;
  correlations_written: number;
  /** Alerts inserted or refreshed (still active ones). */
  alerts_written: number;
  alerts_created: number;
  alerts_resolved: number;
  /** Alerts left untouched because someone resolved or dismissed them. */
  alerts_kept: number;
  alert_ids: string[];
  error?: string;
}

export interface RunAnalysisResult {
  now: string;
  window: AnalysisWindow;
  campaigns: CampaignRunResult[];
  correlations_written: number;
  alerts_written: number;
  alerts_created: number;
  alerts_resolved: number;
  failed: number;
}

interface DbError {
  message: string;
  code?: string;
}

class AnalysisDataError extends Error {
  constructor(action: string, error: DbError) {
    super(`Could not ${action}: ${error.message}${error.code ? ` (${error.code})` : ''}`);
  }
}

function check<T>(action: string, result: { data: T | null; error: DbError | null }): T {
  if (result.error) throw new AnalysisDataError(action, result.error);
  return result.data as T;
}

const PAGE = 1000;

/** Reads every row of a query, a page at a time (PostgREST may cap a response). */
async function selectAll<T>(
  action: string,
  page: (from: number, to: number) => PromiseLike<{ data: unknown[] | null; error: DbError | null }>,
): Promise<T[]> {
  const out: T[] = [];
  for (let from = 0; ; from += PAGE) {
    const rows = check(action, await page(from, from + PAGE - 1)) ?? [];
    out.push(...(rows as T[]));
    if (rows.length < PAGE) return out;
  }
}

const CAMPAIGN_COLUMNS = 'id, workspace_id, name, objective, primary_kpi, kpi_target, planned_launch, peak_start, peak_end';
const ACTION_COLUMNS = 'id, action_type, title, description, occurred_at, status, metadata, reverts_action_id';
const SNAPSHOT_COLUMNS = 'date, data_source, sales, revenue, spend, roas, cpa, impressions, clicks, conversions';

/** Campaigns to analyse: the ones named, or every campaign (of the workspace) with an action in the window. */
async function selectCampaigns(
  db: SupabaseClient,
  opts: RunAnalysisOptions,
  window: AnalysisWindow,
  now: string,
): Promise<CampaignRowForAnalysis[]> {
  let ids: string[];
  if (opts.campaignIds && opts.campaignIds.length > 0) {
    ids = [...new Set(opts.campaignIds)];
  } else {
    const rows = await selectAll<{ campaign_id: string }>('list recent actions', (from, to) => {
      let q = db
        .from('marketer_actions')
        .select('campaign_id')
        .neq('status', 'planned')
        .gte('occurred_at', window.actionsSince)
        .lte('occurred_at', now);
      if (opts.workspaceId) q = q.eq('workspace_id', opts.workspaceId);
      return q.order('id').range(from, to);
    });
    ids = [...new Set(rows.map((r) => r.campaign_id))];
  }
  const campaigns: CampaignRowForAnalysis[] = [];
  for (let i = 0; i < ids.length; i += 100) {
    let q = db.from('campaigns').select(CAMPAIGN_COLUMNS).in('id', ids.slice(i, i + 100));
    if (opts.workspaceId) q = q.eq('workspace_id', opts.workspaceId);
    campaigns.push(...(check('load campaigns', await q) as CampaignRowForAnalysis[]));
  }
  return campaigns.sort((a, b) => a.id.localeCompare(b.id));
}

async function workspaceThresholds(db: SupabaseClient, workspaceId: string): Promise<ThresholdOverrides | null> {
  const row = check('load workspace settings', await db.from('workspaces').select('settings').eq('id', workspaceId).maybeSingle()) as {
    settings: unknown;
  } | null;
  return workspaceThresholdOverrides(row?.settings);
}

/**
 * The workspace's cause priors: every alert dismissed as "wrong cause" or "noise" lowers the prior for its action
 * type and lead metric (expected changes teach nothing).
 */
async function workspacePriors(db: SupabaseClient, workspaceId: string): Promise<CausePrior[]> {
  const alerts = check(
    'load dismissals',
    await db
      .from('ai_alerts')
      .select('trigger_action_id, dismiss_reason, correlation_data')
      .eq('workspace_id', workspaceId)
      .eq('status', 'dismissed')
      .in('dismiss_reason', ['wrong_cause', 'noise']),
  ) as Array<{ trigger_action_id: string | null; dismiss_reason: string; correlation_data: { affected_metrics?: unknown } }>;
  const ids = [...new Set(alerts.map((a) => a.trigger_action_id).filter((id): id is string => !!id))];
  if (ids.length === 0) return [];
  const actions = check('load dismissed actions', await db.from('marketer_actions').select('id, action_type').in('id', ids)) as Array<{ id: string; action_type: string }>;
  const typeOf = new Map(actions.map((a) => [a.id, a.action_type]));
  const dismissals: Dismissal[] = [];
  for (const a of alerts) {
    const metrics = Array.isArray(a.correlation_data?.affected_metrics) ? a.correlation_data.affected_metrics : [];
    const parsed = dismissalSchema.safeParse({ action_type: a.trigger_action_id ? typeOf.get(a.trigger_action_id) : undefined, metric: metrics[0], reason: a.dismiss_reason });
    if (parsed.success) dismissals.push(parsed.data);
  }
  return causePriorsFromDismissals(dismissals);
}

/** Upserts the estimated effect of every completed action of the campaign (one row per action). */
async function persistEffects(db: SupabaseClient, campaign: CampaignRowForAnalysis, effects: readonly ActionEffect[], now: string): Promise<number> {
  if (effects.length === 0) return 0;
  const rows = effects.map((e) => {
    const row = actionEffectSchema.parse(e);
    return { ...row, workspace_id: campaign.workspace_id, campaign_id: campaign.id, computed_at: now };
  });
  check('write action effects', await db.from('action_effects').upsert(rows, { onConflict: 'action_id' }));
  return rows.length;
}

interface LoadedCampaign {
  actions: ActionRowForAnalysis[];
  snapshots: SnapshotRow[];
  phases: PhaseRowForAnalysis[];
}

async function loadCampaignData(db: SupabaseClient, campaignId: string, window: AnalysisWindow, now: string): Promise<LoadedCampaign> {
  const [actions, snapshots, phases] = await Promise.all([
    selectAll<ActionRowForAnalysis>('load actions', (from, to) =>
      db
        .from('marketer_actions')
        .select(ACTION_COLUMNS)
        .eq('campaign_id', campaignId)
        .gte('occurred_at', `${window.dataFrom}T00:00:00Z`)
        .lte('occurred_at', now)
        .order('occurred_at')
        .order('id')
        .range(from, to),
    ),
    selectAll<SnapshotRow>('load snapshots', (from, to) =>
      db
        .from('performance_snapshots')
        .select(SNAPSHOT_COLUMNS)
        .eq('campaign_id', campaignId)
        .gte('date', window.dataFrom)
        .lte('date', window.dataTo)
        .order('date')
        .order('data_source')
        .range(from, to),
    ),
    db.from('campaign_phases').select('name, position, planned_days, actual_start, actual_end').eq('campaign_id', campaignId),
  ]);
  return { actions, snapshots, phases: check('load phases', phases) as PhaseRowForAnalysis[] };
}

/** Rules, then DeepSeek on the findings of actions inside the action window. Never throws on model failures. */
async function analyse(
  campaign: CampaignRowForAnalysis,
  data: LoadedCampaign,
  opts: { now: string; window: AnalysisWindow; thresholds: ThresholdOverrides | null; deepseek: DeepSeekOptions | null; priors: CausePrior[] },
): Promise<CampaignAnalysis> {
  const since = Date.parse(opts.window.actionsSince);
  const inWindow = new Set(data.actions.filter((a) => Date.parse(a.occurred_at) >= since).map((a) => a.id));
  return await analyzeCampaign(toCampaignInput(campaign, data.actions, data.snapshots, data.phases), {
    now: opts.now,
    thresholds: opts.thresholds,
    deepseek: opts.deepseek,
    priors: opts.priors,
    includeAction: (actionId) => inWindow.has(actionId),
  });
}

/**
 * Colours the board from the evidence: a card whose change the engine tied to a confident rise or drop gets that
 * impact. Only cards still 'neutral' change, so a marketer's own judgement is never overwritten.
 */
async function markActionImpact(db: SupabaseClient, alerts: CampaignAnalysis['alerts']): Promise<void> {
  for (const impact of ['positive', 'negative'] as const) {
    const ids = [...new Set(alerts.filter((a) => a.impact === impact && a.trigger_action_id).map((a) => a.trigger_action_id))];
    if (ids.length === 0) continue;
    check('mark action impact', await db.from('marketer_actions').update({ impact }).in('id', ids).eq('impact', 'neutral'));
  }
}

/** Writes one campaign's correlations and alerts; returns what was written. */
async function persist(
  db: SupabaseClient,
  campaign: CampaignRowForAnalysis,
  outcome: CampaignAnalysis,
  opts: { now: string; tolerance: number },
): Promise<Pick<CampaignRunResult, 'correlations_written' | 'alerts_written' | 'alerts_created' | 'alerts_resolved' | 'alerts_kept' | 'alert_ids'>> {
  const result = { correlations_written: 0, alerts_written: 0, alerts_created: 0, alerts_resolved: 0, alerts_kept: 0, alert_ids: [] as string[] };
  const correlationIds = new Map<string, string>();
  if (outcome.findings.length > 0) {
    const rows = outcome.findings.map((f) => correlationRow(f, campaign.workspace_id, opts.now));
    const written = check(
      'write correlations',
      await db.from('correlations').upsert(rows, { onConflict: 'campaign_id,finding_key' }).select('id, finding_key'),
    ) as { id: string; finding_key: string }[];
    for (const r of written) correlationIds.set(r.finding_key, r.id);
    result.correlations_written = written.length;
  }

  const alerts = outcome.alerts;
  if (alerts.length === 0) return result;
  await markActionImpact(db, alerts);
  const existing = check(
    'read existing alerts',
    await db
      .from('ai_alerts')
      .select('id, finding_key, status, detected_at')
      .eq('campaign_id', campaign.id)
      .in('finding_key', alerts.map((a) => a.finding_key)),
  ) as { id: string; finding_key: string; status: string; detected_at: string }[];
  const byKey = new Map(existing.map((e) => [e.finding_key, e]));
  const leads = new Map(outcome.findings.map((f) => [f.finding_key, f]));

  const upserts: AlertInsert[] = [];
  const recoveredNew: AlertInsert[] = [];
  const recoveredExisting: string[] = [];
  for (const alert of alerts) {
    const lead = leads.get(alert.finding_key);
    if (!lead) continue;
    const previous = byKey.get(alert.finding_key);
    if (previous && previous.status !== 'active') {
      // Resolved or dismissed by someone (or by recovery): history stays as it was.
      result.alerts_kept += 1;
      result.alert_ids.push(previous.id);
      continue;
    }
    const row = alertRow(alert, lead, {
      workspaceId: campaign.workspace_id,
      correlationId: correlationIds.get(alert.finding_key) ?? null,
      tolerance: opts.tolerance,
      diagnosis: outcome.diagnosis,
    });
    if (previous) row.detected_at = previous.detected_at;
    const recovered = alert.correlation_data.recovered && 'recovery' in row.correlation_data;
    if (recovered && !previous) recoveredNew.push(row);
    else upserts.push(row);
    if (recovered && previous) recoveredExisting.push(previous.id);
  }

  if (upserts.length > 0) {
    // No status in the payload: a new row starts active, an existing one keeps its status.
    const written = check(
      'write alerts',
      await db.from('ai_alerts').upsert(upserts, { onConflict: 'campaign_id,finding_key' }).select('id, finding_key'),
    ) as { id: string; finding_key: string }[];
    result.alerts_written += written.length;
    result.alerts_created += written.filter((w) => !byKey.has(w.finding_key)).length;
    result.alert_ids.push(...written.map((w) => w.id));
  }
  const note = 'The metric was already back within tolerance of its baseline when the analysis ran.';
  if (recoveredNew.length > 0) {
    const written = check(
      'write recovered alerts',
      await db
        .from('ai_alerts')
        .upsert(
          recoveredNew.map((r) => ({ ...r, status: 'resolved', resolved_at: opts.now, resolution_note: note })),
          { onConflict: 'campaign_id,finding_key', ignoreDuplicates: true },
        )
        .select('id'),
    ) as { id: string }[];
    result.alerts_written += written.length;
    result.alerts_created += written.length;
    result.alerts_resolved += written.length;
    result.alert_ids.push(...written.map((w) => w.id));
  }
  if (recoveredExisting.length > 0) {
    const resolved = check(
      'resolve recovered alerts',
      await db
        .from('ai_alerts')
        .update({ status: 'resolved', resolved_at: opts.now, resolution_note: note })
        .in('id', recoveredExisting)
        .eq('status', 'active')
        .select('id'),
    ) as { id: string }[];
    result.alerts_resolved += resolved.length;
  }
  return result;
}

function errorMessage(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).slice(0, 2000);
}

/**
 * Analyses the selected campaigns one by one. A failing campaign is logged (analysis_runs.status = 'failed') and
 * the others still run; DeepSeek failures are not failures: the rules result is stored with source 'rules' and the
 * call's outcome goes to analysis_runs.llm_outcome.
 */
export async function runAnalysis(db: SupabaseClient, options: RunAnalysisOptions): Promise<RunAnalysisResult> {
  const now = options.now ?? new Date().toISOString();
  const window = analysisWindow(now, options.actionsWindowHours ?? 48, options.dataWindowDays ?? 7);
  const log = options.log ?? (() => undefined);
  const campaigns = await selectCampaigns(db, options, window, now);
  const thresholdsByWorkspace = new Map<string, ThresholdOverrides | null>();
  const priorsByWorkspace = new Map<string, CausePrior[]>();
  const results: CampaignRunResult[] = [];

  for (const campaign of campaigns) {
    const base: CampaignRunResult = {
      campaign_id: campaign.id,
      workspace_id: campaign.workspace_id,
      run_id: null,
      status: 'failed',
      source: 'rules',
      llm_outcome: null,
      findings: 0,
      correlations_written: 0,
      alerts_written: 0,
      alerts_created: 0,
      alerts_resolved: 0,
      alerts_kept: 0,
      alert_ids: [],
    };
    let llm: ReturnType<typeof llmRunColumns> | null = null;
    try {
      const run = check(
        'start the analysis run',
        await db
          .from('analysis_runs')
          .insert({
            workspace_id: campaign.workspace_id,
            campaign_ids: [campaign.id],
            trigger: options.trigger,
            status: 'running',
            created_by: options.createdBy ?? null,
          })
          .select('id')
          .single(),
      ) as { id: string };
      base.run_id = run.id;

      if (!thresholdsByWorkspace.has(campaign.workspace_id)) {
        thresholdsByWorkspace.set(campaign.workspace_id, await workspaceThresholds(db, campaign.workspace_id));
      }
      const thresholds = thresholdsByWorkspace.get(campaign.workspace_id) ?? null;
      const data = await loadCampaignData(db, campaign.id, window, now);
      if (!priorsByWorkspace.has(campaign.workspace_id)) priorsByWorkspace.set(campaign.workspace_id, await workspacePriors(db, campaign.workspace_id));
      const priors = priorsByWorkspace.get(campaign.workspace_id) ?? [];
      const outcome = await analyse(campaign, data, { now, window, thresholds, deepseek: options.deepseek ?? null, priors });
      llm = llmRunColumns(outcome.run);
      base.source = outcome.source;
      base.llm_outcome = outcome.run.outcome;
      base.findings = outcome.findings.length;
      const tolerance = resolveThresholds(thresholds).correlation.recoveryTolerance;
      Object.assign(base, await persist(db, campaign, outcome, { now, tolerance }));
      await persistEffects(db, campaign, outcome.effects, now);
      base.status = 'succeeded';
      check(
        'finish the analysis run',
        await db
          .from('analysis_runs')
          .update({
            status: 'succeeded',
            finished_at: new Date().toISOString(),
            correlations_written: base.correlations_written,
            alerts_written: base.alerts_written,
            alerts_resolved: base.alerts_resolved,
            ...llm,
          })
          .eq('id', run.id),
      );
      log(`${campaign.id}: ${base.findings} finding(s), ${base.alerts_written} alert(s) written, source ${base.source} (${base.llm_outcome})`);
    } catch (error) {
      base.status = 'failed';
      base.error = errorMessage(error);
      log(`${campaign.id}: failed: ${base.error}`);
      if (base.run_id) {
        await db
          .from('analysis_runs')
          .update({
            status: 'failed',
            finished_at: new Date().toISOString(),
            correlations_written: base.correlations_written,
            alerts_written: base.alerts_written,
            alerts_resolved: base.alerts_resolved,
            ...(llm ?? {}),
            error: [llm?.error, base.error].filter(Boolean).join(' — ').slice(0, 2000),
          })
          .eq('id', base.run_id);
      }
    }
    results.push(base);
  }

  const sum = (k: 'correlations_written' | 'alerts_written' | 'alerts_created' | 'alerts_resolved') =>
    results.reduce((n, r) => n + r[k], 0);
  return {
    now,
    window,
    campaigns: results,
    correlations_written: sum('correlations_written'),
    alerts_written: sum('alerts_written'),
    alerts_created: sum('alerts_created'),
    alerts_resolved: sum('alerts_resolved'),
    failed: results.filter((r) => r.status === 'failed').length,
  };
}
