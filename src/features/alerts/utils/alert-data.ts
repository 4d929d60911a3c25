/**
 * Reading what the analysis stored on an alert (correlation_data, suggested_action are jsonb; their schemas live in
 * the domain, alert-payload.ts), plus the small view rules of the dashboard.
 */
import { type CounterfactualPoint, parseSuggestedAction } from '@domain/correlation/alert-payload.ts';
import { confidenceBand } from '@domain/correlation/confidence.ts';
import { SEVERITIES, SEVERITY_LABELS, type Severity } from '@domain/severity.ts';
import type { AiAlert } from '@/lib/db';

export {
  correlationDataSchema,
  parseCorrelationData,
  parseSuggestedAction,
  storedSuggestedActionSchema as suggestedActionSchema,
  type AlertRecovery,
  type CorrelationData,
  type CounterfactualPoint,
  type StoredSuggestedAction as SuggestedAction,
} from '@domain/correlation/alert-payload.ts';

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
