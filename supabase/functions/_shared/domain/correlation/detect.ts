/**
 * Detection: for every metric and every action, compare the days after the action with a counterfactual from the
 * pre-action baseline; a move counts when it beats both the change threshold (20 %) and the noise (95 % band),
 * begins 0–48 h after the action, and holds over the effect window. Each surviving move becomes a finding with an
 * interval, lag, persistence, confounders and a scored confidence.
 */
import type { Thresholds } from '../thresholds.ts';
import { type Baseline, type BaselineCache, baselineCache, dayStandardError, predictValue, windowKey } from './baseline.ts';
import { classifySeverity, classifyStrength, type ConfidenceFactors, scoreConfidence } from './confidence.ts';
import { counterfactualSeries, type DayDeviation, dayDeviation, estimateEffect, isSignificantDay } from './counterfactual.ts';
import { median, round } from './stats.ts';
import {
  dayDate,
  type DailySeries,
  hoursBetween,
  metricSeries,
  metricsPresent,
  MS_PER_DAY,
  MS_PER_HOUR,
  type TimedAction,
  timedActions,
  valueOn,
} from './timeline.ts';
import { type CampaignInput, type CorrelationFinding, type Impact, METRIC_POLARITY, type Metric } from './types.ts';

type CorrelationThresholds = Thresholds['correlation'];

/** True when `latestValue` is back within `tolerance` (fraction, 0.1 = 10 %) of `baseline` (auto-resolve rule). */
export function isRecovered(baseline: number, latestValue: number, tolerance: number): boolean {
  if (!Number.isFinite(baseline) || !Number.isFinite(latestValue)) return false;
  if (baseline === 0) return latestValue === 0;
  return Math.abs(latestValue - baseline) <= tolerance * Math.abs(baseline) + 1e-9;
}

/**
 * The level an alert's metric must get back to for the alert to resolve itself (the rule the database trigger
 * `resolve_recovered_alerts` applies to every new snapshot): after a decline, at least baseline × (1 − tolerance);
 * after a rise (CPA), at most baseline × (1 + tolerance). Tolerance is a fraction (0.1 = 10 %).
 */
export function recoveryLevel(recovery: { baseline: number; tolerance: number; direction: 'decrease' | 'increase' }): number {
  return recovery.baseline * (recovery.direction === 'decrease' ? 1 - recovery.tolerance : 1 + recovery.tolerance);
}

/** Stable key of a finding: re-running the analysis on the same campaign, action and metric yields the same key. */
export function findingKey(campaignId: string, actionId: string, metric: string): string {
  return `${campaignId}:${actionId}:${metric}`;
}

interface Draft {
  finding: CorrelationFinding;
  factors: ConfidenceFactors;
  revertsActionId: string | null;
  onsetDay: number;
  /** The counterfactual chart series (only the second pass's findings carry one). */
  chart: () => CorrelationFinding['counterfactual'];
}

/**
 * Evaluations by metric, action and where the effect window ends (the next action's index), then by the change
 * points its baselines can see (windowKey): the second pass re-evaluates only where something it depends on
 * changed (the result is a pure function of these).
 */
type Evaluations = Map<Metric, Map<number, Map<number | string, Draft | null>>>;

/** Metrics whose daily noise is at least Poisson noise of a count: 1/√(daily count). */
const COUNT_DRIVER: Partial<Record<Metric, Metric>> = {
  conversions: 'conversions',
  sales: 'conversions',
  revenue: 'conversions',
  roas: 'conversions',
  cpa: 'conversions',
  clicks: 'clicks',
};

/**
 * All significant action ↔ metric findings of one campaign (input already parsed), sorted by action time then metric.
 * `baselines` may be shared with the campaign's other stages (compareBeforeAfter asks for many of the same).
 */
