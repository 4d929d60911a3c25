import { describe, expect, it } from 'vitest';
import { findHeaderRow, guessMapping, mapCsvLines, mappingProblems, parseAmount, parseDay, type CsvLine } from './csv-import.ts';

const A = 'aaaaaaaa-0000-4000-8000-000000000001';
const campaigns = [{ id: A, name: 'Spring Sale' }];

describe('guessMapping', () => {
  it('recognises a Google Ads export', () => {
    expect(guessMapping(['Day', 'Campaign', 'Impr.', 'Clicks', 'Cost', 'Conversions', 'Conv. value', 'Currency code'])).toEqual({
      Day: 'date',
      Campaign: 'campaign',
      'Impr.': 'impressions',
      Clicks: 'clicks',
      Cost: 'spend',
      Conversions: 'conversions',
      'Conv. value': 'sales',
      'Currency code': null,
    });
  });
  it('recognises TikTok and Meta exports', () => {
    expect(guessMapping(['By Day', 'Campaign name', 'Total cost', 'Impression', 'Reach', 'CTR', 'CPM', 'Complete payment'])).toMatchObject({
      'By Day': 'date',
      'Campaign name': 'campaign',
      'Total cost': 'spend',
      Impression: 'impressions',
      Reach: 'reach',
      CTR: 'ctr',
      CPM: 'cpm',
      'Complete payment': 'conversions',
    });
    expect(guessMapping(['Reporting starts', 'Amount spent (USD)', 'Link clicks', 'Purchases conversion value', 'Results'])).toMatchObject({
      'Reporting starts': 'date',
      'Amount spent (USD)': 'spend',
      'Link clicks': 'link_clicks',
      'Purchases conversion value': 'sales',
      Results: 'conversions',
    });
  });
  it('gives a target to its first column only', () => {
    expect(guessMapping(['Cost', 'Spend'])).toEqual({ Cost: 'spend', Spend: null });
  });
});

describe('findHeaderRow', () => {
  it('skips the report title and date range Google Ads writes above the header', () => {
    expect(findHeaderRow([['Campaign report'], ['March 1, 2026 - March 7, 2026'], ['Day', 'Campaign', 'Cost'], ['2026-03-01', 'x', '1']])).toBe(2);
    expect(findHeaderRow([['a', 'b']])).toBe(-1);
  });
});

describe('parseDay and parseAmount', () => {
  it('reads the date shapes exports use and refuses impossible days', () => {
    expect(['2026-03-05', '2026/3/5', '3/5/2026', '05.03.2026', 'Mar 5, 2026', '5 March 2026', '2026-03-05 00:00:00'].map(parseDay)).toEqual(Array(7).fill('2026-03-05'));
    expect(parseDay('2026-02-30')).toBeNull();
    expect(parseDay('yesterday')).toBeNull();
  });
  it('reads thousands separators, currency and percent signs, and blanks as null', () => {
    expect(['1,234.56', '$1,234', '12.5%', '-3', ' 7 ', '--', '', '(5)'].map(parseAmount)).toEqual([1234.56, 1234, 12.5, -3, 7, null, null, -5]);
    expect(parseAmount('twelve')).toBeNaN();
  });
});

describe('mapCsvLines', () => {
  const mapping = { Day: 'date', Campaign: 'campaign', Cost: 'spend', Clicks: 'clicks' } as const;
  const line = (n: number, Day: string, Campaign: string, Cost: string, Clicks: string): CsvLine => ({ line: n, cells: { Day, Campaign, Cost, Clicks } });

  it('turns lines into rows and names each bad line with its number and reasons', () => {
    const result = mapCsvLines(
      [
        line(2, '2026-03-01', 'spring sale', '10.50', '20'),
        line(3, '2026-13-01', 'Spring Sale', 'ten', '1.5'),
        line(4, '2026-03-02', 'Winter', '1', '1'),
        line(5, '2026-03-01', 'Spring Sale', '11', '21'),
        line(6, 'Total: Campaigns', '', '21.5', '41'),
        line(7, '2026-03-03', 'Spring Sale', '-4', '--'),
      ],
      mapping,
      { source: 'google_ads', campaigns },
    );
    expect(result.rows).toEqual([
      { line: 2, row: { campaign_id: A, date: '2026-03-01', data_source: 'google_ads', spend: 10.5, clicks: 20 } },
      { line: 7, row: { campaign_id: A, date: '2026-03-03', data_source: 'google_ads', spend: -4 } },
    ]);
    expect(result.errors).toEqual([
      { line: 3, message: '"2026-13-01" is not a date; Spend "ten" is not a number; Clicks 1.5 is not a whole number' },
      { line: 4, message: 'no campaign named "Winter" in this workspace' },
      { line: 5, message: 'repeats line 2 (same campaign and day)' },
    ]);
    expect(result.skipped).toBe(1);
  });

  it('puts every line on the chosen campaign when no column names one', () => {
    const result = mapCsvLines([{ line: 2, cells: { Date: '3/1/2026', Cost: '5' } }], { Date: 'date', Cost: 'spend' }, { source: 'csv', campaigns, campaignId: A });
    expect(result.rows[0].row).toEqual({ campaign_id: A, date: '2026-03-01', data_source: 'csv', spend: 5 });
  });

  it('explains a mapping that cannot work', () => {
    expect(mappingProblems({ X: null }, { source: 'Google Ads', campaigns })).toEqual([
      'Name the source in lowercase letters, digits and _ (e.g. google_ads)',
      'Map a column to Date',
      'Map a column to Campaign or choose the campaign these rows belong to',
      'Map at least one column to a metric',
    ]);
  });
});
