import { describe, expect, it } from 'vitest';
import { resolveThresholds } from '../thresholds.ts';
import { estimateBaseline, predictValue } from './baseline.ts';
import { dayNumber, type DailySeries } from './timeline.ts';

const th = resolveThresholds().correlation;
const start = dayNumber('2025-01-06'); // a Monday
const series = (values: number[]): DailySeries => ({ metric: 'sales', start, values });

describe('estimateBaseline', () => {
  it('learns weekday factors from two weeks of history and predicts the weekend dip', () => {
    const week = [100, 100, 100, 100, 100, 50, 50]; // Mon–Fri high, weekend low
    const b = estimateBaseline(series([...week, ...week, ...week]), start + 21, [], th)!;
    expect(b.hasWeekday).toBe(true);
    expect(predictValue(b, start + 21)).toBeCloseTo(100, -1); // Monday
    expect(predictValue(b, start + 26)).toBeCloseTo(50, -1); // Saturday
  });

  it('uses no weekday factors with less than two weeks', () => {
    const b = estimateBaseline(series([100, 102, 98, 101, 99, 100, 103, 97, 100, 101]), start + 10, [], th)!;
    expect(b.hasWeekday).toBe(false);
    expect(b.weekday.every((w) => w === 0)).toBe(true);
    expect(predictValue(b, start + 10)).toBeCloseTo(100, 0);
  });

  it('takes the level from the current regime only, after a change point', () => {
    const values = [100, 101, 99, 100, 102, 98, 100, 50, 51, 49, 50];
    const b = estimateBaseline(series(values), start + 11, [start + 7], th)!;
    expect(b.levelDays).toBe(4);
    expect(predictValue(b, start + 11)).toBeCloseTo(50, 0);
  });

  it('never reports less variability than the floor, and none without enough days', () => {
    const flat = estimateBaseline(series([100, 100, 100, 100, 100]), start + 5, [], th)!;
    expect(flat.sigma).toBe(th.sigmaFloor);
    expect(estimateBaseline(series([100, 100]), start + 2, [], th)).toBeNull();
  });
});