export function detectFindings(campaign: CampaignInput, th: CorrelationThresholds, baselines: BaselineCache = baselineCache(th)): CorrelationFinding[] {
  const actions = timedActions(campaign.actions);
  const metrics = metricsPresent(campaign.snapshots);
  // Pass 1 finds which actions moved which metric; pass 2 lets an effect window run past later actions that moved
  // nothing in that metric, so a three-day noise run before an unrelated card is judged on a full week.
  // Both passes read the same series and often ask for the same baselines: build each once.
  const series = new Map(metrics.map((m) => [m, metricSeries(campaign.snapshots, m)]));
  const evaluations: Evaluations = new Map();
  // Five metrics share the conversions count's noise floor, and both passes the floors.
  const noiseFloors = new Map<string, number>();
  const first = detectPass(campaign.id, actions, metrics, series, th, new Map(), baselines, noiseFloors, evaluations, false);
  const inert = new Map<Metric, Set<string>>(
    metrics.map((m) => [m, new Set(actions.map((a) => a.action.id).filter((id) => !first.some((d) => d.finding.metric === m && d.finding.action_id === id)))]),
  );
  const drafts = detectPass(campaign.id, actions, metrics, series, th, inert, baselines, noiseFloors, evaluations, true);

  // A revert that moved the metric back the other way corroborates the original action's effect.
  for (const draft of drafts) {
    if (draft.finding.is_revert) continue;
    const reversal = drafts.find(
      (r) =>
        r.revertsActionId === draft.finding.action_id &&
        r.finding.metric === draft.finding.metric &&
        r.finding.direction !== draft.finding.direction,
    );
    if (!reversal) continue;
    draft.factors.reversalConfirmed = true;
    draft.finding.reversal_confirmed = true;
    finalise(draft.finding, draft.factors, th);
  }

  const order = new Map(actions.map((a, i) => [a.action.id, i]));
  return drafts
    .map((d) => d.finding)
    .sort((a, b) => (order.get(a.action_id) as number) - (order.get(b.action_id) as number) || a.metric.localeCompare(b.metric));
}

function detectPass(
  campaignId: string,
  actions: readonly TimedAction[],
  metrics: readonly Metric[],
  series: ReadonlyMap<Metric, DailySeries>,
  th: CorrelationThresholds,
  inert: ReadonlyMap<Metric, ReadonlySet<string>>,
  baselineOf: BaselineCache,
  /** countNoiseFloor by driver metric and day. */
  noiseFloors: Map<string, number>,
  evaluations: Evaluations,
  /** Pass 1 only decides which actions moved which metric: it skips the chart series nobody reads. */
  withChart: boolean,
): Draft[] {
  const changePoints = new Map<Metric, number[]>(metrics.map((m) => [m, []]));
  const addChangePoint = (metric: Metric, day: number) => {
    const list = changePoints.get(metric) as number[];
    if (!list.includes(day)) list.push(day);
    list.sort((a, b) => a - b);
  };
  const drafts: Draft[] = [];
  for (let actionIndex = 0; actionIndex < actions.length; actionIndex++) {
    const action = actions[actionIndex];
    const actionDrafts: Draft[] = [];
    for (const metric of metrics) {
      const s = series.get(metric) as DailySeries;
      const driver = COUNT_DRIVER[metric];
      let poissonFloor = 0;
      if (driver) {
        const key = `${driver}|${action.day}`;
        if (!noiseFloors.has(key)) noiseFloors.set(key, countNoiseFloor(series.get(driver), action.day, th));
        poissonFloor = noiseFloors.get(key) as number;
      }
      const skip = inert.get(metric) ?? NOTHING_INERT;
      const draft = evaluateAction(campaignId, actionIndex, actions, s, changePoints.get(metric) as number[], th, poissonFloor, skip, baselineOf, evaluations);
      if (draft && withChart) draft.finding.counterfactual = draft.chart();
      if (draft) actionDrafts.push(draft);
    }
    // The level shifted where a move was significant; when the action alerts, every metric gets a new regime from
    // its onset so a later action is not blamed for a shift an earlier one caused in a metric too noisy to flag.
    for (const d of actionDrafts) addChangePoint(d.finding.metric, d.onsetDay);
    const alerting = actionDrafts.filter((d) => d.finding.alert);
    if (alerting.length > 0) {
      const onset = Math.min(...alerting.map((d) => d.onsetDay));
      for (const metric of metrics) addChangePoint(metric, onset);
    }
    drafts.push(...actionDrafts);
  }
  return drafts;
}

const NOTHING_INERT: ReadonlySet<string> = new Set();

/** 1/√(median daily count) over the baseline window before `day`; 0 when unknown. */
function countNoiseFloor(series: DailySeries | undefined, day: number, th: CorrelationThresholds): number {
  if (!series) return 0;
  const counts: number[] = [];
  for (let d = day - th.baselineMaxDays; d < day; d++) {
    const v = valueOn(series, d);
    if (v !== null) counts.push(v);
  }
  if (counts.length === 0) return 0;
  const typical = median(counts);
  return typical > 0 ? 1 / Math.sqrt(typical) : 0;
}

