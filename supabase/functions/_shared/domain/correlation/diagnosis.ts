/**
 * Diagnosis (docs/domain-rules.md, Correlation engine: diagnosis): the four questions — did we run it as planned, where did
 * execution deviate, did the deviations move performance, what to change next time — and the miss classified as
 * operational (performance fell and execution drifted) or strategic (execution on plan, KPI still missed).
 */
import { actionTypeLabel, metricLabel } from './alerts.ts';
import { mean, round } from './stats.ts';
import { dayNumber } from './timeline.ts';
import { type CampaignInput, type CorrelationFinding, METRICS, type SnapshotInput } from './types.ts';

export type Deviation =
  | { kind: 'launch_delay'; days: number; detail: string }
  | { kind: 'peak_window_missed'; days: number; detail: string }
  | { kind: 'phase_delay'; phase: string; days: number; detail: string }
  | { kind: 'harmful_change'; action_id: string; metric: string; change_pct: number; detail: string };

export interface KpiResult {
  kpi: 'sales' | 'roas' | 'cpa' | 'engagement';
  observed: number;
  target: number;
  /** Shortfall (negative) or surplus vs target in percent, signed so that negative is always worse. */
  gap_pct: number;
  met: boolean;
}

export interface Diagnosis {
  /** Q1: null when no execution facts were given. */
  ran_as_planned: boolean | null;
  /** Q2. */
  deviations: Deviation[];
  /** Q3: null when performance cannot be judged (no target and no alerting finding). */
  deviations_affected_performance: boolean | null;
  /** Q4. */
  next_time: string[];
  failure_type: 'operational' | 'strategic' | 'none' | 'unknown';
  kpi: KpiResult | null;
  insight: string;
  confidence: 'High' | 'Medium' | 'Low';
  rationale: string[];
}

/** Primary KPI over the snapshots: sales = total, roas = Σrevenue/Σspend, cpa = Σspend/Σconversions, engagement = CTR. */
export function observedKpi(kpi: KpiResult['kpi'], snapshots: readonly SnapshotInput[]): number | null {
  const sum = (k: keyof SnapshotInput) => snapshots.reduce((s, r) => s + ((r[k] as number | null) ?? 0), 0);
  switch (kpi) {
    case 'sales':
      return snapshots.length ? sum('sales') : null;
    case 'roas':
      return sum('spend') > 0 ? sum('revenue') / sum('spend') : null;
    case 'cpa':
      return sum('conversions') > 0 ? sum('spend') / sum('conversions') : null;
    case 'engagement':
      return sum('impressions') > 0 ? sum('clicks') / sum('impressions') : null;
  }
}

