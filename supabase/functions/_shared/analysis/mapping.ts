/**
 * Pure mapping between database rows and the correlation engine: rows → engine input, engine findings and alerts →
 * correlations / ai_alerts rows. No I/O; `run-analysis.ts` does the reading and writing.
 */
import type { EnrichedFinding, LlmRun } from '../ai/deepseek.ts';
import { elapsedDays } from '../domain/dates.ts';
import type { CampaignInputRaw, CorrelationAlert, Diagnosis, Metric, SnapshotInput } from '../domain/correlation/index.ts';

const MS_PER_HOUR = 3_600_000;
const MS_PER_DAY = 86_400_000;

export interface AnalysisWindow {
  /** Actions that occurred at or after this instant are analysed (ISO). */
  actionsSince: string;
  /** Snapshot dates from … to, inclusive (YYYY-MM-DD). */
  dataFrom: string;
  dataTo: string;
}

/**
 * The action window (last `actionsWindowHours`, default 48 h) and the data window: the last `dataWindowDays` complete
 * days (snapshots land at midnight, docs/domain-rules.md, Correlation engine) plus today's, if one was already written.
 */
export function analysisWindow(now: string, actionsWindowHours = 48, dataWindowDays = 7): AnalysisWindow {
  const at = Date.parse(now);
  if (!Number.isFinite(at)) throw new Error(`Invalid "now": ${now}`);
  const today = Math.floor(at / MS_PER_DAY);
  const fromDay = today - Math.max(1, Math.ceil(dataWindowDays));
  // The data must reach back past the oldest action in the window, or its baseline would be empty.
  const oldestActionDay = Math.floor((at - actionsWindowHours * MS_PER_HOUR) / MS_PER_DAY);
  const dataFromDay = Math.min(fromDay, oldestActionDay - 3);
  return {
    actionsSince: new Date(at - actionsWindowHours * MS_PER_HOUR).toISOString(),
    dataFrom: new Date(dataFromDay * MS_PER_DAY).toISOString().slice(0, 10),
    dataTo: new Date(today * MS_PER_DAY).toISOString().slice(0, 10),
  };
}

export interface SnapshotRow {
  date: string;
  data_source: string;
  sales: number | string | null;
  revenue: number | string | null;
  spend: number | string | null;
  roas: number | string | null;
  cpa: number | string | null;
  impressions: number | string | null;
  clicks: number | string | null;
  conversions: number | string | null;
}

/** Tie-break between sources that cover the same number of days: the ads platform first, hand-typed numbers last. */
const SOURCE_PREFERENCE = ['meta_ads', 'meta_pixel', 'website', 'promo_code', 'manual', 'seed'];

/**
 * One series per campaign: the data source covering the most days (ties by SOURCE_PREFERENCE). Sources are never
 * summed (the pixel and the ads API report the same sales) nor mixed day by day (a switch would look like a shift).
 */
export function pickSnapshotSeries(rows: readonly SnapshotRow[]): SnapshotInput[] {
  if (rows.length === 0) return [];
  const days = new Map<string, number>();
  for (const r of rows) days.set(r.data_source, (days.get(r.data_source) ?? 0) + 1);
  const rank = (s: string) => {
    const i = SOURCE_PREFERENCE.indexOf(s);
    return i === -1 ? SOURCE_PREFERENCE.length : i;
  };
  const source = [...days.entries()].sort((a, b) => b[1] - a[1] || rank(a[0]) - rank(b[0]))[0][0];
  const num = (v: number | string | null) => (v === null || v === '' ? null : Number.isFinite(Number(v)) ? Number(v) : null);
  return rows
    .filter((r) => r.data_source === source)
    .sort((a, b) => a.date.localeCompare(b.date))
    .map((r) => ({
      date: r.date,
      sales: num(r.sales),
      revenue: num(r.revenue),
      spend: num(r.spend),
      roas: num(r.roas),
      cpa: num(r.cpa),
      impressions: num(r.impressions),
      clicks: num(r.clicks),
      conversions: num(r.conversions),
    }));
}

export interface CampaignRowForAnalysis {
  id: string;
  workspace_id: string;
  name: string;
  objective: string;
  primary_kpi: string | null;
  kpi_target: number | string | null;
  planned_launch: string | null;
  peak_start: string | null;
  peak_end: string | null;
}

export interface ActionRowForAnalysis {
  id: string;
  action_type: string;
  title: string;
  description: string | null;
  occurred_at: string;
  status: string;
  metadata: unknown;
  reverts_action_id: string | null;
}

export interface PhaseRowForAnalysis {
  name: string;
  position: number;
  planned_days: number;
  actual_start: string | null;
  actual_end: string | null;
  is_launch?: boolean | null;
}

