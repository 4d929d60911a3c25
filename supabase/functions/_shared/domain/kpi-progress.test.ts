import { describe, expect, it } from 'vitest';
import { kpiProgress } from './kpi-progress.ts';

const day = (date: string, v: Partial<{ sales: number; revenue: number; spend: number; conversions: number; engagement: number }>) => ({ date, sales: 0, revenue: 0, spend: 0, conversions: 0, engagement: 0, ...v });
const rows = [day('2026-11-18', { revenue: 900, spend: 100, conversions: 9, sales: 900 }), day('2026-11-19', { revenue: 300, spend: 100, conversions: 3, sales: 300 }), day('2026-11-20', { revenue: 300, spend: 100, conversions: 3, sales: 300 })];

describe('kpiProgress', () => {
  it('computes ROAS from the window totals, not from averaged days', () => {
    const p = kpiProgress('roas', 4, rows, 2, '2026-11-20');
    expect(p).toMatchObject({ actual: 3, attainment: 0.75, onTarget: false, since: '2026-11-19', days: 2 });
  });
  it('treats CPA as lower-is-better', () => {
    expect(kpiProgress('cpa', 25, rows, 3, '2026-11-20')).toMatchObject({ actual: 20, attainment: 1.25, onTarget: true, better: 'lower' });
  });
  it('sums sales and says nothing without data', () => {
    expect(kpiProgress('sales', 1000, rows, 7, '2026-11-20')).toMatchObject({ actual: 1500, onTarget: true });
    expect(kpiProgress('roas', 4, [], 7, '2026-11-20')).toMatchObject({ actual: null, onTarget: null, days: 0 });
  });
});