/** Answers the four diagnostic questions for one campaign from its execution facts, KPI and correlation findings. */
export function diagnoseCampaign(campaign: CampaignInput, findings: readonly CorrelationFinding[]): Diagnosis {
  const execution = campaign.execution ?? null;
  const deviations: Deviation[] = [];
  const nextTime: string[] = [];
  const rationale: string[] = [];

  let launchDelay: number | null = null;
  if (execution?.planned_launch && execution.actual_launch) {
    launchDelay = dayNumber(execution.actual_launch) - dayNumber(execution.planned_launch);
    if (launchDelay > 0) {
      deviations.push({ kind: 'launch_delay', days: launchDelay, detail: `Launch was ${launchDelay} day(s) late.` });
      nextTime.push(`Add buffer before launch or start the pre-launch phases earlier: the launch slipped ${launchDelay} day(s).`);
    }
  }
  let peakMissed = 0;
  let peakEntirelyMissed = false;
  if (execution?.actual_launch && execution.peak_window_start && execution.peak_window_end) {
    const launch = dayNumber(execution.actual_launch);
    const peakStart = dayNumber(execution.peak_window_start);
    const peakEnd = dayNumber(execution.peak_window_end);
    const plannedInTime = !execution.planned_launch || dayNumber(execution.planned_launch) <= peakStart;
    if (plannedInTime && launch > peakStart) {
      peakMissed = Math.min(launch, peakEnd + 1) - peakStart;
      peakEntirelyMissed = launch > peakEnd;
      deviations.push({
        kind: 'peak_window_missed',
        days: peakMissed,
        detail: peakEntirelyMissed
          ? 'The launch fell outside the peak demand window.'
          : `The launch missed the first ${peakMissed} day(s) of the peak demand window.`,
      });
      nextTime.push('Lock the launch date ahead of the peak window and escalate any phase that threatens it.');
    }
  }
  for (const phase of execution?.phases ?? []) {
    if (phase.actual_days === null || phase.actual_days === undefined) continue;
    const over = phase.actual_days - phase.planned_days;
    if (over > 0) {
      deviations.push({ kind: 'phase_delay', phase: phase.name, days: over, detail: `${phase.name} took ${over} day(s) longer than planned.` });
      nextTime.push(`Plan ${phase.name} for ${phase.actual_days} day(s), or split its work so it can run in parallel.`);
    }
  }
  const harmful = findings
    .filter((f) => f.alert && f.impact === 'negative' && !f.is_revert)
    .sort((a, b) => METRICS.indexOf(a.metric) - METRICS.indexOf(b.metric));
  const seen = new Set<string>();
  for (const f of harmful) {
    if (seen.has(f.action_id)) continue;
    seen.add(f.action_id);
    deviations.push({
      kind: 'harmful_change',
      action_id: f.action_id,
      metric: f.metric,
      change_pct: f.change_pct,
      detail: `${metricLabel(f.metric)} moved ${Math.round(f.change_pct)}% after the ${actionTypeLabel(f.action_type)}.`,
    });
    nextTime.push(`Test ${actionTypeLabel(f.action_type)}s on part of the audience before rolling them out to every ad set.`);
  }

  const hasExecutionFacts = execution !== null && (launchDelay !== null || (execution.phases ?? []).some((p) => p.actual_days != null));
  const executionDrift = deviations.some((d) => d.kind !== 'harmful_change');
  const ranAsPlanned = hasExecutionFacts ? !executionDrift && harmful.length === 0 : harmful.length > 0 ? false : null;

  const kpiName = campaign.primary_kpi ?? null;
  let kpi: KpiResult | null = null;
  if (kpiName && campaign.kpi_target !== null && campaign.kpi_target !== undefined && campaign.kpi_target > 0) {
    const observed = observedKpi(kpiName, campaign.snapshots);
    if (observed !== null) {
      const lowerIsBetter = kpiName === 'cpa';
      const gap = ((observed - campaign.kpi_target) / campaign.kpi_target) * 100 * (lowerIsBetter ? -1 : 1);
      kpi = { kpi: kpiName, observed: round(observed, 4), target: campaign.kpi_target, gap_pct: round(gap, 1), met: gap >= 0 };
    }
  }
  const underperformed = kpi ? !kpi.met : harmful.length > 0 ? true : null;

  let failureType: Diagnosis['failure_type'];
  if (underperformed === false) failureType = 'none';
  else if (underperformed === null) failureType = 'unknown';
  else if (executionDrift || harmful.length > 0) failureType = 'operational';
  else if (ranAsPlanned === true) failureType = 'strategic';
  else failureType = 'unknown';

  const affected = underperformed === null ? null : underperformed && (executionDrift || harmful.length > 0);
  const kpiLabel = kpi ? (kpi.kpi === 'engagement' ? 'Engagement' : metricLabel(kpi.kpi)) : 'Performance';
  const gapText = kpi ? `${kpiLabel} finished ${Math.abs(Math.round(kpi.gap_pct))}% ${kpi.met ? 'above' : 'below'} target` : '';
  let insight: string;
  if (failureType === 'operational') {
    const launch = deviations.find((d) => d.kind === 'launch_delay');
    const cause = launch
      ? `following a ${launch.days}-day launch delay${peakMissed > 0 ? (peakEntirelyMissed ? ' that pushed the campaign outside its peak demand window' : ' that cut into its peak demand window') : ''}`
      : harmful.length > 0
        ? `after ${seen.size === 1 ? 'a mid-campaign change' : `${seen.size} mid-campaign changes`} that hurt performance`
        : 'with execution behind plan';
    insight = `${gapText || `${kpiLabel} fell`} ${cause}.`;
    nextTime.unshift('Fix execution first: the miss lines up with execution drift, not with the strategy.');
  } else if (failureType === 'strategic') {
    insight = `Campaign launched on time with no execution drift. ${gapText ? `${gapText}; ` : ''}underperformance likely driven by creative or targeting.`;
    nextTime.push('Revisit the offer, creative or targeting: execution ran on plan and the KPI still missed.');
  } else if (failureType === 'none') {
    insight = `${gapText}.`;
  } else {
    insight = 'Not enough facts to classify the outcome: add a KPI target and execution dates.';
  }

  // Confidence (High / Medium / Low) from sample size, variability and how complete the evidence is.
  const days = campaign.snapshots.length;
  const kpiSeries = campaign.snapshots.map((s) => s.sales ?? s.revenue ?? 0);
  const avg = mean(kpiSeries);
  const cv = avg > 0 ? Math.sqrt(mean(kpiSeries.map((v) => (v - avg) ** 2))) / avg : Number.NaN;
  let points = 0;
  if (days >= 14) points += 2;
  else if (days >= 7) points += 1;
  rationale.push(`${days} day(s) of performance data.`);
  if (Number.isFinite(cv)) {
    if (cv <= 0.25) points += 1;
    rationale.push(`Daily variability ${Math.round(cv * 100)}%.`);
  }
  if (hasExecutionFacts) points += 1;
  rationale.push(hasExecutionFacts ? 'Planned vs actual execution dates are known.' : 'No planned vs actual execution dates.');
  if (kpi) points += 1;
  else rationale.push('No KPI target to judge the outcome against.');
  const confidence: Diagnosis['confidence'] = failureType === 'unknown' || points <= 2 ? 'Low' : points >= 5 ? 'High' : 'Medium';

  return {
    ran_as_planned: ranAsPlanned,
    deviations,
    deviations_affected_performance: affected,
    next_time: [...new Set(nextTime)],
    failure_type: failureType,
    kpi,
    insight,
    confidence,
    rationale,
  };
}
