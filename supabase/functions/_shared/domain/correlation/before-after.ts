/**
 * Before vs after every mid-campaign change (docs/domain-rules.md, Correlation engine: before / after): performance before and after
 * each action against its counterfactual, and execution stability (how many other changes) on either side.
 */
import type { Thresholds } from '../thresholds.ts';
import { type BaselineCache, baselineCache } from './baseline.ts';
import { dayDeviation, estimateEffect } from './counterfactual.ts';
import { round } from './stats.ts';
import { dayNumber, metricSeries, metricsPresent, MS_PER_DAY, timedActions, valueOn } from './timeline.ts';
import { type CampaignInput, type CorrelationFinding, METRIC_POLARITY, type Metric, REVERTIBLE_ACTION_TYPES } from './types.ts';

export interface MetricComparison {
  metric: Metric;
  before_mean: number | null;
  after_mean: number | null;
  counterfactual_mean: number | null;
  /** After vs counterfactual, percent, with 95 % interval; null when either side has no data. */
  change_pct: number | null;
  change_interval: [number, number] | null;
  /** The interval excludes 0 and the change beats the threshold. */
  significant: boolean;
}

export interface BeforeAfterComparison {
  action_id: string;
  action_type: string;
  occurred_at: string;
  before_days: number;
  after_days: number;
  metrics: MetricComparison[];
  /** Other actions in the `stabilityWindowDays` before / after: execution churn around the change. */
  actions_before: number;
  actions_after: number;
  execution_stable: boolean;
  /** A revertible change followed by a significant decline in a metric where higher is better (or CPA rising). */
  revert_advisable: boolean;
}

/**
 * Compares, for each executed action, the days after it (its day excluded when it happened after 06:00, up to the next
 * action or postMaxDays) with the counterfactual from the days before it. `findings` supply the change points so a
 * baseline never straddles an earlier detected shift.
 */
export function compareBeforeAfter(
  campaign: CampaignInput,
  findings: readonly CorrelationFinding[],
  th: Thresholds['correlation'],
  stabilityWindowDays = 7,
  /** The campaign's baselines, e.g. shared with detectFindings (which asks for many of the same). */
  baselines: BaselineCache = baselineCache(th),
): BeforeAfterComparison[] {
  const actions = timedActions(campaign.actions);
  const metrics = metricsPresent(campaign.snapshots);
  const series = new Map(metrics.map((m) => [m, metricSeries(campaign.snapshots, m)]));
  // Each metric's distinct finding onsets, ascending (the change points a baseline must not straddle).
  const onsetDays = new Map<Metric, number[]>();
  for (const metric of metrics) {
    const days = findings.filter((f) => f.metric === metric).map((f) => dayNumber(f.onset_date));
    onsetDays.set(metric, [...new Set(days)].sort((a, b) => a - b));
  }
  return actions.map((action, index) => {
    const next = actions[index + 1];
    // The action's own day is only partly exposed: it counts as "after" only when the action came before 06:00.
    const firstAfter = action.exposedFraction >= 0.75 ? action.day : action.day + 1;
    const comparisons: MetricComparison[] = [];
    let beforeDays = 0;
    let afterDays = 0;
    for (const metric of metrics) {
      const s = series.get(metric)!;
      const seriesEnd = s.start + s.values.length - 1;
      const lastAfter = Math.min(seriesEnd, next ? next.day - 1 : seriesEnd, firstAfter + th.postMaxDays - 1);
      const changePoints = (onsetDays.get(metric) ?? []).filter((d) => d < action.day);
      const baseline = baselines(s, action.day, changePoints);
      const devs = [];
      for (let d = firstAfter; d <= lastAfter; d++) {
        const v = valueOn(s, d);
        if (v !== null && baseline) devs.push(dayDeviation(baseline, d, v));
      }
      const before: number[] = [];
      if (baseline) for (let d = baseline.levelFrom; d <= baseline.levelTo; d++) {
        const v = valueOn(s, d);
        if (v !== null) before.push(v);
      }
      const effect = baseline ? estimateEffect(baseline, devs) : null;
      beforeDays = Math.max(beforeDays, before.length);
      afterDays = Math.max(afterDays, devs.length);
      comparisons.push({
        metric,
        before_mean: before.length ? round(before.reduce((a, b) => a + b, 0) / before.length, 4) : null,
        after_mean: devs.length ? round(devs.reduce((a, d) => a + d.observed, 0) / devs.length, 4) : null,
        counterfactual_mean: effect ? round(effect.counterfactualMean, 4) : null,
        change_pct: effect ? round(effect.changePct, 1) : null,
        change_interval: effect ? [round(effect.intervalPct[0], 1), round(effect.intervalPct[1], 1)] : null,
        significant:
          effect !== null &&
          Math.abs(effect.changePct) >= th.metricChangeThreshold * 100 &&
          (effect.intervalPct[0] > 0 || effect.intervalPct[1] < 0),
      });
    }
    const windowMs = stabilityWindowDays * MS_PER_DAY;
    const actionsBefore = actions.filter((b) => b !== action && b.at < action.at && action.at - b.at <= windowMs).length;
    const actionsAfter = actions.filter((b) => b !== action && b.at > action.at && b.at - action.at <= windowMs).length;
    const declined = comparisons.some(
      (c) => c.significant && c.change_pct !== null && METRIC_POLARITY[c.metric] * Math.sign(c.change_pct) < 0,
    );
    return {
      action_id: action.action.id,
      action_type: action.action.action_type,
      occurred_at: new Date(action.at).toISOString(),
      before_days: beforeDays,
      after_days: afterDays,
      metrics: comparisons,
      actions_before: actionsBefore,
      actions_after: actionsAfter,
      execution_stable: actionsBefore + actionsAfter <= 1,
      revert_advisable: declined && !action.isRevert && REVERTIBLE_ACTION_TYPES.includes(action.action.action_type),
    };
  });
}