function evaluateAction(
  campaignId: string,
  actionIndex: number,
  actions: readonly TimedAction[],
  series: DailySeries,
  changePoints: readonly number[],
  th: CorrelationThresholds,
  minSigma: number,
  inert: ReadonlySet<string>,
  baselineOf: BaselineCache,
  evaluations: Evaluations,
): Draft | null {
  if (series.values.length === 0) return null;
  const action = actions[actionIndex];
  const windowMs = th.timeWindowHours * MS_PER_HOUR;
  const seriesEnd = series.start + series.values.length - 1;

  // Actions within ±48 h share the window (confounders); a revert of this action ends its window instead.
  const cluster: TimedAction[] = [];
  let clusterStart = action.day;
  for (const b of actions) {
    if (b === action || !(Math.abs(b.at - action.at) <= windowMs) || isRelated(action, b)) continue;
    cluster.push(b);
    if (b.at < action.at && b.day < clusterStart) clusterStart = b.day;
  }
  let nextIndex = -1;
  for (let i = 0; i < actions.length; i++) {
    const b = actions[i];
    if (b.at > action.at && !cluster.includes(b) && !(inert.has(b.action.id) && !isRelated(action, b))) {
      nextIndex = i;
      break;
    }
  }
  const next = nextIndex >= 0 ? actions[nextIndex] : undefined;
  const windowEnd = Math.min(seriesEnd, next ? next.day - 1 : Number.POSITIVE_INFINITY, action.day + th.postMaxDays + 1);
  if (windowEnd < action.day) return null;
  // Both baselines below end by clusterStart and see change points from clusterStart − 2 − noiseWindowDays on.
  let byAction = evaluations.get(series.metric);
  if (!byAction) {
    byAction = new Map();
    evaluations.set(series.metric, byAction);
  }
  const actionKey = actionIndex * (actions.length + 1) + nextIndex + 1;
  let byChangePoints = byAction.get(actionKey);
  if (!byChangePoints) {
    byChangePoints = new Map();
    byAction.set(actionKey, byChangePoints);
  }
  const evaluationKey = windowKey(clusterStart, changePoints, th.noiseWindowDays + 2);
  const known = byChangePoints.get(evaluationKey);
  if (known !== undefined) return known;
  byChangePoints.set(evaluationKey, null); // replaced below when the move is a finding

  const baseline = baselineOf(series, clusterStart, changePoints, minSigma);
  if (!baseline) return null;

  const deviations = new DeviationDays(baseline, series, clusterStart, windowEnd);

  // Onset: first day inside the 0–48 h window that starts a significant move — the day alone, or the day and up to
  // two following days together (a 30 % shift in a 20 %-noise metric rarely clears the band on one day).
  const lastOnsetDay = Math.min(windowEnd, Math.floor((action.at + windowMs - 1) / MS_PER_DAY));
  let onset: DayDeviation | null = null;
  for (let d = action.day; d <= lastOnsetDay && !onset; d++) {
    const dev = deviations.get(d);
    if (!dev) continue;
    if (isSignificantDay(baseline, dev, th.metricChangeThreshold)) {
      onset = dev;
      break;
    }
    if (Math.abs(dev.relative) < th.metricChangeThreshold / 2) continue;
    const run: DayDeviation[] = [];
    for (let k = d; k <= Math.min(windowEnd, d + 2); k++) {
      const next = deviations.get(k);
      if (next) run.push(next);
    }
    const runEffect = estimateEffect(baseline, run);
    if (
      runEffect &&
      run.length >= 2 &&
      Math.sign(runEffect.logEffect) === Math.sign(dev.logDiff) &&
      Math.abs(runEffect.changePct) >= th.metricChangeThreshold * 100 &&
      Math.abs(runEffect.z) >= baseline.tCrit
    ) {
      onset = dev;
    }
  }
  if (!onset) return null;

  const effectEnd = Math.min(windowEnd, onset.day + th.postMaxDays - 1);
  const effectDevs: DayDeviation[] = [];
  for (let d = onset.day; d <= effectEnd; d++) {
    const dev = deviations.get(d);
    if (dev) effectDevs.push(dev);
  }
  const effect = estimateEffect(baseline, effectDevs);
  if (!effect) return null;
  const sign = Math.sign(effect.logEffect);
  if (sign !== Math.sign(onset.logDiff)) return null;
  if (Math.abs(effect.changePct) < th.metricChangeThreshold * 100 || Math.abs(effect.z) < baseline.tCrit) return null;

  const beyond = effectDevs.filter((d) => Math.sign(d.logDiff) === sign && Math.abs(d.relative) >= th.metricChangeThreshold);
  const persistence = beyond.length / effectDevs.length;

  // Other actions whose own 0–48 h window contains the onset day could have caused the same move.
  const confounders = cluster.filter(
    (b) => b.day <= onset.day && onset.day <= Math.floor((b.at + windowMs - 1) / MS_PER_DAY),
  );
  const attributionShare =
    confounders.length === 0
      ? 1
      : attributionShares([action, ...confounders], deviations, effectEnd, dayStandardError(baseline))[0];

  // Pre-existing move: the two days before the action already sat significantly beyond the threshold in the same
  // direction, judged against a baseline that ends before them — the change began before the action.
  const preBaseline = baselineOf(series, clusterStart - 2, changePoints, minSigma);
  const preDays: DayDeviation[] = [];
  if (preBaseline) {
    for (let d = clusterStart - 2; d < clusterStart; d++) {
      const v = valueOn(series, d);
      if (v !== null) preDays.push(dayDeviation(preBaseline, d, v));
    }
  }
  const preEffect = preBaseline && preBaseline.levelDays >= 3 ? estimateEffect(preBaseline, preDays) : null;
  const preexisting =
    preEffect !== null &&
    preBaseline !== null &&
    Math.sign(preEffect.logEffect) === sign &&
    Math.abs(preEffect.changePct) >= th.metricChangeThreshold * 100 &&
    Math.abs(preEffect.z) >= preBaseline.tCrit;

  const onsetStart = onset.day * MS_PER_DAY;
  const exposedFrom = Math.max(onsetStart, action.at);
  const lagHours = hoursBetween(action.at, (exposedFrom + onsetStart + MS_PER_DAY) / 2);

  const polarity = METRIC_POLARITY[series.metric];
  const impact: Impact = polarity === 0 ? 'neutral' : polarity * sign > 0 ? 'positive' : 'negative';

  const latest = latestObserved(series);
  const recoveryExpected = latest ? predictValue(baseline, latest.day) : null;

  const factors: ConfidenceFactors = {
    z: effect.z,
    tCrit: baseline.tCrit,
    lagHours,
    persistence,
    effectDays: effectDevs.length,
    confounders: confounders.length,
    attributionShare,
    preexisting,
    reversalConfirmed: false,
  };

  const finding: CorrelationFinding = {
    finding_key: findingKey(campaignId, action.action.id, series.metric),
    campaign_id: campaignId,
    action_id: action.action.id,
    action_type: action.action.action_type,
    action_title: action.action.title,
    action_occurred_at: new Date(action.at).toISOString(),
    is_revert: action.isRevert,
    metric: series.metric,
    direction: sign > 0 ? 'increase' : 'decrease',
    impact,
    change_pct: round(effect.changePct, 1),
    change_interval: [round(effect.intervalPct[0], 1), round(effect.intervalPct[1], 1)],
    observed_mean: round(effect.observedMean, 4),
    counterfactual_mean: round(effect.counterfactualMean, 4),
    baseline_level: round(Math.max(0, Math.exp(baseline.logLevel) - baseline.offset), 4),
    z_score: round(effect.z, 2),
    lag_hours: round(lagHours, 1),
    onset_date: dayDate(onset.day),
    effect_days: effectDevs.length,
    persistence: round(persistence, 3),
    confounders: confounders.map((c) => c.action.id),
    attribution_share: round(attributionShare, 3),
    reversal_confirmed: false,
    confidence: 0,
    strength: 'Weak',
    severity: classifySeverity(effect.changePct, th),
    alert: false,
    rationale: [],
    raw_confidence: 0,
    estimated_onset: null,
    cause_of_shift: true,
    alternatives: [],
    onset_note: null,
    placebo: null,
    counterfactual: [],
    recovery: {
      latest_date: latest ? dayDate(latest.day) : null,
      latest_value: latest ? latest.value : null,
      recovered:
        latest !== null && recoveryExpected !== null && latest.day > onset.day
          ? isRecovered(recoveryExpected, latest.value, th.recoveryTolerance)
          : false,
    },
  };
  finalise(finding, factors, th, baseline);
  const draft: Draft = {
    finding,
    factors,
    revertsActionId: action.revertsActionId,
    onsetDay: onset.day,
    chart: chartFor(baseline, series, Math.max(baseline.levelFrom, clusterStart - th.baselineMaxDays), effectEnd, action.day),
  };
  byChangePoints.set(evaluationKey, draft);
  return draft;
}

