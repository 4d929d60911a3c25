/**
 * Pre-action baseline of one daily metric: a robust level (20 % trimmed mean of log values), the metric's own day-to-day variability and, with two
 * weeks of history, its weekday pattern. Works on log values so effects and weekday factors are multiplicative.
 */
import type { Thresholds } from '../thresholds.ts';
import { mean, median, scaledMad, tCritical95 } from './stats.ts';
import { type DailySeries, valueOn, weekdayOf } from './timeline.ts';

export interface Baseline {
  /** Log level (deseasonalised) of the current regime. */
  logLevel: number;
  /** Added before taking logs so zero days stay finite: 1 % of the history's median. */
  offset: number;
  /** σ of daily log residuals (day-to-day variability, ≈ coefficient of variation). */
  sigma: number;
  /** Residual degrees of freedom behind sigma, and the 95 % t critical value for it. */
  dof: number;
  tCrit: number;
  /** Days behind the level, and the first/last of them. */
  levelDays: number;
  levelFrom: number;
  levelTo: number;
  /** Log weekday factors (Sunday first), all 0 when history is shorter than weekdayMinDays. */
  weekday: number[];
  hasWeekday: boolean;
  /** Fewest days behind any weekday factor (their own estimation error widens the bands). */
  weekdaySamples: number;
}

type CorrelationThresholds = Thresholds['correlation'];

/**
 * Baseline for the days before `endDay` (exclusive). `changePoints` are days where an earlier significant change
 * began: the level comes only from the current regime (after the last change point), the variability from every
 * regime's residuals. Null when there is no day for the level or too few for the variability.
 */
export function estimateBaseline(
  series: DailySeries,
  endDay: number,
  changePoints: readonly number[],
  th: CorrelationThresholds,
  /** Extra floor on sigma, e.g. Poisson noise 1/√count for metrics driven by a small daily count. */
  minSigma = 0,
): Baseline | null {
  const historyFrom = endDay - th.noiseWindowDays;
  const days: number[] = [];
  const raw: number[] = [];
  for (let d = historyFrom; d < endDay; d++) {
    const v = valueOn(series, d);
    if (v === null) continue;
    days.push(d);
    raw.push(v);
  }
  const n = days.length;
  if (n === 0) return null;
  const positive = raw.filter((v) => v > 0);
  if (positive.length === 0) return null;
  const offset = Math.max(1e-9, 0.01 * median(positive));
  const logs = new Float64Array(n);
  for (let i = 0; i < n; i++) logs[i] = Math.log(raw[i] + offset);
  // Regime of each day: how many change points inside the history lie on or before it. Days ascend, so each
  // regime is one run of consecutive indices [runs[r], runs[r + 1]).
  const segmentOf = (day: number) => {
    let k = 0;
    for (const cp of changePoints) if (cp <= day && cp > historyFrom) k++;
    return k;
  };
  const segments = new Int32Array(n);
  const runs: number[] = [];
  for (let i = 0; i < n; i++) {
    segments[i] = segmentOf(days[i]);
    if (i === 0 || segments[i] !== segments[i - 1]) runs.push(i);
  }
  runs.push(n);
  const currentSegment = segmentOf(endDay - 1);
  const scratch = new Float64Array(n);

  /** Each value minus its regime's centre (20 % trimmed mean, or the plain mean). */
  const centred = (values: Float64Array, centre: (from: number, to: number) => number): Float64Array => {
    const out = new Float64Array(n);
    for (let r = 0; r + 1 < runs.length; r++) {
      const c = centre(runs[r], runs[r + 1]);
      for (let i = runs[r]; i < runs[r + 1]; i++) out[i] = values[i] - c;
    }
    return out;
  };
  const trimmedCentre = (values: Float64Array) => (from: number, to: number) => trimmedMeanOf(values, from, to, scratch);
  const meanCentre = (values: Float64Array) => (from: number, to: number) => {
    let sum = 0;
    for (let i = from; i < to; i++) sum += values[i];
    return sum / (to - from);
  };

  const weekday = [0, 0, 0, 0, 0, 0, 0];
  let hasWeekday = false;
  let weekdaySamples = 0;
  if (n >= th.weekdayMinDays && days[n - 1] - days[0] + 1 >= th.weekdayMinDays) {
    const residuals = centred(logs, trimmedCentre(logs));
    const byWeekday: number[][] = [[], [], [], [], [], [], []];
    for (let i = 0; i < n; i++) byWeekday[weekdayOf(days[i])].push(residuals[i]);
    if (byWeekday.every((r) => r.length >= 2)) {
      const factors = byWeekday.map((r) => median(r));
      const centre = mean(factors);
      factors.forEach((f, k) => (weekday[k] = f - centre));
      hasWeekday = true;
      weekdaySamples = Math.min(...byWeekday.map((r) => r.length));
    }
  }

  const adjusted = new Float64Array(n);
  for (let i = 0; i < n; i++) adjusted[i] = logs[i] - weekday[weekdayOf(days[i])];
  const levelFloor = endDay - th.baselineMaxDays;
  const levelIdx: number[] = [];
  for (let i = 0; i < n; i++) if (segments[i] === currentSegment && days[i] >= levelFloor) levelIdx.push(i);
  if (levelIdx.length === 0) return null;
  const levelValues = Float64Array.from(levelIdx, (i) => adjusted[i]);
  const logLevel = trimmedMeanOf(levelValues, 0, levelValues.length, scratch);

  // Variability: residuals within each regime that has ≥ 2 days (a lone day says nothing about noise).
  const keep = (i: number) => {
    let r = 0;
    while (runs[r + 1] <= i) r++;
    return runs[r + 1] - runs[r] >= 2;
  };
  let usedSegments = 0;
  for (let r = 0; r + 1 < runs.length; r++) if (runs[r + 1] - runs[r] >= 2) usedSegments++;
  const trimmedResiduals = centred(adjusted, trimmedCentre(adjusted));
  const meanResiduals = centred(adjusted, meanCentre(adjusted));
  const residuals: number[] = [];
  let squares = 0;
  for (let i = 0; i < n; i++) {
    if (!keep(i)) continue;
    residuals.push(trimmedResiduals[i]);
    squares += meanResiduals[i] * meanResiduals[i];
  }
  const dof = residuals.length - usedSegments - (hasWeekday ? 6 : 0);
  if (dof < th.noiseMinDof) return null;
  const sd = Math.sqrt(squares / dof);
  const mad = scaledMad(residuals) * Math.sqrt(residuals.length / dof);
  // The larger of the SD (efficient) and the scaled MAD (robust): underestimating noise is what makes false alerts.
  const sigma = Math.max(mad, sd, th.sigmaFloor, minSigma);

  return {
    logLevel,
    offset,
    sigma,
    dof,
    tCrit: tCritical95(dof),
    levelDays: levelIdx.length,
    levelFrom: days[levelIdx[0]],
    levelTo: days[levelIdx[levelIdx.length - 1]],
    weekday,
    hasWeekday,
    weekdaySamples,
  };
}

