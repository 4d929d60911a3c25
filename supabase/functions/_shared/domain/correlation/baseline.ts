/**
 * Pre-action baseline of one daily metric: a robust level (20 % trimmed mean of log values), the metric's own day-to-day variability and, with two
 * weeks of history, its weekday pattern. Works on log values so effects and weekday factors are multiplicative.
 */
import type { Thresholds } from '../thresholds.ts';
import { mean, tCritical95 } from './stats.ts';
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
  const cap = Math.max(0, endDay - historyFrom);
  if (scratch.days.length < cap) scratch = makeScratch(cap);
  const { days, raw, logs, adjusted, trimmed, centredMean, runs, tmp } = scratch;
  let n = 0;
  let positives = 0;
  for (let d = historyFrom; d < endDay; d++) {
    const v = valueOn(series, d);
    if (v === null) continue;
    days[n] = d;
    raw[n] = v;
    if (v > 0) tmp[positives++] = v;
    n++;
  }
  if (n === 0 || positives === 0) return null;
  const offset = Math.max(1e-9, 0.01 * medianInPlace(tmp, positives));
  for (let i = 0; i < n; i++) logs[i] = Math.log(raw[i] + offset);

  // Regime of each day: how many change points inside the history lie on or before it. Days ascend, so each regime
  // is one run of consecutive indices [runs[r], runs[r + 1]).
  // Change points on or after endDay never count for a day before it.
  const cps = changePoints.filter((cp) => cp > historyFrom && cp < endDay);
  let runCount = 0;
  let previous = -1;
  const segmentOf = (day: number) => {
    let k = 0;
    for (const cp of cps) if (cp <= day) k++;
    return k;
  };
  const segmentAt: number[] = [];
  for (let i = 0; i < n; i++) {
    const seg = segmentOf(days[i]);
    segmentAt.push(seg);
    if (i === 0 || seg !== previous) runs[runCount++] = i;
    previous = seg;
  }
  runs[runCount] = n;
  const currentSegment = segmentOf(endDay - 1);

  const weekday = [0, 0, 0, 0, 0, 0, 0];
  let hasWeekday = false;
  let weekdaySamples = 0;
  if (n >= th.weekdayMinDays && days[n - 1] - days[0] + 1 >= th.weekdayMinDays) {
    centreRuns(logs, runs, runCount, trimmed, null, tmp);
    const samples = [0, 0, 0, 0, 0, 0, 0];
    for (let i = 0; i < n; i++) samples[weekdayOf(days[i])]++;
    if (samples.every((c) => c >= 2)) {
      const factors: number[] = [];
      for (let k = 0; k < 7; k++) {
        let len = 0;
        for (let i = 0; i < n; i++) if (weekdayOf(days[i]) === k) tmp[len++] = trimmed[i];
        factors.push(medianInPlace(tmp, len));
      }
      const centre = mean(factors);
      factors.forEach((f, k) => (weekday[k] = f - centre));
      hasWeekday = true;
      weekdaySamples = Math.min(...samples);
    }
  }

  for (let i = 0; i < n; i++) adjusted[i] = logs[i] - weekday[weekdayOf(days[i])];
  const levelFloor = endDay - th.baselineMaxDays;
  let levelDays = 0;
  let levelFrom = 0;
  let levelTo = 0;
  for (let i = 0; i < n; i++) {
    if (segmentAt[i] !== currentSegment || days[i] < levelFloor) continue;
    if (levelDays === 0) levelFrom = days[i];
    levelTo = days[i];
    tmp[levelDays++] = adjusted[i];
  }
  if (levelDays === 0) return null;
  const logLevel = trimmedMeanInPlace(tmp, levelDays);

  // Variability: residuals within each regime that has ≥ 2 days (a lone day says nothing about noise).
  centreRuns(adjusted, runs, runCount, trimmed, centredMean, tmp);
  const residuals: number[] = [];
  let squares = 0;
  let usedSegments = 0;
  for (let r = 0; r < runCount; r++) {
    if (runs[r + 1] - runs[r] < 2) continue;
    usedSegments++;
    for (let i = runs[r]; i < runs[r + 1]; i++) {
      residuals.push(trimmed[i]);
      squares += centredMean[i] * centredMean[i];
    }
  }
  const dof = residuals.length - usedSegments - (hasWeekday ? 6 : 0);
  if (dof < th.noiseMinDof) return null;
  const sd = Math.sqrt(squares / dof);
  // scaledMad(residuals), on the working array.
  for (let i = 0; i < residuals.length; i++) tmp[i] = residuals[i];
  const centre = medianInPlace(tmp, residuals.length);
  for (let i = 0; i < residuals.length; i++) tmp[i] = Math.abs(residuals[i] - centre);
  const mad = 1.4826 * medianInPlace(tmp, residuals.length) * Math.sqrt(residuals.length / dof);
  // The larger of the SD (efficient) and the scaled MAD (robust): underestimating noise is what makes false alerts.
  const sigma = Math.max(mad, sd, th.sigmaFloor, minSigma);

  return {
    logLevel,
    offset,
    sigma,
    dof,
    tCrit: tCritical95(dof),
    levelDays,
    levelFrom,
    levelTo,
    weekday,
    hasWeekday,
    weekdaySamples,
  };
}

/** Working arrays reused across calls (the engine estimates hundreds of baselines per campaign). */
function makeScratch(size: number) {
  return {
    days: new Float64Array(size),
    raw: new Float64Array(size),
    logs: new Float64Array(size),
    adjusted: new Float64Array(size),
    trimmed: new Float64Array(size),
    centredMean: new Float64Array(size),
    runs: new Int32Array(size + 1),
    tmp: new Float64Array(size),
  };
}
let scratch = makeScratch(64);

/**
 * values[i] minus its run's 20 % trimmed mean into `trimmed` and, when asked, minus its run's mean into `meanOut`
 * (the same arithmetic as stats.trimmedMean / stats.mean on the run's values).
 */
function centreRuns(values: Float64Array, runs: Int32Array, runCount: number, trimmed: Float64Array, meanOut: Float64Array | null, tmp: Float64Array) {
  for (let r = 0; r < runCount; r++) {
    const from = runs[r];
    const to = runs[r + 1];
    let sum = 0;
    for (let i = from; i < to; i++) {
      tmp[i - from] = values[i];
      sum += values[i];
    }
    const centre = trimmedMeanInPlace(tmp, to - from);
    const average = sum / (to - from);
    for (let i = from; i < to; i++) {
      trimmed[i] = values[i] - centre;
      if (meanOut) meanOut[i] = values[i] - average;
    }
  }
}

/** Stable insertion sort of a[0, len): for the short windows here the same order as Array.prototype.sort((a, b) => a − b). */
function sortInPlace(a: Float64Array, len: number) {
  for (let i = 1; i < len; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

function medianInPlace(a: Float64Array, len: number): number {
  sortInPlace(a, len);
  const mid = Math.floor(len / 2);
  return len % 2 === 1 ? a[mid] : (a[mid - 1] + a[mid]) / 2;
}

/** 20 % trimmed mean of a[0, len), as stats.trimmedMean computes it (sorts `a`). */
function trimmedMeanInPlace(a: Float64Array, len: number): number {
  sortInPlace(a, len);
  const cut = Math.floor(len * 0.2);
  let sum = 0;
  for (let i = cut; i < len - cut; i++) sum += a[i];
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