const KPIS = ['sales', 'roas', 'cpa', 'engagement'] as const;

/** Database rows → the engine's campaign input. A finished phase took its elapsed days, as drift counts them (dates.ts). */
export function toCampaignInput(
  campaign: CampaignRowForAnalysis,
  actions: readonly ActionRowForAnalysis[],
  snapshots: readonly SnapshotRow[],
  phases: readonly PhaseRowForAnalysis[],
): CampaignInputRaw {
  const sortedPhases = [...phases].sort((a, b) => a.position - b.position);
  const launch = sortedPhases.find((p) => p.is_launch) ?? sortedPhases.find((p) => p.name.trim().toLowerCase() === 'launch');
  const kpi = (KPIS as readonly string[]).includes(campaign.primary_kpi ?? '') ? (campaign.primary_kpi as (typeof KPIS)[number]) : null;
  const target = campaign.kpi_target === null ? null : Number(campaign.kpi_target);
  return {
    id: campaign.id,
    name: campaign.name,
    objective: campaign.objective,
    primary_kpi: kpi,
    kpi_target: target !== null && Number.isFinite(target) ? target : null,
    actions: actions.map((a) => ({
      id: a.id,
      action_type: a.action_type,
      title: a.title,
      description: a.description,
      occurred_at: a.occurred_at,
      status: a.status,
      metadata: a.metadata && typeof a.metadata === 'object' && !Array.isArray(a.metadata) ? (a.metadata as Record<string, unknown>) : {},
      reverts_action_id: a.reverts_action_id,
    })),
    snapshots: pickSnapshotSeries(snapshots),
    execution: {
      planned_launch: campaign.planned_launch,
      actual_launch: launch?.actual_start?.slice(0, 10) ?? null, // the engine takes a calendar date; the column is a timestamp
      peak_window_start: campaign.peak_start,
      peak_window_end: campaign.peak_end,
      phases: sortedPhases
        .filter((p) => p.planned_days > 0)
        .map((p) => ({
          name: p.name,
          planned_days: p.planned_days,
          actual_days: p.actual_start && p.actual_end ? elapsedDays(p.actual_start, p.actual_end, p.name) : null,
        })),
    },
  };
}

/** What the database trigger `resolve_recovered_alerts` watches (migration 20261121000500). */
export interface AlertRecovery {
  metric: Metric;
  baseline: number;
  /** Fraction (0.1 = within 10 % of the baseline). */
  tolerance: number;
  direction: 'decrease' | 'increase';
  /** Only days after this date count as recovery (the last day this analysis saw). */
  after_date: string;
}

/**
 * Recovery watch for an alert on a harmful move (a decline of a metric where higher is better, or CPA rising): back
 * within `tolerance` of the pre-action baseline on a later day resolves it. Improvements need no recovery: null.
 */
export function recoveryFor(lead: EnrichedFinding, tolerance: number): AlertRecovery | null {
  if (lead.impact !== 'negative' || !(lead.baseline_level > 0)) return null;
  return {
    metric: lead.metric,
    baseline: lead.baseline_level,
    tolerance,
    direction: lead.direction,
    after_date: lead.recovery.latest_date ?? lead.onset_date,
  };
}

export type DbStrength = 'strong' | 'moderate' | 'weak';

export function toDbStrength(strength: string): DbStrength {
  const s = strength.toLowerCase();
  return s === 'strong' || s === 'moderate' ? s : 'weak';
}

/** correlations.change_pct is numeric(10,2); confidence numeric(4,3) in [0, 1]. */
function clampConfidence(value: number): number {
  return Math.min(1, Math.max(0, Math.round(value * 1000) / 1000));
}

export interface CorrelationInsert {
  workspace_id: string;
  campaign_id: string;
  action_id: string;
  metric: Metric;
  change_pct: number;
  lag_hours: number | null;
  strength: DbStrength;
  confidence: number;
  method: 'rules' | 'llm';
  insight: string | null;
  details: Record<string, unknown>;
  finding_key: string;
  detected_at: string;
}

