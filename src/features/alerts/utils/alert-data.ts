/**
 * Reading what the analysis stored on an alert (correlation_data, suggested_action are jsonb): parsed leniently with
 * zod so an older or partial row still renders, plus the small view rules of the dashboard.
 */
import { confidenceBand } from '@domain/correlation/confidence.ts';
import { SEVERITIES, SEVERITY_LABELS, type Severity } from '@domain/severity.ts';
import { DEFAULT_THRESHOLDS } from '@domain/thresholds.ts';
import { z } from 'zod';
import type { AiAlert } from '@/lib/db';

const num = z.coerce.number();

const pointSchema = z.object({
  date: z.string(),
  phase: z.enum(['pre', 'post']).catch('pre'),
  observed: num.nullable().catch(null),
  counterfactual: num,
  lower: num,
  upper: num,
});
export type CounterfactualPoint = z.output<typeof pointSchema>;

const recoverySchema = z.object({
  metric: z.string(),
  baseline: num,
  tolerance: num.catch(DEFAULT_THRESHOLDS.correlation.recoveryTolerance),
  direction: z.enum(['decrease', 'increase']),
  after_date: z.string(),
});
export type AlertRecovery = z.output<typeof recoverySchema>;

export const correlationDataSchema = z
  .object({
    metric: z.string().catch('sales'),
    change_pct: num.nullable().catch(null),
    affected_metrics: z.array(z.string()).catch([]),
    time_window: z.string().nullable().catch(null),
    confidence_score: num.nullable().catch(null),
    lag_hours: num.nullable().catch(null),
    change_interval: z.tuple([num, num]).nullable().catch(null),
    confounders: z.array(z.string()).catch([]),
    rationale: z.array(z.string()).catch([]),
    strength: z.string().nullable().catch(null),
    direction: z.enum(['decrease', 'increase']).nullable().catch(null),
    impact: z.enum(['positive', 'negative', 'neutral']).nullable().catch(null),
    onset_date: z.string().nullable().catch(null),
    observed_mean: num.nullable().catch(null),
    counterfactual_mean: num.nullable().catch(null),
    baseline_level: num.nullable().catch(null),
    counterfactual: z.array(pointSchema).catch([]),
    insight: z.string().nullable().catch(null),
    recommendation: z
      .object({ action: z.string(), priority: z.string(), rationale: z.string() })
      .nullable()
      .catch(null),
    action: z
      .object({ id: z.string(), action_type: z.string(), title: z.string(), occurred_at: z.string() })
      .nullable()
      .catch(null),
    diagnosis: z.object({ failure_type: z.string(), insight: z.string() }).nullable().catch(null),
    recovery: recoverySchema.nullable().catch(null),
  })
  .partial()
  .catch({});
export type CorrelationData = z.output<typeof correlationDataSchema>;

export const suggestedActionSchema = z
  .object({
    type: z.string(),
    target_action_id: z.string().nullable().catch(null),
    button_label: z.string().catch('Revert this change'),
    auto_executable: z.boolean().catch(false),
  })
  .nullable()
  .catch(null);
export type SuggestedAction = z.output<typeof suggestedActionSchema>;

export function parseCorrelationData(value: unknown): CorrelationData {
  return correlationDataSchema.parse(value ?? {});
}

export function parseSuggestedAction(value: unknown): SuggestedAction {
  return suggestedActionSchema.parse(value ?? null);
}

export { SEVERITIES, SEVERITY_LABELS, type Severity };

/** Active alerts by severity (High, Medium, Low), each group newest first. */
export function groupBySeverity<T extends Pick<AiAlert, 'severity' | 'detected_at'>>(alerts: readonly T[]): { severity: Severity; alerts: T[] }[] {
  return SEVERITIES.map((severity) => ({
    severity,
    alerts: alerts.filter((a) => a.severity === severity).sort((a, b) => b.detected_at.localeCompare(a.detected_at)),
  })).filter((g) => g.alerts.length > 0);
}

/** The domain's confidence band (High / Medium / Low), under the name the alert views use. */
export const confidenceLabel = confidenceBand;

/** The revert button shows only for an active alert that suggests a revert and has not been reverted yet. */
export function canRevert(alert: Pick<AiAlert, 'status' | 'revert_action_id' | 'suggested_action'>): boolean {
  const suggestion = parseSuggestedAction(alert.suggested_action);
  return alert.status === 'active' && !alert.revert_action_id && suggestion?.type === 'revert';
}

export interface ImpactChartRow {
  date: string;
  observed: number | null;
  counterfactual: number;
  /** [lower, upper] of the counterfactual's 95 % band (a range Area). */
  band: [number, number];
  phase: 'pre' | 'post';
}

/**
 * Chart rows from the stored counterfactual, plus later observed days (e.g. the recovery after a revert) appended
 * with the last counterfactual carried forward, so the chart shows whether the metric came back.
 */
export function impactChartRows(points: readonly CounterfactualPoint[], later: readonly { date: string; value: number | null }[] = []): ImpactChartRow[] {
  const rows: ImpactChartRow[] = points.map((p) => ({
    date: p.date,
    observed: p.observed,
    counterfactual: p.counterfactual,
    band: [p.lower, p.upper],
    phase: p.phase,
  }));
  const last = rows[rows.length - 1];
  if (!last) return rows;
  const known = new Map(rows.map((r) => [r.date, r]));
  for (const day of [...later].sort((a, b) => a.date.localeCompare(b.date))) {
    const row = known.get(day.date);
    if (row) {
      if (row.observed === null) row.observed = day.value;
    } else if (day.date > last.date) {
      const added: ImpactChartRow = { date: day.date, observed: day.value, counterfactual: last.counterfactual, band: last.band, phase: 'post' };
      rows.push(added);
      known.set(day.date, added);
    }
  }
  return rows;
}

/** The metric's name as people say it. */
export function metricName(metric: string | null | undefined): string {
  const names: Record<string, string> = { roas: 'ROAS', cpa: 'CPA' };
  if (!metric) return 'Metric';
  return names[metric] ?? metric.charAt(0).toUpperCase() + metric.slice(1);
}

/** Money-valued metrics are drawn with a currency axis. */
export function isMoneyMetric(metric: string | null | undefined): boolean {
  return metric === 'sales' || metric === 'revenue' || metric === 'spend' || metric === 'cpa';
}
