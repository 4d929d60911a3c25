/**
 * Inputs and outputs of the correlation engine. Inputs are zod schemas (the engine parses what it is given, so a
 * CLI file, an edge function body and a database row all pass the same gate); outputs are plain types.
 */
import { z } from 'zod';
import type { Severity } from '../severity.ts';

/** Daily metrics the engine analyses, in the order it prefers when one action moved several of them. */
export const METRICS = ['sales', 'revenue', 'conversions', 'roas', 'cpa', 'clicks', 'impressions', 'spend'] as const;
export type Metric = (typeof METRICS)[number];

/** Which way is good for each metric: +1 higher is better, −1 lower is better, 0 neither (spend follows budget). */
export const METRIC_POLARITY: Record<Metric, 1 | -1 | 0> = {
  sales: 1,
  revenue: 1,
  conversions: 1,
  roas: 1,
  cpa: -1,
  clicks: 1,
  impressions: 1,
  spend: 0,
};

/** Action types whose decline-causing change can be undone in one click (docs/domain-rules.md, Correlation engine). */
export const REVERTIBLE_ACTION_TYPES = ['creative_change', 'ad_copy_update', 'audience_targeting', 'budget_adjustment'];

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected YYYY-MM-DD');
const metricValue = z
  .union([z.number(), z.string(), z.null()])
  .optional()
  .transform((v) => {
    if (v === null || v === undefined || v === '') return null;
    const n = typeof v === 'number' ? v : Number(v);
    return Number.isFinite(n) ? n : null;
  });

export const actionInputSchema = z.object({
  id: z.string().min(1),
  action_type: z.string().min(1),
  title: z.string().default(''),
  description: z.string().nullish().transform((v) => v ?? ''),
  occurred_at: z.string().nullish().transform((v) => v ?? null),
  status: z.string().nullish().transform((v) => v ?? 'completed'),
  metadata: z.record(z.string(), z.unknown()).nullish().transform((v) => v ?? {}),
  reverts_action_id: z.string().nullish().transform((v) => v ?? null),
});
export type ActionInput = z.output<typeof actionInputSchema>;

export const snapshotInputSchema = z.object({
  date: isoDate,
  sales: metricValue,
  revenue: metricValue,
  spend: metricValue,
  roas: metricValue,
  cpa: metricValue,
  impressions: metricValue,
  clicks: metricValue,
  conversions: metricValue,
});
export type SnapshotInput = z.output<typeof snapshotInputSchema>;

/** Optional execution facts for the diagnosis (planned vs actual); absent facts make answers "unknown". */
export const executionInputSchema = z.object({
  planned_launch: isoDate.nullish(),
  actual_launch: isoDate.nullish(),
  peak_window_start: isoDate.nullish(),
  peak_window_end: isoDate.nullish(),
  phases: z
    .array(
      z.object({
        name: z.string(),
        planned_days: z.number().positive(),
        actual_days: z.number().nonnegative().nullish(),
      }),
    )
    .default([]),
});
export type ExecutionInput = z.output<typeof executionInputSchema>;

export const campaignInputSchema = z.object({
  id: z.string().min(1),
  name: z.string().default(''),
  objective: z.string().nullish().transform((v) => v ?? ''),
  primary_kpi: z.enum(['sales', 'roas', 'cpa', 'engagement']).nullish(),
  kpi_target: z.number().nullish(),
  actions: z.array(actionInputSchema).default([]),
  snapshots: z.array(snapshotInputSchema).default([]),
  execution: executionInputSchema.nullish(),
});
export type CampaignInput = z.output<typeof campaignInputSchema>;
export type CampaignInputRaw = z.input<typeof campaignInputSchema>;

export type Strength = 'Strong' | 'Moderate' | 'Weak';
export type { Severity };
export type Impact = 'positive' | 'negative' | 'neutral';

/** One day of the before/after chart: what happened and what the baseline says would have happened. */
export interface CounterfactualPoint {
  date: string;
  phase: 'pre' | 'post';
  observed: number | null;
  counterfactual: number;
  lower: number;
  upper: number;
}

