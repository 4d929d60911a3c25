import { describe, expect, it } from 'vitest';
import { insightsRowToMetrics, metaInsightsRowSchema, pickAction, sumDailyMetrics } from './insights.ts';

const row = (over: Record<string, unknown> = {}) =>
  metaInsightsRowSchema.parse({
    date_start: '2026-11-20',
    date_stop: '2026-11-20',
    campaign_id: '120210000000000001',
    spend: '100.50',
    impressions: '10000',
    reach: '8000',
    clicks: '300',
    inline_link_clicks: '250',
    ctr: '3.0',
    cpm: '10.05',
    actions: [
      { action_type: 'link_click', value: '250' },
      { action_type: 'purchase', value: '12' },
      { action_type: 'offsite_conversion.fb_pixel_purchase', value: '12' },
      { action_type: 'omni_purchase', value: '12' },
      { action_type: 'lead', value: '4' },
      { action_type: 'add_to_cart', value: '30' },
      { action_type: 'omni_add_to_cart', value: '31' },
      { action_type: 'post_engagement', value: '900' },
    ],
    action_values: [
      { action_type: 'purchase', value: '600.00' },
      { action_type: 'offsite_conversion.fb_pixel_purchase', value: '600.00' },
      { action_type: 'omni_purchase', value: '600.00' },
    ],
    ...over,
  });

describe('insightsRowToMetrics', () => {
  it('counts a purchase reported under several action types once', () => {
    const m = insightsRowToMetrics(row());
    expect(m).toMatchObject({ conversions: 12, revenue: 600, sales: 600, leads: 4, add_to_carts: 31, engagement: 900, link_clicks: 250 });
  });

  it('reads numbers sent as strings and derives ROAS and CPA when Meta gives none', () => {
    const m = insightsRowToMetrics(row());
    expect(m).toMatchObject({ date: '2026-11-20', spend: 100.5, impressions: 10000, reach: 8000, clicks: 300, ctr: 3, cpm: 10.05 });
    expect(m.roas).toBeCloseTo(5.9701, 4);
    expect(m.cpa).toBeCloseTo(8.375, 4);
  });

  it("prefers Meta's purchase_roas and falls back through the preference order", () => {
    const m = insightsRowToMetrics(row({ purchase_roas: [{ action_type: 'omni_purchase', value: '6.1' }], actions: [{ action_type: 'offsite_conversion.fb_pixel_purchase', value: '3' }], action_values: [] }));
    expect(m).toMatchObject({ roas: 6.1, conversions: 3, revenue: 0, link_clicks: 250 });
  });

  it('gives zeros and no rates for a day without delivery', () => {
    const m = insightsRowToMetrics(metaInsightsRowSchema.parse({ date_start: '2026-11-21', date_stop: '2026-11-21' }));
    expect(m).toMatchObject({ spend: 0, impressions: 0, conversions: 0, roas: null, cpa: null, ctr: null, cpm: null });
  });

  it('rejects a row whose number is not a number', () => {
    expect(metaInsightsRowSchema.safeParse({ date_start: '2026-11-21', date_stop: '2026-11-21', spend: 'lots' }).success).toBe(false);
  });

  it('sums ad set rows into their campaign and recomputes the rates', () => {
    const a = insightsRowToMetrics(row());
    const b = insightsRowToMetrics(row({ spend: '50', impressions: '5000', clicks: '100', ctr: '2', cpm: '10' }));
    const s = sumDailyMetrics('2026-11-20', [a, b]);
    expect(s).toMatchObject({ spend: 150.5, impressions: 15000, clicks: 400, conversions: 24, revenue: 1200 });
    expect(s.ctr).toBeCloseTo((400 / 15000) * 100, 4);
    expect(s.roas).toBeCloseTo(1200 / 150.5, 4);
  });

  it('picks nothing from an empty or unknown list', () => {
    expect(pickAction(undefined, 'purchases')).toBe(0);
    expect(pickAction([{ action_type: 'video_view', value: 3 }], 'purchases')).toBe(0);
  });
});
