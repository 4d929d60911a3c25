/**
 * Step model of a daily series: log value = level + weekday effect + effect × (share of the day after the onset).
 * Fitted by least squares for every candidate onset instant, so the onset can be placed to within hours from how
 * deep the partial first day went, and a step that began before an action can be told from one that began after.
 */
import { type DailySeries, MS_PER_DAY, MS_PER_HOUR, weekdayOf } from './timeline.ts';
import { insertionSort } from './insertion-sort.ts';

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
  const width = Math.max(0, toDay - fromDay + 1);
  if (positivesScratch.length < width) positivesScratch = new Float64Array(width);
  const centred = series.map((s) => {
    const logs = new Float64Array(width);
    const present = new Uint8Array(width);
    // Read the dense series directly (valueOn is null outside it).
    const values = s.values;
    const from = Math.max(fromDay, s.start);
    const to = Math.min(toDay, s.start + values.length - 1);
    let positives = 0;
    for (let d = from; d <= to; d++) {
      const v = values[d - s.start];
      if (v !== null && v > 0) positivesScratch[positives++] = v;
    }
    if (positives === 0) return { logs, present };
    const offset = 0.01 * upperMedian(positivesScratch, positives);
    let sum = 0;
    let count = 0;
    for (let d = from; d <= to; d++) {
      const v = values[d - s.start];
      if (v === null) continue;
      const l = Math.log(v + offset);
      logs[d - fromDay] = l;
      present[d - fromDay] = 1;
      sum += l;
      count++;
    }
    const mean = sum / Math.max(1, count);
    for (let i = 0; i < width; i++) if (present[i]) logs[i] -= mean;
    return { logs, present };
  });
  const days: number[] = [];
  const y: number[] = [];
  for (let i = 0; i < width; i++) {
    let sum = 0;
    let count = 0;
    for (const m of centred) {
      if (!m.present[i]) continue;
      sum += m.logs[i];
      count++;
    }
    if (count === 0) continue;
    days.push(fromDay + i);
    y.push(sum / count);
  }
  return { days, y };
}

let positivesScratch = new Float64Array(64);

/** a[⌊len/2⌋] once a[0, len) is sorted ascending (sorts it: insertion sort, the windows are short). */
function upperMedian(a: Float64Array, len: number): number {
  insertionSort(a, len);
  return a[Math.floor(len / 2)];
}

/**
 * Solves the normal equations A·x = b (d × d, row-major) by Gauss–Jordan elimination with partial pivoting, and at
 * the same time A·z = e_last for the last diagonal element of A⁻¹ (the step's variance factor). Both right-hand
 * sides ride along one elimination, so the arithmetic is exactly that of solving them one after the other.
 * Null when singular.
 */
function solveWithLastInverse(a: Float64Array, b: Float64Array, d: number): { coef: Float64Array; inverseDiag: number } | null {
  const w = d + 2;
  const m = new Float64Array(d * w);
  for (let i = 0; i < d; i++) {
    for (let k = 0; k < d; k++) m[i * w + k] = a[i * d + k];
    m[i * w + d] = b[i];
    m[i * w + d + 1] = i === d - 1 ? 1 : 0;
  }
  const row = new Int32Array(d);
  for (let i = 0; i < d; i++) row[i] = i * w;
  for (let c = 0; c < d; c++) {
    let p = c;
    for (let r = c + 1; r < d; r++) if (Math.abs(m[row[r] + c]) > Math.abs(m[row[p] + c])) p = r;
    if (Math.abs(m[row[p] + c]) < 1e-10) return null;
    const t = row[c];
    row[c] = row[p];
    row[p] = t;
    const rc = row[c];
    for (let r = 0; r < d; r++) {
      if (r === c) continue;
      const rr = row[r];
      const f = m[rr + c] / m[rc + c];
      for (let k = c; k <= d + 1; k++) m[rr + k] -= f * m[rc + k];
    }
  }
  const coef = new Float64Array(d);
  for (let i = 0; i < d; i++) coef[i] = m[row[i] + d] / m[row[i] + i];
  return { coef, inverseDiag: m[row[d - 1] + d + 1] / m[row[d - 1] + d - 1] };
}

