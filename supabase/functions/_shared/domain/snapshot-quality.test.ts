import { describe, expect, it } from 'vitest';
import { checkSnapshotQuality, dayInTimeZone, isTimeZone, normaliseMetrics, sameMetrics, snapshotRowSchema, type SnapshotRow } from './snapshot-quality.ts';

const C = '11111111-1111-4111-8111-111111111111';
const row = (extra: Partial<SnapshotRow> = {}): SnapshotRow => ({ campaign_id: C, date: '2026-03-10', data_source: 'csv', ...extra });
const checks = (r: SnapshotRow, history?: Parameters<typeof checkSnapshotQuality>[1]['history']) =>
  checkSnapshotQuality(r, { today: '2026-03-10', history }).map((x) => `${x.check}:${x.metric ?? ''}`);

describe('checkSnapshotQuality', () => {
  it('passes a plausible row', () => {
    expect(checks(row({ impressions: 1000, clicks: 50, conversions: 5, spend: 20, sales: 100 }))).toEqual([]);
  });

  it('names every negative metric, clicks above impressions and conversions above clicks', () => {
    expect(checks(row({ spend: -1, revenue: -2, impressions: 10, clicks: 20, conversions: 30 }))).toEqual([
      'negative_value:spend',
      'negative_value:revenue',
      'clicks_above_impressions:clicks',
      'conversions_above_clicks:conversions',
    ]);
  });

  it('compares clicks and conversions only when both are reported (the website knows no clicks)', () => {
    expect(checks(row({ conversions: 30, sales: 900 }))).toEqual([]);
  });

  it('refuses a day after today but accepts today', () => {
    expect(checks(row({ date: '2026-03-11' }))).toEqual(['future_date:']);
    expect(checks(row({ date: '2026-03-10' }))).toEqual([]);
  });

  it('flags a value above 10× the 90th percentile of at least 7 earlier days, upward only', () => {
    const history = { sales: [100, 120, 90, 110, 100, 95, 105] };
    expect(checks(row({ sales: 1300 }), history)).toEqual(['outlier:sales']);
    expect(checks(row({ sales: 1100 }), history)).toEqual([]); // 10 × p90 (≈ 114) = 1140
    expect(checks(row({ sales: 0 }), history)).toEqual([]);
  });

  it('needs 7 days of history, a usual level above 0 and a value of at least 50 before calling an outlier', () => {
    expect(checks(row({ sales: 5000 }), { sales: [10, 10, 10, 10, 10, 10] })).toEqual([]);
    expect(checks(row({ sales: 5000 }), { sales: [0, 0, 0, 0, 0, 0, 0] })).toEqual([]);
    expect(checks(row({ conversions: 40 }), { conversions: [1, 1, 1, 1, 1, 1, 1] })).toEqual([]);
  });
});

describe('snapshotRowSchema', () => {
  it('refuses a non-uuid campaign, a bad day, a source with capitals and a fractional count', () => {
    const result = snapshotRowSchema.safeParse({ campaign_id: 'x', date: '2026-02-30', data_source: 'Google', clicks: 1.5 });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['campaign_id', 'date', 'data_source', 'clicks']);
  });
  it('accepts nulls as "not reported"', () => {
    expect(snapshotRowSchema.safeParse(row({ spend: null, sales: 10.5 })).success).toBe(true);
  });
});

describe('normaliseMetrics and sameMetrics', () => {
  it('rounds to what the database keeps and treats missing as null', () => {
    expect(normaliseMetrics({ spend: 10.005, roas: 1.234567 })).toMatchObject({ spend: 10.01, roas: 1.2346, clicks: null });
    expect(sameMetrics({ spend: 10.001 }, { spend: 10, clicks: null })).toBe(true);
    expect(sameMetrics({ spend: 10 }, { spend: 10, clicks: 0 })).toBe(false);
  });
});

describe('time zones', () => {
  it('gives the calendar day of an instant in a zone', () => {
    const at = new Date('2026-03-01T23:30:00Z');
    expect(dayInTimeZone(at, 'UTC')).toBe('2026-03-01');
    expect(dayInTimeZone(at, 'Europe/Berlin')).toBe('2026-03-02');
    expect(dayInTimeZone(at, 'America/Los_Angeles')).toBe('2026-03-01');
  });
  it('knows IANA names and refuses others', () => {
    expect(isTimeZone('Asia/Kolkata')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });
});
