/**
 * Pre-action baseline of one daily metric: a robust level (20 % trimmed mean of log values), the metric's own day-to-day variability and, with two
 * weeks of history, its weekday pattern. Works on log values so effects and weekday factors are multiplicative.
 */
import type { Thresholds } from '../thresholds.ts';
import { mean, tCritical95 } from './stats.ts';
import { type DailySeries, weekdayOf } from './timeline.ts';
import { insertionSort } from './insertion-sort.ts';

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
  const { days, weekdays, segments, raw, logs, adjusted, trimmed, centredMean, residuals, runs, tmp } = scratch;
  // The history's days, read straight from the dense series (valueOn is null outside it).
  const values = series.values;
  const firstDay = Math.max(historyFrom, series.start);
  const lastDay = Math.min(endDay, series.start + values.length);
  let n = 0;
  let positives = 0;
  for (let d = firstDay; d < lastDay; d++) {
    const v = values[d - series.start];
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
  let runCount = 0;
  let previous = -1;
  for (let i = 0; i < n; i++) {
    const seg = segmentOf(changePoints, historyFrom, endDay, days[i]);
    segments[i] = seg;
    weekdays[i] = weekdayOf(days[i]);
    if (i === 0 || seg !== previous) runs[runCount++] = i;
    previous = seg;
  }
  runs[runCount] = n;
  const currentSegment = segmentOf(changePoints, historyFrom, endDay, endDay - 1);

  const weekday = [0, 0, 0, 0, 0, 0, 0];
  let hasWeekday = false;
  let weekdaySamples = 0;
  if (n >= th.weekdayMinDays && days[n - 1] - days[0] + 1 >= th.weekdayMinDays) {
    const samples = [0, 0, 0, 0, 0, 0, 0];
    for (let i = 0; i < n; i++) samples[weekdays[i]]++;
    weekdaySamples = Math.min(samples[0], samples[1], samples[2], samples[3], samples[4], samples[5], samples[6]);
    if (weekdaySamples >= 2) {
      centreRuns(logs, runs, runCount, trimmed, null, tmp);
      const factors = [0, 0, 0, 0, 0, 0, 0];
      for (let k = 0; k < 7; k++) {
        let len = 0;
        for (let i = 0; i < n; i++) if (weekdays[i] === k) tmp[len++] = trimmed[i];
        factors[k] = medianInPlace(tmp, len);
      }
      const centre = mean(factors);
      for (let k = 0; k < 7; k++) weekday[k] = factors[k] - centre;
      hasWeekday = true;
    } else weekdaySamples = 0;
  }

  for (let i = 0; i < n; i++) adjusted[i] = logs[i] - weekday[weekdays[i]];
  const levelFloor = endDay - th.baselineMaxDays;
  let levelDays = 0;
  let levelFrom = 0;
  let levelTo = 0;
  for (let i = 0; i < n; i++) {
    if (segments[i] !== currentSegment || days[i] < levelFloor) continue;
    if (levelDays === 0) levelFrom = days[i];
    levelTo = days[i];
    tmp[levelDays++] = adjusted[i];
  }
  if (levelDays === 0) return null;
  const logLevel = trimmedMeanInPlace(tmp, levelDays);

  // Variability: residuals within each regime that has ≥ 2 days (a lone day says nothing about noise).
  centreRuns(adjusted, runs, runCount, trimmed, centredMean, tmp);
  let count = 0;
  let squares = 0;
  let usedSegments = 0;
  for (let r = 0; r < runCount; r++) {
    if (runs[r + 1] - runs[r] < 2) continue;
    usedSegments++;
    for (let i = runs[r]; i < runs[r + 1]; i++) {
      residuals[count++] = trimmed[i];
      squares += centredMean[i] * centredMean[i];
    }
  }
  const dof = count - usedSegments - (hasWeekday ? 6 : 0);
  if (dof < th.noiseMinDof) return null;
  const sd = Math.sqrt(squares / dof);
  // scaledMad(residuals), on the working array.
  for (let i = 0; i < count; i++) tmp[i] = residuals[i];
  const centre = medianInPlace(tmp, count);
  for (let i = 0; i < count; i++) tmp[i] = Math.abs(residuals[i] - centre);
  const mad = 1.4826 * medianInPlace(tmp, count) * Math.sqrt(count / dof);
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

/** How many change points inside the history (historyFrom, endDay) lie on or before `day`. */
function segmentOf(changePoints: readonly number[], historyFrom: number, endDay: number, day: number): number {
  let k = 0;
  for (let j = 0; j < changePoints.length; j++) {
    const cp = changePoints[j];
    if (cp > historyFrom && cp < endDay && cp <= day) k++;
  }
  return k;
}

/** A campaign's baselines, remembered: the engine's stages ask for the same ones again and again. */
export type BaselineCache = (series: DailySeries, endDay: number, changePoints: readonly number[], minSigma?: number) => Baseline | null;

/**
 * estimateBaseline for the series of ONE campaign (told apart by metric), remembered per metric, end day and the
 * change points inside the noise window (the baseline is a pure function of those). The noise floor `minSigma` only
 * enters the final max() of sigma, so one estimate serves every floor: a higher floor just raises sigma. Callers
 * only read what they get.
 */
export function baselineCache(th: CorrelationThresholds): BaselineCache {
  const memo = new Map<string, Map<number | string, Baseline | null>>();
  const raised = new Map<Baseline, Map<number, Baseline>>();
  return (series, endDay, changePoints, minSigma = 0) => {
    let byWindow = memo.get(series.metric);
    if (!byWindow) {
      byWindow = new Map();
      memo.set(series.metric, byWindow);
    }
    const key = windowKey(endDay, changePoints, th.noiseWindowDays);
    let core = byWindow.get(key);
    if (core === undefined) {
      core = estimateBaseline(series, endDay, changePoints, th, 0);
      byWindow.set(key, core);
    }
    if (core === null || minSigma <= core.sigma) return core;
    let floors = raised.get(core);
    if (!floors) {
      floors = new Map();
      raised.set(core, floors);
    }
    let floored = floors.get(minSigma);
    if (floored === undefined) {
      floored = { ...core, sigma: Math.max(core.sigma, minSigma) };
      floors.set(minSigma, floored);
    }
    return floored;
  };
}

/**
 * A key naming the end day and the set of change points in (endDay − windowDays, endDay): a number (end day and a
 * bit per change point's distance) when that fits exactly, else a string. Hashing a number is what makes the
 * cache cheaper than a string key built per call.
 */
export function windowKey(endDay: number, changePoints: readonly number[], windowDays: number): number | string {
  const from = endDay - windowDays;
  if (windowDays <= 30 && Number.isInteger(endDay) && Math.abs(endDay) < 2 ** 21) {
    let mask = 0;
    let exact = true;
    for (let i = 0; i < changePoints.length; i++) {
      const cp = changePoints[i];
      if (!(cp > from && cp < endDay)) continue;
      const distance = endDay - cp;
      if (!Number.isInteger(distance)) {
        exact = false;
        break;
      }
      mask |= 1 << distance; // distance is 1 … windowDays − 1 < 30
    }
    if (exact) return (endDay + 2 ** 21) * 2 ** 30 + mask;
  }
  let key = `${endDay}|`;
  const sorted = changePoints.filter((cp) => cp > from && cp < endDay).sort((a, b) => a - b);
  for (let i = 0; i < sorted.length; i++) if (i === 0 || sorted[i] !== sorted[i - 1]) key += `${sorted[i]},`;
  return key;
}

/** Working arrays reused across calls (the engine estimates hundreds of baselines per campaign). */
function makeScratch(size: number) {
  return {
    days: new Float64Array(size),
    weekdays: new Int32Array(size),
    segments: new Int32Array(size),
    raw: new Float64Array(size),
    logs: new Float64Array(size),
    adjusted: new Float64Array(size),
    trimmed: new Float64Array(size),
    centredMean: new Float64Array(size),
    residuals: new Float64Array(size),
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

function medianInPlace(a: Float64Array, len: number): number {
  insertionSort(a, len);
  const mid = Math.floor(len / 2);
  return len % 2 === 1 ? a[mid] : (a[mid - 1] + a[mid]) / 2;
}

/** 20 % trimmed mean of a[0, len), as stats.trimmedMean computes it (sorts `a`). */
function trimmedMeanInPlace(a: Float64Array, len: number): number {
  insertionSort(a, len);
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