/** One action ↔ the action it reverts (either way round). */
function isRelated(action: TimedAction, b: TimedAction): boolean {
  return b.revertsActionId === action.action.id || action.revertsActionId === b.action.id;
}

/**
 * Each day's deviation from the baseline in [from, to] (undefined outside it or on a day without a value), computed
 * when first asked: most evaluations find no onset and read only the first few days.
 */
class DeviationDays {
  private readonly baseline: Baseline;
  private readonly series: DailySeries;
  private readonly from: number;
  private readonly to: number;
  private readonly known: (DayDeviation | null | undefined)[] = [];

  constructor(baseline: Baseline, series: DailySeries, from: number, to: number) {
    this.baseline = baseline;
    this.series = series;
    this.from = from;
    this.to = to;
  }

  get(day: number): DayDeviation | undefined {
    if (day < this.from || day > this.to) return undefined;
    let dev = this.known[day - this.from];
    if (dev === undefined) {
      const v = valueOn(this.series, day);
      dev = v === null ? null : dayDeviation(this.baseline, day, v);
      this.known[day - this.from] = dev;
    }
    return dev ?? undefined;
  }
}

/** The finding's counterfactual chart, built only when asked for (pass 1 never asks). */
function chartFor(baseline: Baseline, series: DailySeries, fromDay: number, toDay: number, firstPostDay: number): Draft['chart'] {
  return () => counterfactualSeries(baseline, series, fromDay, toDay, firstPostDay);
}

