/**
 * Pre-action baseline of one daily metric: a robust level (20 % trimmed mean of log values), the metric's own day-to-day variability and, with two
 * weeks of history, its weekday pattern. Works on log values so effects and weekday factors are multiplicative.
 */
import type { Thresholds } from '../thresholds.ts';
import { mean, median, scaledMad, tCritical95, trimmedMean } from './stats.ts';
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
  if (days.length === 0) return null;
  const positive = raw.filter((v) => v > 0);
  if (positive.length === 0) return null;
  const offset = Math.max(1e-9, 0.01 * median(positive));
  const logs = raw.map((v) => Math.log(v + offset));
  const segmentOf = (day: number) => changePoints.filter((cp) => cp <= day && cp > historyFrom).length;
  const segments = days.map(segmentOf);
  const currentSegment = segmentOf(endDay - 1);

  const weekday = [0, 0, 0, 0, 0, 0, 0];
  let hasWeekday = false;
  let weekdaySamples = 0;
  const segmentResiduals = (adjusted: number[]) => {
    const centres = new Map<number, number>();
    for (const seg of new Set(segments)) centres.set(seg, trimmedMean(adjusted.filter((_, i) => segments[i] === seg)));
    return adjusted.map((y, i) => y - (centres.get(segments[i]) as number));
  };

  if (days.length >= th.weekdayMinDays && days[days.length - 1] - days[0] + 1 >= th.weekdayMinDays) {
    const residuals = segmentResiduals(logs);
    const byWeekday: number[][] = [[], [], [], [], [], [], []];
    days.forEach((d, i) => byWeekday[weekdayOf(d)].push(residuals[i]));
    if (byWeekday.every((r) => r.length >= 2)) {
      const factors = byWeekday.map((r) => median(r));
      const centre = mean(factors);
      factors.forEach((f, k) => (weekday[k] = f - centre));
      hasWeekday = true;
      weekdaySamples = Math.min(...byWeekday.map((r) => r.length));
    }
  }

  const adjusted = logs.map((y, i) => y - weekday[weekdayOf(days[i])]);
  const levelFloor = endDay - th.baselineMaxDays;
  const levelIdx = days.map((_d, i) => i).filter((i) => segments[i] === currentSegment && days[i] >= levelFloor);
  if (levelIdx.length === 0) return null;
  const logLevel = trimmedMean(levelIdx.map((i) => adjusted[i]));

  // Variability: residuals within each regime that has ≥ 2 days (a lone day says nothing about noise).
  const counts = new Map<number, number>();
  for (const seg of segments) counts.set(seg, (counts.get(seg) ?? 0) + 1);
  const keep = segments.map((seg) => (counts.get(seg) as number) >= 2);
  const residuals = segmentResiduals(adjusted).filter((_, i) => keep[i]);
  const usedSegments = [...counts.values()].filter((c) => c >= 2).length;
  const dof = residuals.length - usedSegments - (hasWeekday ? 6 : 0);
  if (dof < th.noiseMinDof) return null;
  const meanCentred = (() => {
    const centres = new Map<number, number>();
    for (const seg of new Set(segments)) centres.set(seg, mean(adjusted.filter((_, i) => segments[i] === seg)));
    return adjusted.map((y, i) => y - (centres.get(segments[i]) as number)).filter((_, i) => keep[i]);
  })();
  const sd = Math.sqrt(meanCentred.reduce((s, r) => s + r * r, 0) / dof);
  const mad = scaledMad(residuals) * Math.sqrt(residuals.length / dof);
  // The larger of the SD (efficient) and the scaled MAD (robust): underestimating noise is what makes false alerts.
  const sigma = Math.max(mad, sd, th.sigmaFloor, minSigma);

  const levelDays = levelIdx.map((i) => days[i]);
  return {
    logLevel,
    offset,
    sigma,
    dof,
    tCrit: tCritical95(dof),
    levelDays: levelDays.length,
    levelFrom: levelDays[0],
    levelTo: levelDays[levelDays.length - 1],
    weekday,
    hasWeekday,
    weekdaySamples,
  };
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
