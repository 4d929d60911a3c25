/**
 * Step model of a daily series: log value = level + weekday effect + effect × (share of the day after the onset).
 * Fitted by least squares for every candidate onset instant, so the onset can be placed to within hours from how
 * deep the partial first day went, and a step that began before an action can be told from one that began after.
 */
import { type DailySeries, MS_PER_DAY, MS_PER_HOUR, valueOn, weekdayOf } from './timeline.ts';

export interface StepFit {
  /** Instant (ms) of the onset. */
  onsetAt: number;
  /** Effect on the log scale, its standard error and z. */
  effect: number;
  standardError: number;
  z: number;
  sse: number;
}

export interface StepSeries {
  days: number[];
  /** Log values (pooled metrics averaged), weekday effects not yet removed. */
  y: number[];
}

/** Fraction of day `day` after instant `at` (0 when the day ended before, 1 when it began after). */
export function dayShareAfter(day: number, at: number): number {
  return Math.min(1, Math.max(0, ((day + 1) * MS_PER_DAY - at) / MS_PER_DAY));
}

/**
 * Pooled log series of related metrics between two days: each metric is log-transformed and centred, then the
 * metrics are averaged per day, so sales, revenue and conversions moving together count as one stronger signal.
 */
export function pooledLogSeries(series: readonly DailySeries[], fromDay: number, toDay: number): StepSeries {
  const days: number[] = [];
  const y: number[] = [];
  const centred = series.map((s) => {
    const logs = new Map<number, number>();
    const positives: number[] = [];
    for (let d = fromDay; d <= toDay; d++) {
      const v = valueOn(s, d);
      if (v !== null && v > 0) positives.push(v);
    }
    if (positives.length === 0) return logs;
    const offset = 0.01 * positives.sort((a, b) => a - b)[Math.floor(positives.length / 2)];
    for (let d = fromDay; d <= toDay; d++) {
      const v = valueOn(s, d);
      if (v !== null) logs.set(d, Math.log(v + offset));
    }
    const mean = [...logs.values()].reduce((a, b) => a + b, 0) / Math.max(1, logs.size);
    for (const [d, v] of logs) logs.set(d, v - mean);
    return logs;
  });
  for (let d = fromDay; d <= toDay; d++) {
    const vals = centred.map((m) => m.get(d)).filter((v): v is number => v !== undefined);
    if (vals.length === 0) continue;
    days.push(d);
    y.push(vals.reduce((a, b) => a + b, 0) / vals.length);
  }
  return { days, y };
}

/** Solves the normal equations A·x = b (small, symmetric); null when singular. */
function solve(a: number[][], b: number[]): number[] | null {
  const n = b.length;
  const m = a.map((row, i) => [...row, b[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(m[r][c]) > Math.abs(m[p][c])) p = r;
    if (Math.abs(m[p][c]) < 1e-10) return null;
    [m[c], m[p]] = [m[p], m[c]];
    for (let r = 0; r < n; r++) {
      if (r === c) continue;
      const f = m[r][c] / m[c][c];
      for (let k = c; k <= n; k++) m[r][k] -= f * m[c][k];
    }
  }
  return m.map((row, i) => row[n] / row[i]);
}

/** Weekday columns need two weeks of days; shorter windows fit the level alone. */
function designRow(day: number, withWeekday: boolean): number[] {
  const row = [1];
  if (withWeekday) {
    const w = weekdayOf(day);
    // Sum-to-zero coding: Saturday is minus every other weekday.
    for (let k = 0; k < 6; k++) row.push(w === k ? 1 : w === 6 ? -1 : 0);
  }
  return row;
}

interface Fitted {
  sse: number;
  coef: number[];
  inverseDiag: number;
}

function fitOls(rows: number[][], y: number[]): Fitted | null {
  const p = rows[0].length;
  const xtx = Array.from({ length: p }, () => new Array<number>(p).fill(0));
  const xty = new Array<number>(p).fill(0);
  rows.forEach((r, i) => {
    for (let a = 0; a < p; a++) {
      xty[a] += r[a] * y[i];
      for (let b = 0; b < p; b++) xtx[a][b] += r[a] * r[b];
    }
  });
  const coef = solve(xtx, xty);
  if (!coef) return null;
  const unit = new Array<number>(p).fill(0);
  unit[p - 1] = 1;
  const inv = solve(xtx, unit);
  let sse = 0;
  rows.forEach((r, i) => {
    const fit = r.reduce((s, x, k) => s + x * coef[k], 0);
    sse += (y[i] - fit) ** 2;
  });
  return { sse, coef, inverseDiag: inv ? inv[p - 1] : Number.NaN };
}

export interface StepModel {
  series: StepSeries;
  withWeekday: boolean;
  /** Residual variance of the best step fit (log scale, per day). */
  sigma2: number;
  /** SSE without any step, for the likelihood-ratio of "nothing changed". */
  sseNoStep: number;
  fitAt(onsetAt: number): StepFit | null;
  /** Best onset among candidate instants in [from, to] (every `stepHours`). */
  bestBetween(from: number, to: number): StepFit | null;
}

const STEP_HOURS = 2;

/** Builds the step model of a series (null with fewer than 7 days). */
export function stepModel(series: StepSeries): StepModel | null {
  const n = series.days.length;
  if (n < 7) return null;
  const span = series.days[n - 1] - series.days[0] + 1;
  const withWeekday = span >= 14 && n >= 14;
  const base = series.days.map((d) => designRow(d, withWeekday));
  const noStep = fitOls(base, series.y);
  if (!noStep) return null;
  const cache = new Map<number, StepFit | null>();
  const fitAt = (onsetAt: number): StepFit | null => {
    const key = Math.round(onsetAt / MS_PER_HOUR);
    if (cache.has(key)) return cache.get(key) as StepFit | null;
    const shares = series.days.map((d) => dayShareAfter(d, onsetAt));
    const exposed = shares.filter((s) => s > 0).length;
    let result: StepFit | null = null;
    if (exposed >= 1 && exposed < n - 3) {
      const fitted = fitOls(base.map((r, i) => [...r, shares[i]]), series.y);
      if (fitted) {
        const dof = Math.max(1, n - base[0].length - 1);
        const s2 = fitted.sse / dof;
        const se = Math.sqrt(Math.max(1e-12, s2 * fitted.inverseDiag));
        const effect = fitted.coef[fitted.coef.length - 1];
        result = { onsetAt, effect, standardError: se, z: effect / se, sse: fitted.sse };
      }
    }
    cache.set(key, result);
    return result;
  };
  const bestBetween = (from: number, to: number): StepFit | null => {
    let best: StepFit | null = null;
    for (let t = from; t <= to; t += STEP_HOURS * MS_PER_HOUR) {
      const f = fitAt(t);
      if (f && (!best || f.sse < best.sse)) best = f;
    }
    return best;
  };
  const first = series.days[0] * MS_PER_DAY;
  const last = (series.days[n - 1] + 1) * MS_PER_DAY;
  const overall = bestBetween(first + 3 * MS_PER_DAY, last - 2 * MS_PER_DAY);
  const dof = Math.max(1, n - base[0].length - 1);
  const sigma2 = Math.max(1e-6, (overall ? overall.sse : noStep.sse) / dof);
  return { series, withWeekday, sigma2, sseNoStep: noStep.sse, fitAt, bestBetween };
}