function finalise(finding: CorrelationFinding, factors: ConfidenceFactors, th: CorrelationThresholds, baseline?: Baseline) {
  const score = scoreConfidence(factors, th);
  finding.confidence = score.confidence;
  finding.strength = classifyStrength(score.confidence, th);
  const context = baseline
    ? [
        `Baseline from ${baseline.levelDays} day(s) before the action` +
          (baseline.hasWeekday ? ', adjusted for the weekday pattern' : '') +
          `; day-to-day variability ≈ ${Math.round(baseline.sigma * 100)} %.`,
      ]
    : finding.rationale.slice(0, 1);
  finding.rationale = [...context, ...score.rationale];
  // A revert bringing a metric back is the expected recovery, never an alert; spend follows budget (neutral).
  finding.alert =
    finding.confidence >= th.minConfidenceToAlert &&
    finding.impact !== 'neutral' &&
    !(finding.is_revert && finding.impact === 'positive');
}

function latestObserved(series: DailySeries): { day: number; value: number } | null {
  for (let i = series.values.length - 1; i >= 0; i--) {
    const v = series.values[i];
    if (v !== null) return { day: series.start + i, value: v };
  }
  return null;
}

const FIT_LAGS_HOURS = [0, 6, 12, 18, 24];
const FIT_LAG_PRIOR = [1, 0.9, 0.8, 0.7, 0.6];

/**
 * Attribution shares (0–1, summing to 1) among candidate actions sharing a window: each candidate's exposure
 * profile (0 before it, the exposed fraction of its day, 1 after; lagged 0–24 h) is fitted to the daily log
 * deviations, and the candidates are weighted by their fit's likelihood. Identical timing yields equal shares.
 */
export function attributionShares(
  candidates: readonly TimedAction[],
  deviations: { get(day: number): DayDeviation | undefined },
  toDay: number,
  sigmaDay: number,
): number[] {
  const fromDay = Math.min(...candidates.map((c) => c.day));
  const days: DayDeviation[] = [];
  for (let d = fromDay; d <= toDay; d++) {
    const dev = deviations.get(d);
    if (dev) days.push(dev);
  }
  const exposure = new Float64Array(days.length);
  const logLikelihoods = candidates.map((c) => {
    let best = Number.NEGATIVE_INFINITY;
    for (let k = 0; k < FIT_LAGS_HOURS.length; k++) {
      const start = c.at + FIT_LAGS_HOURS[k] * MS_PER_HOUR;
      // Least squares of the log deviations on the exposure, summed left to right.
      let sxx = 0;
      let sxy = 0;
      for (let i = 0; i < days.length; i++) {
        const e = Math.min(1, Math.max(0, ((days[i].day + 1) * MS_PER_DAY - start) / MS_PER_DAY));
        exposure[i] = e;
        sxx += e * e;
        sxy += e * days[i].logDiff;
      }
      const beta = sxx > 0 ? sxy / sxx : 0;
      let sse = 0;
      for (let i = 0; i < days.length; i++) sse += (days[i].logDiff - beta * exposure[i]) ** 2;
      best = Math.max(best, Math.log(FIT_LAG_PRIOR[k]) - sse / (2 * sigmaDay * sigmaDay));
    }
    return best;
  });
  const max = Math.max(...logLikelihoods);
  const weights = logLikelihoods.map((l) => Math.exp(l - max));
  const total = weights.reduce((s, w) => s + w, 0);
  return weights.map((w) => w / total);
}