/** One finding → one correlations row (upserted on campaign_id + finding_key). */
export function correlationRow(finding: EnrichedFinding, workspaceId: string, detectedAt: string): CorrelationInsert {
  return {
    workspace_id: workspaceId,
    campaign_id: finding.campaign_id,
    action_id: finding.action_id,
    metric: finding.metric,
    change_pct: Math.round(finding.change_pct * 100) / 100,
    lag_hours: Number.isFinite(finding.lag_hours) ? Math.max(0, Math.round(finding.lag_hours * 100) / 100) : null,
    strength: toDbStrength(finding.strength),
    confidence: clampConfidence(finding.confidence),
    method: finding.source,
    insight: finding.insight ? finding.insight.slice(0, 2000) : null,
    details: {
      direction: finding.direction,
      impact: finding.impact,
      severity: finding.severity,
      alert: finding.alert,
      is_revert: finding.is_revert,
      change_interval: finding.change_interval,
      observed_mean: finding.observed_mean,
      counterfactual_mean: finding.counterfactual_mean,
      baseline_level: finding.baseline_level,
      z_score: finding.z_score,
      onset_date: finding.onset_date,
      effect_days: finding.effect_days,
      persistence: finding.persistence,
      confounders: finding.confounders,
      attribution_share: finding.attribution_share,
      reversal_confirmed: finding.reversal_confirmed,
      rationale: finding.rationale,
      counterfactual: finding.counterfactual,
      recovery: finding.recovery,
      recommendation: finding.recommendation,
      ...(finding.failure_type ? { failure_type: finding.failure_type } : {}),
      ...(finding.llm_confidence_label ? { llm_confidence_label: finding.llm_confidence_label } : {}),
    },
    finding_key: finding.finding_key,
    detected_at: detectedAt,
  };
}

export interface AlertInsert {
  workspace_id: string;
  campaign_id: string;
  correlation_id: string | null;
  trigger_action_id: string;
  severity: 'high' | 'medium' | 'low';
  title: string;
  description: string;
  detected_at: string;
  correlation_data: Record<string, unknown>;
  suggested_action: Record<string, unknown> | null;
  confidence: number;
  source: 'rules' | 'llm';
  finding_key: string;
}

/**
 * One engine alert → one ai_alerts row. correlation_data keeps the engine's fields (docs/domain-rules.md, Correlation engine: alerts) and adds
 * what the dashboard draws and the database trigger watches: the lead metric's counterfactual series, the insight,
 * the recommendation, the action as it was, the diagnosis, and `recovery`.
 */
export function alertRow(
  alert: CorrelationAlert,
  lead: EnrichedFinding,
  opts: { workspaceId: string; correlationId: string | null; tolerance: number; diagnosis?: Diagnosis | null },
): AlertInsert {
  const recovery = recoveryFor(lead, opts.tolerance);
  return {
    workspace_id: opts.workspaceId,
    campaign_id: alert.campaign_id,
    correlation_id: opts.correlationId,
    trigger_action_id: alert.trigger_action_id,
    severity: alert.severity,
    title: alert.title.slice(0, 200),
    description: alert.description.slice(0, 2000),
    detected_at: alert.detected_at,
    correlation_data: {
      ...alert.correlation_data,
      metric: alert.metric,
      change_pct: alert.change_pct,
      impact: alert.impact,
      strength: alert.strength,
      direction: lead.direction,
      onset_date: lead.onset_date,
      observed_mean: lead.observed_mean,
      counterfactual_mean: lead.counterfactual_mean,
      baseline_level: lead.baseline_level,
      counterfactual: lead.counterfactual,
      insight: lead.insight,
      recommendation: lead.recommendation,
      action: {
        id: lead.action_id,
        action_type: lead.action_type,
        title: lead.action_title,
        occurred_at: lead.action_occurred_at,
      },
      ...(opts.diagnosis
        ? { diagnosis: { failure_type: opts.diagnosis.failure_type, insight: opts.diagnosis.insight } }
        : {}),
      ...(recovery ? { recovery } : {}),
    },
    suggested_action: alert.suggested_action ? { ...alert.suggested_action } : null,
    confidence: clampConfidence(alert.confidence),
    source: alert.source,
    finding_key: alert.finding_key,
  };
}

/** The analysis_runs columns of one campaign's LLM call (or non-call: no_key, skipped). */
export function llmRunColumns(run: LlmRun): {
  model: string;
  llm_outcome: string;
  prompt_tokens: number | null;
  completion_tokens: number | null;
  latency_ms: number | null;
  error: string | null;
} {
  const rejected = run.rejected.length > 0 ? `rejected: ${run.rejected.map((r) => `${r.finding_key} (${r.reason})`).join('; ')}` : null;
  const error = [run.error ?? null, run.outcome === 'rejected' || (run.outcome === 'ok' && rejected) ? rejected : null]
    .filter((e): e is string => Boolean(e))
    .join(' — ');
  return {
    model: run.model,
    llm_outcome: run.outcome,
    prompt_tokens: run.prompt_tokens,
    completion_tokens: run.completion_tokens,
    latency_ms: run.latency_ms,
    error: error ? error.slice(0, 2000) : null,
  };
}