/** A significant move of one metric that began 0–48 h after one action, with how sure the engine is and why. */
export interface CorrelationFinding {
  /** campaign:action:metric — stable across runs so re-analysis upserts instead of duplicating. */
  finding_key: string;
  campaign_id: string;
  action_id: string;
  action_type: string;
  action_title: string;
  action_occurred_at: string;
  /** The action undoes an earlier one (its recovery is expected, never blamed). */
  is_revert: boolean;
  metric: Metric;
  direction: 'increase' | 'decrease';
  impact: Impact;
  /** Effect against the counterfactual, percent (−60 means 60 % below what the baseline predicts). */
  change_pct: number;
  /** 95 % interval of change_pct, percent. */
  change_interval: [number, number];
  /** Mean observed vs counterfactual per day over the effect days (metric units). */
  observed_mean: number;
  counterfactual_mean: number;
  baseline_level: number;
  /** Effect ÷ its standard error (log scale). */
  z_score: number;
  /** Hours from the action to the middle of the first significantly moved day's exposed part. */
  lag_hours: number;
  onset_date: string;
  effect_days: number;
  /** 0–1: share of effect days that stay beyond the change threshold in the same direction. */
  persistence: number;
  confounders: string[];
  /** 0–1: this action's share of the attribution among the actions sharing the window. */
  attribution_share: number;
  /** A later revert of this action moved the metric back. */
  reversal_confirmed: boolean;
  confidence: number;
  strength: Strength;
  severity: Severity;
  /** Confidence ≥ minConfidenceToAlert and an impact worth telling someone about. */
  alert: boolean;
  rationale: string[];
  counterfactual: CounterfactualPoint[];
  /** Confidence before calibration (0–1): signal × share among causes × placebo × persistence. */
  raw_confidence: number;
  /** When the shift began (step fitted on the pooled daily series, weekday effects removed), ISO; null if not reviewed. */
  estimated_onset: string | null;
  /** This action is the most likely cause of its shift (false: another action, or none, explains it better). */
  cause_of_shift: boolean;
  /** Other actions that could have caused the same shift, with their share of the evidence (0–1). */
  alternatives: Array<{ action_id: string; action_type: string; title: string; share: number }>;
  /** Set when the shift began before the action: "sales were already falling since Tuesday; …". */
  onset_note: string | null;
  /** The same test at a pseudo-action a week earlier, on pre-action data only. */
  placebo: { date: string; z: number; fired: boolean } | null;
  /** Auto-resolve input: latest observed value vs the baseline. */
  recovery: { latest_date: string | null; latest_value: number | null; recovered: boolean };
}

/**
 * The workspace's prior that an action type moves a metric (0.05–1, 1 = no evidence against): lowered by dismissals
 * that said the cause was wrong or the move was noise.
 */
export const causePriorSchema = z.object({
  action_type: z.string().min(1),
  metric: z.enum(METRICS),
  weight: z.number().min(0).max(1),
});
export type CausePrior = z.output<typeof causePriorSchema>;

export type { SuggestedAction } from './alert-payload.ts';
import type { SuggestedAction } from './alert-payload.ts';

/** The alert row the caller writes to ai_alerts (docs/domain-rules.md, Correlation engine: alerts). */
export interface CorrelationAlert {
  finding_key: string;
  campaign_id: string;
  trigger_action_id: string;
  metric: Metric;
  change_pct: number;
  confidence: number;
  severity: Severity;
  impact: Impact;
  strength: Strength;
  title: string;
  description: string;
  detected_at: string;
  source: 'rules' | 'llm';
  correlation_data: {
    trigger_action_id: string;
    affected_metrics: Metric[];
    time_window: '24_hours' | '48_hours';
    confidence_score: number;
    lag_hours: number;
    change_interval: [number, number];
    confounders: string[];
    finding_keys: string[];
    rationale: string[];
    /** The metric is back within the recovery tolerance of its counterfactual (the caller may auto-resolve). */
    recovered: boolean;
  };
  suggested_action: SuggestedAction | null;
}
