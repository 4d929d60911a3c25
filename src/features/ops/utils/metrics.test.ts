import { describe, expect, it } from 'vitest';
import { changePct, changeTone, countedRows, kpiWindows, type SnapshotRow, sourceLabels, totalMetrics, workspaceKpis } from './metrics';

const row = (over: Partial<SnapshotRow> & { date: string }): SnapshotRow => ({
  campaign_id: 'c1',
  data_source: 'meta_pixel',
  revenue: 100,
  spend: 50,
  conversions: 5,
  impressions: 1000,
  clicks: 40,
  ...over,
});

describe('kpiWindows', () => {
  it('takes the last 7 UTC days including today and the 7 before them', () => {
    const windows = kpiWindows(new Date('2026-03-14T23:30:00Z'));
    expect(windows.current).toEqual({ from: '2026-03-08', to: '2026-03-14' });
    expect(windows.previous).toEqual({ from: '2026-03-01', to: '2026-03-07' });
  });
});

describe('countedRows and sourceLabels', () => {
  it('reads each metric from the source that counts per campaign and never sums sources', () => {
    const rows = [
      row({ date: '2026-03-01', data_source: 'meta_ads' }),
      row({ date: '2026-03-02', data_source: 'meta_ads' }),
      row({ date: '2026-03-01', data_source: 'website', revenue: 80, spend: null, impressions: null, clicks: null, conversions: 4 }),
      row({ date: '2026-03-02', data_source: 'website', revenue: 90, spend: null, impressions: null, clicks: null, conversions: 3 }),
      row({ date: '2026-03-01', campaign_id: 'c2', data_source: 'google_ads', revenue: 7 }),
    ];
    const kept = countedRows(rows);
    expect(kept.map((r) => [r.campaign_id, r.date, r.revenue, r.spend])).toEqual([
      ['c1', '2026-03-01', 80, 50],
      ['c2', '2026-03-01', 7, 50],
      ['c1', '2026-03-02', 90, 50],
    ]);
    expect(sourceLabels(rows)).toMatchObject({ spend: 'from Google Ads and Meta', revenue: 'from Google Ads and website', clicks: 'from Google Ads and Meta' });
  });

  it('prefers the ads platform over hand-typed numbers for the same day', () => {
    const kept = countedRows([row({ date: '2026-03-01', data_source: 'manual', spend: 1 }), row({ date: '2026-03-01', data_source: 'meta_ads', spend: 2 })]);
    expect(kept.map((r) => r.spend)).toEqual([2]);
  });
});

describe('totalMetrics', () => {
  it('derives ROAS and CPA from the sums, not from an average of daily ratios', () => {
    const totals = totalMetrics([row({ date: '2026-03-01', revenue: 300, spend: 100, conversions: 1 }), row({ date: '2026-03-02', revenue: 100, spend: 100, conversions: 9 })]);
    expect(totals.roas).toBe(2);
    expect(totals.cpa).toBe(20);
    expect(totals.days).toBe(2);
  });

  it('leaves ROAS and CPA empty without spend or conversions', () => {
    const totals = totalMetrics([row({ date: '2026-03-01', spend: 0, conversions: 0 })]);
    expect(totals.roas).toBeNull();
    expect(totals.cpa).toBeNull();
  });

  it('reads numeric columns that arrive as strings', () => {
    expect(totalMetrics([row({ date: '2026-03-01', revenue: '12.50' })]).revenue).toBe(12.5);
  });
});

describe('workspaceKpis', () => {
  const now = new Date('2026-03-14T12:00:00Z');

  it('compares the last 7 days with the previous 7 across campaigns', () => {
    const rows = [
      row({ date: '2026-03-10', revenue: 400, spend: 100, conversions: 10 }),
      row({ date: '2026-03-12', campaign_id: 'c2', revenue: 200, spend: 100, conversions: 10 }),
      row({ date: '2026-03-03', revenue: 300, spend: 150, conversions: 10 }),
      row({ date: '2026-02-20', revenue: 9999 }),
    ];
    const kpis = Object.fromEntries(workspaceKpis(rows, now).map((k) => [k.key, k]));
    expect(kpis.revenue).toMatchObject({ current: 600, previous: 300, change: 100 });
    expect(kpis.roas).toMatchObject({ current: 3, previous: 2, change: 50 });
    expect(kpis.cpa).toMatchObject({ current: 10, previous: 15 });
    expect(kpis.conversions).toMatchObject({ current: 20, previous: 10 });
  });

  it('shows no value for a window without snapshots', () => {
    const kpis = workspaceKpis([row({ date: '2026-03-14' })], now);
    expect(kpis.find((k) => k.key === 'revenue')).toMatchObject({ current: 100, previous: null, change: null });
  });
});

describe('changePct and changeTone', () => {
  it('has no change without a base', () => {
    expect(changePct(10, 0)).toBeNull();
    expect(changePct(null, 5)).toBeNull();
  });

  it('reads a falling CPA as good news and a falling ROAS as bad', () => {
    expect(changeTone({ change: -20, goodWhen: 'down' })).toBe('good');
    expect(changeTone({ change: -20, goodWhen: 'up' })).toBe('bad');
    expect(changeTone({ change: 20, goodWhen: 'neutral' })).toBe('neutral');
  });
});