/** 20 % trimmed mean of values[from, to) (as stats.trimmedMean computes it), sorting in `scratch`. */
function trimmedMeanOf(values: Float64Array, from: number, to: number, scratch: Float64Array): number {
  const len = to - from;
  const sorted = scratch.subarray(0, len);
  sorted.set(values.subarray(from, to));
  sorted.sort();
  const cut = Math.floor(len * 0.2);
  let sum = 0;
  for (let i = cut; i < len - cut; i++) sum += sorted[i];
  return sum / (len - 2 * cut);
}

/** Baseline prediction for a day on the log scale (level × weekday factor). */
export function predictLog(baseline: Baseline, day: number): number {
  return baseline.logLevel + baseline.weekday[weekdayOf(day)];
}

/** Baseline prediction for a day in metric units. */
export function predictValue(baseline: Baseline, day: number): number {
  return Math.max(0, Math.exp(predictLog(baseline, day)) - baseline.offset);
}

/** Standard error of one day's log value around the baseline prediction (noise + level + weekday-factor uncertainty). */
export function dayStandardError(baseline: Baseline): number {
  const weekdayVar = baseline.hasWeekday ? 1 / baseline.weekdaySamples : 0;
  return baseline.sigma * Math.sqrt(1 + 1 / baseline.levelDays + weekdayVar);
}

/** Standard error of the mean log effect over `days` days (noise averages out; level error does not). */
export function meanStandardError(baseline: Baseline, days: number): number {
  const weekdayVar = baseline.hasWeekday ? 1 / (baseline.weekdaySamples * Math.min(days, 7)) : 0;
  return baseline.sigma * Math.sqrt(1 / days + 1 / baseline.levelDays + weekdayVar);
}
