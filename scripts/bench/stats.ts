/** Median and 95th percentile of a set of samples (ms), nearest-rank. */
export interface Summary {
  n: number;
  median: number;
  p95: number;
}

export function summarize(samples: readonly number[]): Summary {
  if (samples.length === 0) return { n: 0, median: Number.NaN, p95: Number.NaN };
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = (q: number) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
  return { n: sorted.length, median: rank(0.5), p95: rank(0.95) };
}

/** Runs fn n times one after another (after `warmup` unmeasured runs) and returns each run's duration in ms. */
export async function timeRuns(n: number, fn: (i: number) => Promise<unknown>, warmup = 3): Promise<number[]> {
  for (let i = 0; i < warmup; i++) await fn(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    await fn(i);
    samples.push(performance.now() - t0);
  }
  return samples;
}
