import { describe, expect, it } from 'vitest';
import { chooseMetricSources, mergeBySource, metricSourceLabel, sourceLabel, type SourcedRow } from './metric-sources.ts';

const days = (n: number, from = 1) => Array.from({ length: n }, (_, i) => `2026-03-${String(from + i).padStart(2, '0')}`);
const meta = (date: string): SourcedRow => ({ date, data_source: 'meta_ads', spend: 100, impressions: 10000, clicks: 300, sales: 400, revenue: 400, conversions: 8, roas: 4 });
const web = (date: string): SourcedRow => ({ date, data_source: 'website', spend: null, impressions: null, clicks: null, sales: 350, revenue: 350, conversions: 7, add_to_carts: 20 });

describe('chooseMetricSources', () => {
  it('reads delivery from Meta and outcomes from the website when the campaign is tracked', () => {
    const rows = [...days(10).map(meta), ...days(10).map(web)];
    const choice = chooseMetricSources(rows);
    expect(choice).toMatchObject({ spend: 'meta_ads', impressions: 'meta_ads', clicks: 'meta_ads', sales: 'website', revenue: 'website', conversions: 'website', add_to_carts: 'website', reach: null });
    expect(metricSourceLabel(choice, 'roas')).toBe('from website and Meta');
    expect(metricSourceLabel(choice, 'spend')).toBe('from Meta');
  });

  it("keeps Meta's purchase value while the website covers under 80 % of Meta's days", () => {
    const choice = chooseMetricSources([...days(10).map(meta), ...days(7, 4).map(web)]);
    expect(choice.sales).toBe('meta_ads');
    expect(chooseMetricSources([...days(10).map(meta), ...days(8, 3).map(web)]).sales).toBe('website');
  });

  it('uses a CSV source when it is the only one, and Meta over a CSV for delivery', () => {
    const csv = (date: string): SourcedRow => ({ date, data_source: 'google_ads', spend: 50, clicks: 40, impressions: 900, sales: null });
    expect(chooseMetricSources(days(3).map(csv))).toMatchObject({ spend: 'google_ads', clicks: 'google_ads', sales: null });
    expect(chooseMetricSources([...days(3).map(csv), ...days(3).map(meta)]).spend).toBe('meta_ads');
  });

  it('never takes delivery figures from the website, even when its rows hold zeros', () => {
    const zeros = days(5).map((date) => ({ date, data_source: 'website', spend: 0, sales: 10 }));
    expect(chooseMetricSources(zeros).spend).toBeNull();
  });
});

describe('mergeBySource', () => {
  it("reads each metric from its source, keeps Meta's own ROAS and recomputes a mixed one", () => {
    expect(mergeBySource([meta('2026-03-01')])[0]).toMatchObject({ spend: 100, sales: 400, roas: 4, cpa: null });
    const [day] = mergeBySource([meta('2026-03-01'), web('2026-03-01')]);
    expect(day).toMatchObject({ date: '2026-03-01', spend: 100, sales: 350, conversions: 7, clicks: 300, roas: 3.5 });
    expect(day.cpa).toBeCloseTo(100 / 7);
  });
  it('leaves a metric null on a day its source did not report', () => {
    const merged = mergeBySource([...days(2).map(meta), web('2026-03-02'), web('2026-03-03')], { ...chooseMetricSources([]), spend: 'meta_ads', sales: 'website' });
    expect(merged.map((d) => [d.date, d.spend, d.sales])).toEqual([
      ['2026-03-01', 100, null],
      ['2026-03-02', 100, 350],
      ['2026-03-03', null, 350],
    ]);
  });
});

it('names sources in the product’s words', () => {
  expect([sourceLabel('meta_ads'), sourceLabel('website'), sourceLabel('tiktok'), sourceLabel('my_sheet')]).toEqual(['Meta', 'website', 'TikTok', 'my sheet']);
});
