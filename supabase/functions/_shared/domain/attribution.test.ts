import { describe, expect, it } from 'vitest';
import { attributeConversion, checkEventQuality, type Touchpoint } from './attribution.ts';
import { DomainInputError } from './dates.ts';

const journey: Touchpoint[] = [
  { campaign_id: 'A', at: '2026-03-01T00:00:00Z' },
  { campaign_id: 'B', at: '2026-03-08T00:00:00Z' },
  { campaign_id: 'C', at: '2026-03-15T00:00:00Z' },
];
const credits = (result: { campaign_id: string; credit: number }[]) => Object.fromEntries(result.map((r) => [r.campaign_id, r.credit]));
const sum = (result: { credit: number }[]) => Math.round(result.reduce((a, r) => a + r.credit, 0) * 100) / 100;

describe('attributeConversion', () => {
  it('gives everything to the first touch under first-touch, whatever the input order', () => {
    const result = attributeConversion('first_touch', [...journey].reverse(), 120);
    expect(credits(result)).toEqual({ A: 120, B: 0, C: 0 });
    expect(result.map((r) => r.campaign_id)).toEqual(['A', 'B', 'C']);
  });

  it('gives everything to the last touch under last-touch', () => {
    expect(credits(attributeConversion('last_touch', journey, 120))).toEqual({ A: 0, B: 0, C: 120 });
  });

  it('splits evenly under linear and still sums to the value when cents do not divide', () => {
    const result = attributeConversion('linear', journey, 100);
    expect(result.map((r) => r.credit).sort()).toEqual([33.33, 33.33, 33.34]);
    expect(sum(result)).toBe(100);
  });

  it('halves the credit per half-life before the conversion under time-decay', () => {
    const result = attributeConversion('time_decay', journey, 700, { conversionTime: '2026-03-15T00:00:00Z', halfLifeDays: 7 });
    // weights 0.25, 0.5, 1 → 100, 200, 400
    expect(credits(result)).toEqual({ A: 100, B: 200, C: 400 });
    expect(result.find((r) => r.campaign_id === 'C')?.share).toBeCloseTo(4 / 7);
  });

  it('honours a different half-life parameter', () => {
    const result = attributeConversion('time_decay', journey, 210, { conversionTime: '2026-03-15T00:00:00Z', halfLifeDays: 14 });
    // weights 2^-1, 2^-0.5, 1
    const w = [0.5, Math.SQRT1_2, 1];
    const total = w.reduce((a, b) => a + b);
    expect(result[0].credit).toBeCloseTo((210 * w[0]) / total, 2);
    expect(sum(result)).toBe(210);
  });

  it('gives 40/20/40 under position-based, spreading the middle share', () => {
    expect(credits(attributeConversion('position_based', journey, 100))).toEqual({ A: 40, B: 20, C: 40 });
    const four = [...journey, { campaign_id: 'D', at: '2026-03-20T00:00:00Z' }];
    expect(credits(attributeConversion('position_based', four, 100))).toEqual({ A: 40, B: 10, C: 10, D: 40 });
  });

  it('splits two touches 50/50 and gives a single touch everything under position-based', () => {
    expect(credits(attributeConversion('position_based', journey.slice(0, 2), 80))).toEqual({ A: 40, B: 40 });
    expect(credits(attributeConversion('position_based', journey.slice(0, 1), 80))).toEqual({ A: 80 });
  });

  it('adds up repeated touches of the same campaign', () => {
    const repeated = [
      { campaign_id: 'A', at: '2026-03-01T00:00:00Z' },
      { campaign_id: 'B', at: '2026-03-02T00:00:00Z' },
      { campaign_id: 'A', at: '2026-03-03T00:00:00Z' },
    ];
    expect(credits(attributeConversion('linear', repeated, 90))).toEqual({ A: 60, B: 30 });
    expect(credits(attributeConversion('position_based', repeated, 100))).toEqual({ A: 80, B: 20 });
  });

  it('ignores touches after the conversion and returns nothing without touches', () => {
    const result = attributeConversion('last_touch', journey, 50, { conversionTime: '2026-03-10T00:00:00Z' });
    expect(credits(result)).toEqual({ A: 0, B: 50 });
    expect(attributeConversion('linear', [], 50)).toEqual([]);
  });

  it('sums exactly to the value for every model', () => {
    for (const model of ['first_touch', 'last_touch', 'linear', 'time_decay', 'position_based'] as const) {
      expect(sum(attributeConversion(model, journey, 99.99))).toBe(99.99);
    }
  });

  it('refuses negative values, bad times and a non-positive half-life', () => {
    expect(() => attributeConversion('linear', journey, -1)).toThrow(DomainInputError);
    expect(() => attributeConversion('linear', [{ campaign_id: 'A', at: 'soon' }], 1)).toThrow(DomainInputError);
    expect(() => attributeConversion('time_decay', journey, 1, { halfLifeDays: 0 })).toThrow(DomainInputError);
  });
});

describe('checkEventQuality', () => {
  const now = new Date('2026-03-15T12:00:00Z');
  const purchase = (event_id: string, value: number | null, event_time = '2026-03-15T10:00:00Z') => ({
    event_id, event_type: 'Purchase', event_time, value, currency: 'USD',
  });

  it('finds nothing wrong in a clean batch', () => {
    const events = [purchase('e1', 40), purchase('e2', 55), purchase('e3', 60), { event_id: 'e4', event_type: 'PageView', event_time: '2026-03-15T09:00:00Z' }];
    expect(checkEventQuality(events, { now })).toEqual([]);
  });

  it('flags every repeat of an event_id after the first', () => {
    const issues = checkEventQuality([purchase('e1', 40), purchase('e1', 40), purchase('e1', 40)], { now });
    expect(issues.map((i) => [i.kind, i.index])).toEqual([['duplicate_event_id', 1], ['duplicate_event_id', 2]]);
  });

  it('flags future timestamps beyond the allowed skew and unparseable ones', () => {
    const issues = checkEventQuality(
      [purchase('ok', 10, '2026-03-15T12:04:00Z'), purchase('late', 10, '2026-03-15T13:00:00Z'), purchase('bad', 10, 'yesterday')],
      { now },
    );
    expect(issues.map((i) => [i.kind, i.event_id])).toEqual([['future_timestamp', 'late'], ['invalid_timestamp', 'bad']]);
    expect(issues[0].message).toContain('60 min');
  });

  it('flags purchases without a value', () => {
    const issues = checkEventQuality([purchase('p', null)], { now });
    expect(issues).toEqual([expect.objectContaining({ kind: 'purchase_without_value', index: 0, event_id: 'p' })]);
  });

  it('flags values above ten times the median of their type and currency', () => {
    const events = [purchase('a', 50), purchase('b', 45), purchase('c', 60), purchase('whale', 5000), purchase('big', 480)];
    const issues = checkEventQuality(events, { now });
    expect(issues.map((i) => [i.kind, i.event_id])).toEqual([['value_outlier', 'whale']]);
  });

  it('does not judge outliers on fewer than three values', () => {
    expect(checkEventQuality([purchase('a', 5), purchase('b', 5000)], { now })).toEqual([]);
  });
});
