import { describe, expect, it } from 'vitest';
import { rollUpWebsiteEvents, type RollupEvent } from './website-rollup.ts';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const B = 'bbbbbbbb-0000-4000-8000-000000000002';
const campaigns = [
  { id: A, utm_campaign: 'spring_sale', currency: 'USD' },
  { id: B, utm_campaign: null, currency: 'USD' },
];
let n = 0;
const ev = (event_type: string, event_time: string, extra: Partial<RollupEvent> = {}): RollupEvent => ({
  event_id: `e${++n}`,
  event_type,
  event_time,
  value: null,
  currency: 'USD',
  campaign_id: null,
  promo_code: null,
  metadata: {},
  ...extra,
});
const opts = { model: 'last_touch' as const, timeZone: 'UTC', days: ['2026-03-02'], promoCodes: new Map([['BSALE', B]]) };

describe('rollUpWebsiteEvents', () => {
  it('attributes by campaign id, promo code and landing utm_campaign, per calendar day', () => {
    const events = [
      ev('Purchase', '2026-03-02T10:00:00Z', { value: 50, campaign_id: A }),
      ev('Purchase', '2026-03-02T11:00:00Z', { value: 30, metadata: { utm: { utm_campaign: 'Spring_Sale' } } }),
      ev('Purchase', '2026-03-02T12:00:00Z', { value: 20, promo_code: 'bsale', campaign_id: B }),
      ev('AddToCart', '2026-03-02T09:00:00Z', { campaign_id: A }),
      ev('Lead', '2026-03-02T09:30:00Z', { campaign_id: B }),
      ev('Purchase', '2026-03-02T13:00:00Z', { value: 99 }), // reaches no campaign
      ev('Purchase', '2026-03-03T00:30:00Z', { value: 70, campaign_id: A }), // the next UTC day
    ];
    const result = rollUpWebsiteEvents(events, campaigns, opts);
    expect(result.rows).toEqual([
      { campaign_id: A, date: '2026-03-02', data_source: 'website', sales: 80, revenue: 80, conversions: 2, add_to_carts: 1, leads: 0 },
      { campaign_id: B, date: '2026-03-02', data_source: 'website', sales: 20, revenue: 20, conversions: 1, add_to_carts: 0, leads: 1 },
    ]);
    expect(result.unattributed).toBe(1);
  });

  it("counts days in the workspace's time zone", () => {
    const late = [ev('Purchase', '2026-03-02T23:30:00Z', { value: 10, campaign_id: A })];
    expect(rollUpWebsiteEvents(late, campaigns, opts).rows[0]).toMatchObject({ date: '2026-03-02', sales: 10 });
    const berlin = rollUpWebsiteEvents(late, campaigns, { ...opts, timeZone: 'Europe/Berlin', days: ['2026-03-02', '2026-03-03'] });
    expect(berlin.rows.map((r) => [r.date, r.sales])).toEqual([['2026-03-03', 10]]);
  });

  it("splits a visitor's purchase between the campaigns they landed from, by the workspace's model", () => {
    const visitor = { visitor_id: 'v1' };
    const journey = [
      ev('PageView', '2026-03-01T10:00:00Z', { metadata: { ...visitor, utm: { utm_campaign: 'spring_sale' } } }),
      ev('ViewContent', '2026-03-01T10:05:00Z', { metadata: { ...visitor, utm: { utm_campaign: 'spring_sale' } } }), // same visit
      ev('PageView', '2026-03-02T08:00:00Z', { campaign_id: B, metadata: visitor }),
      ev('Purchase', '2026-03-02T09:00:00Z', { value: 100, campaign_id: B, metadata: visitor }),
    ];
    const sales = (model: 'first_touch' | 'last_touch' | 'linear') =>
      rollUpWebsiteEvents(journey, campaigns, { ...opts, model }).rows.map((r) => [r.campaign_id === A ? 'A' : 'B', r.sales, r.conversions]);
    expect(sales('last_touch')).toEqual([['A', 0, 0], ['B', 100, 1]]);
    expect(sales('first_touch')).toEqual([['A', 100, 1], ['B', 0, 0]]);
    expect(sales('linear')).toEqual([['A', 50, 1], ['B', 50, 1]]); // half a purchase each, rounded
  });

  it('gives a promo code all of the credit whatever the model', () => {
    const journey = [
      ev('PageView', '2026-03-02T08:00:00Z', { campaign_id: A, metadata: { visitor_id: 'v2' } }),
      ev('Purchase', '2026-03-02T09:00:00Z', { value: 40, promo_code: 'BSALE', metadata: { visitor_id: 'v2' } }),
    ];
    const rows = rollUpWebsiteEvents(journey, campaigns, { ...opts, model: 'first_touch' }).rows;
    expect(rows.find((r) => r.campaign_id === B)).toMatchObject({ sales: 40, conversions: 1 });
    expect(rows.find((r) => r.campaign_id === A)).toMatchObject({ sales: 0 });
  });

  it('writes zero days for a tracked campaign, nothing before its first touch or for untracked campaigns', () => {
    const events = [ev('PageView', '2026-03-02T08:00:00Z', { campaign_id: A })];
    const rows = rollUpWebsiteEvents(events, campaigns, { ...opts, days: ['2026-03-01', '2026-03-02', '2026-03-03'] }).rows;
    expect(rows.map((r) => [r.campaign_id, r.date, r.sales])).toEqual([
      [A, '2026-03-02', 0],
      [A, '2026-03-03', 0],
    ]);
  });

  it('skips a purchase in another currency than the campaign’s', () => {
    const result = rollUpWebsiteEvents([ev('Purchase', '2026-03-02T10:00:00Z', { value: 10, currency: 'EUR', campaign_id: A })], campaigns, opts);
    expect(result.rows[0]).toMatchObject({ sales: 0, conversions: 0 });
    expect(result.otherCurrency).toBe(1);
  });

  it('gives the same rows for the same events in any order (a replayed batch changes nothing)', () => {
    const events = [
      ev('Purchase', '2026-03-02T10:00:00Z', { value: 12.34, campaign_id: A }),
      ev('Purchase', '2026-03-02T10:00:00Z', { value: 0.66, campaign_id: A }),
    ];
    expect(rollUpWebsiteEvents([...events].reverse(), campaigns, opts)).toEqual(rollUpWebsiteEvents(events, campaigns, opts));
  });
});
