/**
 * Campaign data timings: the website roll-up of 20,000 events (8 days, 20 campaigns, visitor journeys, linear model),
 * "which source counts" over 90 days × 3 sources × 20 campaigns, and mapping a 10,000-line CSV export.
 * Run: `npx tsx scripts/bench/campaign-data.ts`.
 */
import { guessMapping, mapCsvLines } from '../../supabase/functions/_shared/domain/csv-import.ts';
import { mergeByCampaign } from '../../supabase/functions/_shared/domain/metric-sources.ts';
import { rollUpWebsiteEvents, type RollupEvent } from '../../supabase/functions/_shared/domain/website-rollup.ts';

function time(label: string, runs: number, fn: () => unknown): void {
  for (let i = 0; i < 3; i++) fn();
  const t0 = performance.now();
  for (let i = 0; i < runs; i++) fn();
  console.log(`${label.padEnd(60)} ${((performance.now() - t0) / runs).toFixed(2)} ms`);
}

const campaigns = Array.from({ length: 20 }, (_, i) => ({ id: `c${String(i).padStart(2, '0')}`, utm_campaign: `utm_${i}`, currency: 'USD' }));
const types = ['PageView', 'ViewContent', 'AddToCart', 'PageView', 'Purchase'];
const events: RollupEvent[] = Array.from({ length: 20_000 }, (_, i) => ({
  event_id: `e${i}`,
  event_type: types[i % types.length],
  event_time: new Date(Date.UTC(2026, 2, 1) + ((i * 7919) % (8 * 86_400_000 / 1000)) * 1000).toISOString(),
  value: types[i % types.length] === 'Purchase' ? 20 + (i % 50) : null,
  currency: 'USD',
  campaign_id: null,
  promo_code: null,
  metadata: { visitor_id: `v${i % 3000}`, utm: { utm_campaign: `utm_${(i * 31) % 20}` } },
}));
const days = Array.from({ length: 8 }, (_, i) => `2026-03-0${i + 1}`);
time('rollUpWebsiteEvents, 20,000 events, linear, Europe/Berlin', 5, () =>
  rollUpWebsiteEvents(events, campaigns, { model: 'linear', timeZone: 'Europe/Berlin', days, promoCodes: new Map() }),
);

const rows = campaigns.flatMap((c) =>
  ['meta_ads', 'website', 'google_ads'].flatMap((source) =>
    Array.from({ length: 90 }, (_, d) => ({ campaign_id: c.id, date: new Date(Date.UTC(2026, 0, 1) + d * 86_400_000).toISOString().slice(0, 10), data_source: source, spend: source === 'website' ? null : 100, impressions: 10_000, clicks: 300, sales: 500, revenue: 500, conversions: 10 })),
  ),
);
time('mergeByCampaign, 5,400 rows (20 campaigns × 90 days × 3 sources)', 20, () => mergeByCampaign(rows));

const headers = ['Day', 'Campaign', 'Impr.', 'Clicks', 'Cost', 'Conversions', 'Conv. value'];
const lines = Array.from({ length: 10_000 }, (_, i) => ({
  line: i + 2,
  cells: { Day: new Date(Date.UTC(2025, 0, 1) + (i % 500) * 86_400_000).toISOString().slice(0, 10), Campaign: `Campaign ${Math.floor(i / 500)}`, 'Impr.': '1,200', Clicks: '80', Cost: '$45.10', Conversions: '4', 'Conv. value': '320.00' },
}));
const csvCampaigns = Array.from({ length: 20 }, (_, i) => ({ id: `id-${i}`, name: `Campaign ${i}` }));
time('mapCsvLines, 10,000 lines', 5, () => mapCsvLines(lines, guessMapping(headers), { source: 'google_ads', campaigns: csvCampaigns }));
