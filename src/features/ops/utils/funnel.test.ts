import { describe, expect, it } from 'vitest';
import { dailySeries, funnelSteps } from './funnel';

describe('funnelSteps', () => {
  it('gives the click-through and conversion rates between steps and from the top', () => {
    const [impressions, clicks, conversions] = funnelSteps({ impressions: 10_000, clicks: 200, conversions: 10 });
    expect(impressions).toMatchObject({ value: 10_000, rateFromPrevious: null, rateFromTop: 1 });
    expect(clicks).toMatchObject({ value: 200, rateFromPrevious: 0.02, rateFromTop: 0.02 });
    expect(conversions).toMatchObject({ value: 10, rateFromPrevious: 0.05, rateFromTop: 0.001 });
  });

  it('has no rates for an empty funnel', () => {
    const steps = funnelSteps({ impressions: 0, clicks: 0, conversions: 0 });
    expect(steps.map((s) => s.rateFromPrevious)).toEqual([null, null, null]);
  });
});

describe('dailySeries', () => {
  it('orders days, keeps one source and recomputes ROAS per day', () => {
    const base = { campaign_id: 'c1', conversions: 1, impressions: 100, clicks: 10 };
    const { points, totals } = dailySeries([
      { ...base, date: '2026-03-02', data_source: 'meta_pixel', revenue: 90, spend: 30 },
      { ...base, date: '2026-03-01', data_source: 'meta_pixel', revenue: 40, spend: 0 },
      { ...base, date: '2026-03-01', data_source: 'promo_code', revenue: 5, spend: 0 },
    ]);
    expect(points.map((p) => [p.date, p.roas])).toEqual([
      ['2026-03-01', null],
      ['2026-03-02', 3],
    ]);
    expect(totals.revenue).toBe(130);
  });
});
