/**
 * Counterfactual: what the metric would have done without the action, projected from the pre-action baseline,
 * and the action's effect as observed − counterfactual with a 95 % interval from the pre-period's noise.
 */
import { type Baseline, dayStandardError, meanStandardError, predictLog, predictValue } from './baseline.ts';
import { dayDate, type DailySeries, valueOn } from './timeline.ts';
import type { CounterfactualPoint } from './types.ts';

/** One day against the baseline: log difference, its z (÷ day standard error) and relative change (0.2 = +20 %). */
export interface DayDeviation {
  day: number;
  observed: number;
  expected: number;
  logDiff: number;
  z: number;
  relative: number;
}

export function dayDeviation(baseline: Baseline, day: number, observed: number): DayDeviation {
  const expectedLog = predictLog(baseline, day);
  const logDiff = Math.log(observed + baseline.offset) - expectedLog;
  const expected = predictValue(baseline, day);
  const relative = Math.exp(logDiff) - 1;
  return { day, observed, expected, logDiff, z: logDiff / dayStandardError(baseline), relative };
}

/** True when a day moved beyond both the change threshold (fraction) and the noise (95 % t band). */
export function isSignificantDay(baseline: Baseline, dev: DayDeviation, changeThreshold: number): boolean {
  return Math.abs(dev.relative) >= changeThreshold && Math.abs(dev.z) >= baseline.tCrit;
}

/** Counterfactual series with its 95 % prediction band for the given days (pre days show the fit, post days the projection). */
export function counterfactualSeries(
  baseline: Baseline,
  series: DailySeries,
  fromDay: number,
  toDay: number,
  firstPostDay: number,
): CounterfactualPoint[] {
  const se = dayStandardError(baseline) * baseline.tCrit;
  const points: CounterfactualPoint[] = [];
  for (let d = fromDay; d <= toDay; d++) {
    const mu = predictLog(baseline, d);
    const observed = valueOn(series, d);
    points.push({
      date: dayDate(d),
      phase: d < firstPostDay ? 'pre' : 'post',
      observed,
      counterfactual: round4(predictValue(baseline, d)),
      lower: round4(Math.max(0, Math.exp(mu - se) - baseline.offset)),
      upper: round4(Math.max(0, Math.exp(mu + se) - baseline.offset)),
    });
  }
  return points;
}

/** The effect over a set of days: mean log difference with its standard error, in percent with a 95 % interval. */
export interface EffectEstimate {
  days: number;
  logEffect: number;
  standardError: number;
  z: number;
  changePct: number;
  intervalPct: [number, number];
  observedMean: number;
  counterfactualMean: number;
}

export function estimateEffect(baseline: Baseline, deviations: readonly DayDeviation[]): EffectEstimate | null {
  if (deviations.length === 0) return null;
  const k = deviations.length;
  const logEffect = deviations.reduce((s, d) => s + d.logDiff, 0) / k;
  const standardError = meanStandardError(baseline, k);
  const half = baseline.tCrit * standardError;
  return {
    days: k,
    logEffect,
    standardError,
    z: logEffect / standardError,
    changePct: (Math.exp(logEffect) - 1) * 100,
    intervalPct: [(Math.exp(logEffect - half) - 1) * 100, (Math.exp(logEffect + half) - 1) * 100],
    observedMean: deviations.reduce((s, d) => s + d.observed, 0) / k,
    counterfactualMean: deviations.reduce((s, d) => s + d.expected, 0) / k,
  };
}

function round4(v: number): number {
  return Math.round(v * 10_000) / 10_000;
}