export interface StepModel {
  series: StepSeries;
  withWeekday: boolean;
  /** Residual variance of the best step fit (log scale, per day). */
  readonly sigma2: number;
  /** SSE without any step, for the likelihood-ratio of "nothing changed". */
  sseNoStep: number;
  fitAt(onsetAt: number): StepFit | null;
  /** Best onset among candidate instants in [from, to] (every `stepHours`). */
  bestBetween(from: number, to: number): StepFit | null;
  /**
   * The candidate maximising −sse / `divisor` − penalties[i] (the first one on a tie), with its index: what a loop
   * over `fitAt` would pick, without fitting every candidate exactly.
   */
  bestOf(onsets: readonly number[], divisor: number, penalties: readonly number[]): { fit: StepFit; index: number } | null;
}

const STEP_HOURS = 2;

/**
 * Builds the step model of a series (null with fewer than 7 days).
 *
 * Every fit a caller sees is the exact least-squares fit (normal equations, the same arithmetic for the same onset,
 * whichever order onsets are asked in). Searches over many onsets first rank them by a cheap update of the no-step
 * fit (Frisch–Waugh–Lovell: only the step column's projection changes, O(p²) per onset from suffix sums) and fit
 * exactly only the onsets that could still win; ties are broken as a plain loop would break them.
 */
export function stepModel(series: StepSeries): StepModel | null {
  const n = series.days.length;
  if (n < 7) return null;
  const days = series.days;
  const span = days[n - 1] - days[0] + 1;
  const withWeekday = span >= 14 && n >= 14;
  const p = withWeekday ? 7 : 1;
  const x = new Float64Array(n * p);
  const y = Float64Array.from(series.y);
  for (let i = 0; i < n; i++) {
    x[i * p] = 1;
    if (!withWeekday) continue;
    // Weekday columns need two weeks of days; sum-to-zero coding: Saturday is minus every other weekday.
    const w = weekdayOf(days[i]);
    for (let k = 0; k < 6; k++) x[i * p + 1 + k] = w === k ? 1 : w === 6 ? -1 : 0;
  }

  // Normal equations of the level + weekday part, accumulated row by row as a full fit would accumulate them.
  const xtxBase = new Float64Array(p * p);
  const xtyBase = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    for (let a = 0; a < p; a++) {
      const ra = x[i * p + a];
      xtyBase[a] += ra * y[i];
      for (let b = 0; b < p; b++) xtxBase[a * p + b] += ra * x[i * p + b];
    }
  }
  const noStep = solveWithLastInverse(xtxBase, xtyBase, p);
  if (!noStep) return null;
  let sseNoStep = 0;
  let yy = 0;
  for (let i = 0; i < n; i++) {
    let fit = 0;
    for (let k = 0; k < p; k++) fit += x[i * p + k] * noStep.coef[k];
    sseNoStep += (y[i] - fit) ** 2;
    yy += y[i] * y[i];
  }
  return new FittedStepModel(series, withWeekday, p, x, y, xtxBase, xtyBase, noStep.coef, sseNoStep, yy);
}

/**
 * Cheap ranking, set up on the first search (a model asked for one fit never needs it): suffix sums of y and, per
 * index, the quadratic forms a candidate's projection is built from, so ranking one onset costs O(1).
 */
interface Ranking {
  suffixY: Float64Array;
  /** SX[j]ᵀ G SX[j], SX[j]ᵀ β (SX[j]: column sums from day index j on; G = (XᵀX)⁻¹; β: no-step fit). */
  tailForm: Float64Array;
  tailBeta: Float64Array;
  /** x_jᵀ G SX[j + 1], x_jᵀ G x_j, x_jᵀ β for the partial first day j. */
  crossForm: Float64Array;
  ownForm: Float64Array;
  ownBeta: Float64Array;
}

