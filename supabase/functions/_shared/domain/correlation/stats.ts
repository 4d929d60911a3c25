/** Small robust-statistics helpers for the correlation engine. Pure; empty input yields NaN. */
import { insertionSort } from './insertion-sort.ts';

export function mean(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  let sum = 0;
  for (const v of values) sum += v;
  return sum / values.length;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = sortedCopy(values);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median absolute deviation from the median, scaled (×1.4826) to estimate σ of normal noise. */
/**
 * values sorted ascending, as [...values].sort((a, b) => a − b) sorts them: short lists (the engine's windows) by a
 * stable insertion sort, which orders finite numbers the same way without a comparator call per step.
 */
function sortedCopy(values: readonly number[]): readonly number[] | Float64Array {
  if (values.length > 64 || values.some(Number.isNaN)) return [...values].sort((a, b) => a - b);
  const a = new Float64Array(values.length);
  for (let i = 0; i < a.length; i++) a[i] = values[i];
  insertionSort(a);
  return a;
}

export function scaledMad(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const m = median(values);
  return 1.4826 * median(values.map((v) => Math.abs(v - m)));
}

/**
 * Two-sided 95 % Student-t critical value for `dof` degrees of freedom (closed-form approximation, within 0.1 of
 * the table for dof ≥ 2). Used to widen intervals when the baseline has few days.
 */
export function tCritical95(dof: number): number {
  if (!Number.isFinite(dof) || dof <= 0) return 12.7;
  if (dof < 2) return 12.7;
  return 1.96 + 2.4 / dof + 3.2 / (dof * dof);
}

export function clamp(value: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, value));
}

export function round(value: number, digits = 2): number {
  const f = Number.isInteger(digits) && digits >= 0 && digits < POWERS_OF_TEN.length ? POWERS_OF_TEN[digits] : 10 ** digits;
  return Math.round(value * f) / f;
}

/** 10 ** d for the digit counts the engine rounds to, computed once by the same operator (it rounds thousands of numbers a campaign). */
const POWERS_OF_TEN: readonly number[] = Array.from({ length: 11 }, (_, d) => 10 ** d);

/** Mean after dropping `trim` (fraction) of the values at each end: robust to a glitch day, stable for bimodal days. */
export function trimmedMean(values: readonly number[], trim = 0.2): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const cut = Math.floor(sorted.length * trim);
  return mean(sorted.slice(cut, sorted.length - cut));
}
