/**
 * Alerts from findings (docs/domain-rules.md, Correlation engine: alerts): one alert per trigger action, led by its most important alerting
 * metric, with a one-click revert when a creative, copy, targeting or budget change preceded a decline.
 */
import type { Thresholds } from '../thresholds.ts';
import {
  type CorrelationAlert,
  type CorrelationFinding,
  METRICS,
  type Metric,
  REVERTIBLE_ACTION_TYPES,
  type SuggestedAction,
} from './types.ts';

const METRIC_LABELS: Record<Metric, string> = {
  sales: 'Sales',
  revenue: 'Revenue',
  conversions: 'Conversions',
  roas: 'ROAS',
  cpa: 'CPA',
  clicks: 'Clicks',
  impressions: 'Impressions',
  spend: 'Spend',
};

const REVERT_LABELS: Record<string, string> = {
  creative_change: 'Revert to previous creative',
  ad_copy_update: 'Revert to previous copy',
  audience_targeting: 'Revert to previous targeting',
  budget_adjustment: 'Revert to previous budget',
};

export function metricLabel(metric: Metric): string {
  return METRIC_LABELS[metric];
}

/** "creative_change" → "creative change". */
export function actionTypeLabel(actionType: string): string {
  return actionType.replace(/[_-]+/g, ' ').trim().toLowerCase();
}

/**
 * Revert (auto-executable) for a revertible action type that preceded a decline; a manual review for any other
 * decline; nothing for improvements or for a revert itself.
 */
export function suggestedActionFor(finding: CorrelationFinding): SuggestedAction | null {
  if (finding.impact !== 'negative') return null;
  if (!finding.is_revert && REVERTIBLE_ACTION_TYPES.includes(finding.action_type)) {
    return {
      type: 'revert',
      target_action_id: finding.action_id,
      button_label: REVERT_LABELS[finding.action_type] ?? 'Revert this change',
      auto_executable: true,
    };
  }
  return { type: 'review', target_action_id: finding.action_id, button_label: 'Review this change', auto_executable: false };
}

/** "Sales dropped 60% after creative change". */
export function alertTitle(finding: CorrelationFinding): string {
  const verb = finding.direction === 'decrease' ? 'dropped' : 'rose';
  return `${metricLabel(finding.metric)} ${verb} ${Math.round(Math.abs(finding.change_pct))}% after ${actionTypeLabel(finding.action_type)}`;
}

/** One plain-text paragraph stating the effect, its interval, the timing and what else moved; user text is truncated. */
export function alertDescription(finding: CorrelationFinding, others: readonly CorrelationFinding[]): string {
  const verb = finding.direction === 'decrease' ? 'decreased' : 'increased';
  const [lo, hi] = finding.change_interval;
  const title = plainText(finding.action_title, 120);
  const window = finding.lag_hours <= 24 ? '24' : '48';
  const parts = [
    `${metricLabel(finding.metric)} ${verb} by ${Math.round(Math.abs(finding.change_pct))}% (95% interval ${formatPct(lo)} to ${formatPct(hi)}) within ${window} hours of ${title ? `"${title}" (${actionTypeLabel(finding.action_type)})` : `the ${actionTypeLabel(finding.action_type)}`}.`,
    `Observed ${formatNumber(finding.observed_mean)} per day against ${formatNumber(finding.counterfactual_mean)} expected without the change.`,
  ];
  const moved = others.filter((o) => o.metric !== finding.metric);
  if (moved.length > 0) {
    parts.push(`Also moved: ${moved.map((o) => `${metricLabel(o.metric)} ${formatPct(o.change_pct)}`).join(', ')}.`);
  }
  if (finding.confounders.length > 0) parts.push(`${finding.confounders.length} other action(s) share the window.`);
  return parts.join(' ');
}

const KPI_METRIC: Record<string, Metric> = { sales: 'sales', roas: 'roas', cpa: 'cpa', engagement: 'clicks' };

/**
 * Alerts for the findings flagged `alert`: grouped by trigger action; the lead metric is the campaign's primary KPI
 * when it alerts, else the first alerting metric in METRICS order (sales, revenue, conversions, roas, cpa, …), so
 * the alert's finding_key is stable across runs.
 */
export function buildAlerts(
  findings: readonly CorrelationFinding[],
  options: { now: string; primaryKpi?: string | null; thresholds: Thresholds['correlation'] },
): CorrelationAlert[] {
  const byAction = new Map<string, CorrelationFinding[]>();
  for (const f of findings) {
    if (!f.alert) continue;
    const list = byAction.get(f.action_id) ?? [];
    list.push(f);
    byAction.set(f.action_id, list);
  }
  const kpi = options.primaryKpi ? KPI_METRIC[options.primaryKpi] : undefined;
  const rank = (m: Metric) => (m === kpi ? -1 : METRICS.indexOf(m));
  const alerts: CorrelationAlert[] = [];
  for (const list of byAction.values()) {
    const sorted = [...list].sort((a, b) => rank(a.metric) - rank(b.metric));
    const lead = sorted[0];
    const sameImpact = sorted.filter((f) => f.impact === lead.impact);
    alerts.push({
      finding_key: lead.finding_key,
      campaign_id: lead.campaign_id,
      trigger_action_id: lead.action_id,
      metric: lead.metric,
      change_pct: lead.change_pct,
      confidence: lead.confidence,
      severity: lead.severity,
      impact: lead.impact,
      strength: lead.strength,
      title: alertTitle(lead),
      description: alertDescription(lead, sameImpact),
      detected_at: options.now,
      source: 'rules',
      correlation_data: {
        trigger_action_id: lead.action_id,
        affected_metrics: sameImpact.map((f) => f.metric),
        time_window: lead.lag_hours <= 24 ? '24_hours' : '48_hours',
        confidence_score: lead.confidence,
        lag_hours: lead.lag_hours,
        change_interval: lead.change_interval,
        confounders: lead.confounders,
        finding_keys: sorted.map((f) => f.finding_key),
        rationale: lead.rationale,
        recovered: lead.recovery.recovered,
      },
      suggested_action: suggestedActionFor(lead),
    });
  }
  return alerts;
}

/** Strips control characters and collapses whitespace; cuts at `max` characters with an ellipsis. */
export function plainText(value: string, max: number): string {
  const clean = value.replace(/[\p{Cc}<>`]/gu, ' ').replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
}

function formatPct(value: number): string {
  const r = Math.round(value);
  return `${r > 0 ? '+' : ''}${r}%`;
}

function formatNumber(value: number): string {
  if (Math.abs(value) >= 100) return String(Math.round(value));
  return String(Math.round(value * 100) / 100);
}