/**
 * A step model's state and searches. A class rather than closures: the engine builds dozens of models per campaign
 * and most are asked for a single fit, so what construction costs matters.
 */
class FittedStepModel implements StepModel {
  readonly series: StepSeries;
  readonly withWeekday: boolean;
  readonly sseNoStep: number;
  private readonly n: number;
  private readonly p: number;
  private readonly q: number;
  private readonly days: number[];
  private readonly x: Float64Array;
  private readonly y: Float64Array;
  private readonly xtxBase: Float64Array;
  private readonly xtyBase: Float64Array;
  private readonly beta: Float64Array;
  private readonly dof: number;
  /** Bound on the ranking's rounding error (far above it): onsets within it of the best are fitted exactly. */
  private readonly tolerance: number;
  private ranking: Ranking | null | undefined = undefined;
  // Onsets are cached per hour: the first instant asked for an hour stands for it. The full-range search that sets
  // sigma2 is defined to have asked first for its even hours, so those hours always mean the exact hour.
  private readonly rangeFrom: number;
  private readonly rangeTo: number;
  private readonly rangeFirstKey: number;
  private readonly rangeLastKey: number;
  private readonly instantOfKey = new Map<number, number>();
  private readonly exactCache = new Map<number, StepFit | null>();
  private readonly approxCache = new Map<number, number | null>();
  private sigma2Value: number | null = null;

  constructor(
    series: StepSeries,
    withWeekday: boolean,
    p: number,
    x: Float64Array,
    y: Float64Array,
    xtxBase: Float64Array,
    xtyBase: Float64Array,
    beta: Float64Array,
    sseNoStep: number,
    yy: number,
  ) {
    const n = series.days.length;
    this.series = series;
    this.withWeekday = withWeekday;
    this.sseNoStep = sseNoStep;
    this.n = n;
    this.p = p;
    this.q = p + 1;
    this.days = series.days;
    this.x = x;
    this.y = y;
    this.xtxBase = xtxBase;
    this.xtyBase = xtyBase;
    this.beta = beta;
    this.dof = Math.max(1, n - p - 1);
    this.tolerance = 1e-8 * (sseNoStep + yy) + 1e-300;
    const first = this.days[0] * MS_PER_DAY;
    const last = (this.days[n - 1] + 1) * MS_PER_DAY;
    this.rangeFrom = first + 3 * MS_PER_DAY;
    this.rangeTo = last - 2 * MS_PER_DAY;
    this.rangeFirstKey = this.rangeFrom / MS_PER_HOUR;
    this.rangeLastKey = Math.floor(this.rangeTo / MS_PER_HOUR);
  }

  get sigma2(): number {
    if (this.sigma2Value === null) {
      const overall = this.bestBetween(this.rangeFrom, this.rangeTo);
      this.sigma2Value = Math.max(1e-6, (overall ? overall.sse : this.sseNoStep) / this.dof);
    }
    return this.sigma2Value;
  }

  fitAt(onsetAt: number): StepFit | null {
    return this.exactAt(this.keyOf(onsetAt));
  }

  bestOf(onsets: readonly number[], divisor: number, penalties: readonly number[]): { fit: StepFit; index: number } | null {
    const keys = onsets.map((onsetAt) => this.keyOf(onsetAt));
    let top = Number.NEGATIVE_INFINITY;
    const approx = keys.map((key, i) => {
      const a = this.approxAt(key);
      if (a !== null && !Number.isNaN(a)) top = Math.max(top, -a / divisor - penalties[i]);
      return a;
    });
    const margin = (2 * this.tolerance) / divisor + 1e-12 * Math.abs(top);
    let best: { fit: StepFit; index: number; score: number } | null = null;
    for (let i = 0; i < keys.length; i++) {
      const a = approx[i];
      if (a === null) continue;
      if (!Number.isNaN(a) && -a / divisor - penalties[i] < top - margin) continue;
      const fit = this.exactAt(keys[i]);
      if (!fit) continue;
      const score = -fit.sse / divisor - penalties[i];
      if (!best || score > best.score) best = { fit, index: i, score };
    }
    return best ? { fit: best.fit, index: best.index } : null;
  }

  bestBetween(from: number, to: number): StepFit | null {
    const onsets: number[] = [];
    for (let t = from; t <= to; t += STEP_HOURS * MS_PER_HOUR) onsets.push(t);
    return this.bestOf(onsets, 1, new Array<number>(onsets.length).fill(0))?.fit ?? null;
  }

  private keyOf(onsetAt: number): number {
    const key = Math.round(onsetAt / MS_PER_HOUR);
    if (!this.instantOfKey.has(key)) {
      const inRange = key >= this.rangeFirstKey && key <= this.rangeLastKey && (key - this.rangeFirstKey) % STEP_HOURS === 0;
      this.instantOfKey.set(key, inRange ? key * MS_PER_HOUR : onsetAt);
    }
    return key;
  }

  private exactAt(key: number): StepFit | null {
    if (!this.exactCache.has(key)) this.exactCache.set(key, this.exactFit(this.instantOfKey.get(key) as number));
    return this.exactCache.get(key) as StepFit | null;
  }

  private approxAt(key: number): number | null {
    if (!this.approxCache.has(key)) this.approxCache.set(key, this.approxSse(this.instantOfKey.get(key) as number));
    return this.approxCache.get(key) as number | null;
  }

  /** First series index whose day ends after `at` (share > 0). */
  private firstExposed(at: number): number {
    const day = Math.floor(at / MS_PER_DAY);
    const days = this.days;
    let lo = 0;
    let hi = this.n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (days[mid] < day) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  private exactFit(onsetAt: number): StepFit | null {
    const { n, p, q, days, x, y, xtxBase, xtyBase } = this;
    const shares = new Float64Array(n);
    let exposed = 0;
    for (let i = 0; i < n; i++) {
      shares[i] = dayShareAfter(days[i], onsetAt);
      if (shares[i] > 0) exposed++;
    }
    if (!(exposed >= 1 && exposed < n - 3)) return null;
    const xtx = new Float64Array(q * q);
    const xty = new Float64Array(q);
    for (let a = 0; a < p; a++) {
      xty[a] = xtyBase[a];
      for (let b = 0; b < p; b++) xtx[a * q + b] = xtxBase[a * p + b];
    }
    // Days before the onset add exact zeros to the step column's sums; skipping them changes no bit.
    for (let i = 0; i < n; i++) {
      const s = shares[i];
      if (s === 0) continue;
      for (let a = 0; a < p; a++) {
        const v = x[i * p + a] * s;
        xtx[a * q + p] += v;
        xtx[p * q + a] += s * x[i * p + a];
      }
      xtx[p * q + p] += s * s;
      xty[p] += s * y[i];
    }
    const fitted = solveWithLastInverse(xtx, xty, q);
    if (!fitted) return null;
    let sse = 0;
    for (let i = 0; i < n; i++) {
      let fit = 0;
      for (let k = 0; k < p; k++) fit += x[i * p + k] * fitted.coef[k];
      fit += shares[i] * fitted.coef[p];
      sse += (y[i] - fit) ** 2;
    }
    const s2 = sse / this.dof;
    const se = Math.sqrt(Math.max(1e-12, s2 * fitted.inverseDiag));
    const effect = fitted.coef[p];
    return { onsetAt, effect, standardError: se, z: effect / se, sse };
  }

  /** SSE of the step at `onsetAt` from the no-step fit; null when not fittable, NaN when only an exact fit can tell. */
  private approxSse(onsetAt: number): number | null {
    if (this.ranking === undefined) this.ranking = this.rankingSetup();
    const { n, days, y } = this;
    const j = this.firstExposed(onsetAt);
    const exposed = n - j;
    if (!(exposed >= 1 && exposed < n - 3)) return null;
    if (!this.ranking) return Number.NaN;
    const r = this.ranking;
    const s = dayShareAfter(days[j], onsetAt);
    const partial = s < 1;
    const from = partial ? j + 1 : j;
    let xx = n - from;
    let xy = r.suffixY[from];
    let vgv = r.tailForm[from];
    let vb = r.tailBeta[from];
    if (partial) {
      xx += s * s;
      xy += s * y[j];
      vgv += 2 * s * r.crossForm[j] + s * s * r.ownForm[j];
      vb += s * r.ownBeta[j];
    }
    const residualSquares = xx - vgv;
    if (!(residualSquares > 1e-6 * Math.max(1, xx))) return Number.NaN;
    const w = xy - vb;
    return this.sseNoStep - (w * w) / residualSquares;
  }

  /** (XᵀX)⁻¹ of the base, suffix sums of its columns and of y, and the per-index quadratic forms. */
  private rankingSetup(): Ranking | null {
    const { n, p, x, y } = this;
    const g = inverse(this.xtxBase, p);
    if (!g) return null;
    const beta = this.beta;
    const suffixX = new Float64Array((n + 1) * p);
    const suffixY = new Float64Array(n + 1);
    for (let i = n - 1; i >= 0; i--) {
      for (let a = 0; a < p; a++) suffixX[i * p + a] = suffixX[(i + 1) * p + a] + x[i * p + a];
      suffixY[i] = suffixY[i + 1] + y[i];
    }
    const tailForm = new Float64Array(n + 1);
    const tailBeta = new Float64Array(n + 1);
    const crossForm = new Float64Array(n);
    const ownForm = new Float64Array(n);
    const ownBeta = new Float64Array(n);
    const gv = new Float64Array(p);
    for (let j = 0; j <= n; j++) {
      for (let a = 0; a < p; a++) {
        let sum = 0;
        for (let b = 0; b < p; b++) sum += g[a * p + b] * suffixX[j * p + b];
        gv[a] = sum;
      }
      for (let a = 0; a < p; a++) {
        tailForm[j] += suffixX[j * p + a] * gv[a];
        tailBeta[j] += suffixX[j * p + a] * beta[a];
        if (j > 0) crossForm[j - 1] += x[(j - 1) * p + a] * gv[a];
      }
    }
    for (let j = 0; j < n; j++) {
      for (let a = 0; a < p; a++) {
        let sum = 0;
        for (let b = 0; b < p; b++) sum += g[a * p + b] * x[j * p + b];
        ownForm[j] += x[j * p + a] * sum;
        ownBeta[j] += x[j * p + a] * beta[a];
      }
    }
    return { suffixY, tailForm, tailBeta, crossForm, ownForm, ownBeta };
  }
}

/** A⁻¹ (d × d, row-major) for ranking only: Gauss–Jordan on [A | I] with partial pivoting; null when singular. */
function inverse(a: Float64Array, d: number): Float64Array | null {
  const w = 2 * d;
  const m = new Float64Array(d * w);
  for (let i = 0; i < d; i++) {
    for (let k = 0; k < d; k++) m[i * w + k] = a[i * d + k];
    m[i * w + d + i] = 1;
  }
  for (let c = 0; c < d; c++) {
    let p = c;
    for (let r = c + 1; r < d; r++) if (Math.abs(m[r * w + c]) > Math.abs(m[p * w + c])) p = r;
    if (Math.abs(m[p * w + c]) < 1e-12) return null;
    if (p !== c) for (let k = 0; k < w; k++) [m[c * w + k], m[p * w + k]] = [m[p * w + k], m[c * w + k]];
    const pivot = m[c * w + c];
    for (let k = 0; k < w; k++) m[c * w + k] /= pivot;
    for (let r = 0; r < d; r++) {
      if (r === c) continue;
      const f = m[r * w + c];
      if (f !== 0) for (let k = 0; k < w; k++) m[r * w + k] -= f * m[c * w + k];
    }
  }
  const out = new Float64Array(d * d);
  for (let i = 0; i < d; i++) for (let k = 0; k < d; k++) out[i * d + k] = m[i * w + d + k];
  return out;
}
