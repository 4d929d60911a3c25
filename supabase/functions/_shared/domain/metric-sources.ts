/**
 * Which source counts (issue 9 item 6): the one rule deciding, per campaign and metric, which data source's figures
 * the analysis, the ops KPIs, the alert detail, the timeline and the campaign page read. Sources are never summed
 * (the pixel, the website and Meta report the same purchases) and never mixed day by day within one metric (a switch
 * would look like a shift); different metrics may come from different sources.
 *
 * Preference, per metric family:
 * - delivery (spend, impressions, reach, clicks, link clicks, CTR, CPM, engagement): the ads platform — Meta, then
 *   any other imported ad platform or CSV (google_ads, tiktok, csv, …), then hand-typed, then seed data;
 * - outcomes (sales, revenue, conversions, add-to-carts, leads): the website roll-up when the campaign is tracked,
 *   then promo codes, then Meta's purchase value, then imports, hand-typed, seed;
 * - ROAS and CPA: the source's own figure when both parts come from that source, else recomputed from the chosen
 *   revenue ÷ spend and spend ÷ conversions.
 * A source reports a metric when it holds a value (not null) for it on at least one day; a source is "tracked
 * enough" when it covers at least MIN_COVERAGE (80 %) of the days the best-covered reporting source covers — otherwise
 * a week-old tracker would replace a season of Meta history. The best-covered one wins then (ties by preference).
 */

export const DELIVERY_METRICS = ['spend', 'impressions', 'reach', 'clicks', 'link_clicks', 'ctr', 'cpm', 'engagement'] as const;
export const OUTCOME_METRICS = ['sales', 'revenue', 'conversions', 'add_to_carts', 'leads'] as const;
export const DERIVED_METRICS = ['roas', 'cpa'] as const;
export type SourcedMetric = (typeof DELIVERY_METRICS)[number] | (typeof OUTCOME_METRICS)[number];
export type ReadableMetric = SourcedMetric | (typeof DERIVED_METRICS)[number];

/**
 * A preferred source must cover at least this fraction of the best-covered source's days (0–1): a tracker installed
 * a week ago counts in a 7-day view but not yet across a season of Meta history, and a source with gaps (a promo
 * code used on some days) never leaves holes in the series.
 */
export const MIN_COVERAGE = 0.8;

/** Any source name not listed here is an import (csv, google_ads, tiktok, …): after Meta, before hand-typed. */
const META = ['meta_ads', 'meta_pixel'];
const IMPORT = '*';
const DELIVERY_PREFERENCE = [...META, IMPORT, 'manual', 'seed'];
const OUTCOME_PREFERENCE = ['website', 'promo_code', ...META, IMPORT, 'manual', 'seed'];
/** Sources that cannot know delivery figures, whatever their rows hold. */
const OUTCOME_ONLY = new Set(['website', 'promo_code']);

const SOURCE_LABELS: Record<string, string> = {
  meta_ads: 'Meta',
  meta_pixel: 'Meta pixel',
  website: 'website',
  promo_code: 'promo codes',
  csv: 'CSV',
  google_ads: 'Google Ads',
  tiktok: 'TikTok',
  manual: 'manual entry',
  seed: 'seed data',
};

/** The product's name for a data source ("Meta", "website", "Google Ads"); unknown names are shown readable. */
export function sourceLabel(source: string): string {
  return SOURCE_LABELS[source] ?? source.replace(/_/g, ' ');
}

/** The minimal row the rule reads: a day, its source, and any metric values. */
export interface SourcedRow {
  date: string;
  data_source: string;
  [metric: string]: unknown;
}

function num(value: unknown): number | null {
  if (value === null || value === undefined || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
}

function rank(preference: readonly string[], source: string): number {
  const i = preference.indexOf(source);
  return i === -1 ? preference.indexOf(IMPORT) : i;
}

export type SourceChoice = Record<SourcedMetric, string | null>;

/** For one campaign's rows: the source each metric is read from (null: no source reports it). */
export function chooseMetricSources(rows: readonly SourcedRow[]): SourceChoice {
  const choice = {} as SourceChoice;
  const pick = (metric: SourcedMetric, preference: readonly string[]) => {
    const days = new Map<string, Set<string>>();
    for (const row of rows) {
      if (num(row[metric]) === null) continue;
      if (preference === DELIVERY_PREFERENCE && OUTCOME_ONLY.has(row.data_source)) continue;
      const set = days.get(row.data_source) ?? new Set<string>();
      set.add(row.date);
      days.set(row.data_source, set);
    }
    if (days.size === 0) return null;
    const best = Math.max(...[...days.values()].map((d) => d.size));
    const ordered = [...days.entries()].sort((a, b) => rank(preference, a[0]) - rank(preference, b[0]) || b[1].size - a[1].size || a[0].localeCompare(b[0]));
    const enough = ordered.find(([, d]) => d.size >= MIN_COVERAGE * best);
    return (enough ?? ordered[0])[0];
  };
  for (const m of DELIVERY_METRICS) choice[m] = pick(m, DELIVERY_PREFERENCE);
  for (const m of OUTCOME_METRICS) choice[m] = pick(m, OUTCOME_PREFERENCE);
  return choice;
}

/** Where a figure comes from: one source, or for ROAS/CPA the sources of its parts. */
export function metricSources(choice: SourceChoice, metric: ReadableMetric): string[] {
  if (metric === 'roas') return [...new Set([choice.revenue, choice.spend].filter((s): s is string => s !== null))];
  if (metric === 'cpa') return [...new Set([choice.spend, choice.conversions].filter((s): s is string => s !== null))];
  const s = choice[metric];
  return s ? [s] : [];
}

/** The small label shown next to a figure: "from Meta", "from website", "from website and Meta"; null if none. */
export function metricSourceLabel(choice: SourceChoice, metric: ReadableMetric): string | null {
  const sources = metricSources(choice, metric).map(sourceLabel);
  return sources.length === 0 ? null : `from ${sources.join(' and ')}`;
}

export type MergedDay = { date: string } & Record<ReadableMetric, number | null>;

/**
 * One campaign's daily series with each metric read from its chosen source: days are those any chosen source
 * covers; a metric its source did not report that day is null. ROAS and CPA as in the module header.
 */
export function mergeBySource(rows: readonly SourcedRow[], choice: SourceChoice = chooseMetricSources(rows)): MergedDay[] {
  const chosen = new Set(Object.values(choice).filter((s): s is string => s !== null));
  const byDay = new Map<string, Map<string, SourcedRow>>();
  for (const row of rows) {
    if (!chosen.has(row.data_source)) continue;
    const day = byDay.get(row.date) ?? new Map<string, SourcedRow>();
    day.set(row.data_source, row);
    byDay.set(row.date, day);
  }
  return [...byDay.keys()].sort().map((date) => {
    const day = byDay.get(date)!;
    const out = { date } as MergedDay;
    for (const m of [...DELIVERY_METRICS, ...OUTCOME_METRICS]) {
      const source = choice[m];
      out[m] = source ? num(day.get(source)?.[m]) : null;
    }
    // A source's own ratio stands when both parts come from it (Meta's ROAS is its own, even when it has none);
    // parts from two sources are recomputed.
    const ratio = (a: string | null, b: string | null, m: 'roas' | 'cpa', top: number | null, bottom: number | null) =>
      a !== null && a === b ? num(day.get(a)?.[m]) : top !== null && bottom !== null && bottom > 0 ? top / bottom : null;
    out.roas = ratio(choice.revenue, choice.spend, 'roas', out.revenue, out.spend);
    out.cpa = ratio(choice.spend, choice.conversions, 'cpa', out.spend, out.conversions);
    return out;
  });
}

/** Rows of many campaigns → each campaign's choice and merged series (rows need a campaign_id). */
export function mergeByCampaign<T extends SourcedRow & { campaign_id: string }>(rows: readonly T[]): Map<string, { choice: SourceChoice; days: MergedDay[] }> {
  const groups = new Map<string, T[]>();
  for (const row of rows) groups.set(row.campaign_id, [...(groups.get(row.campaign_id) ?? []), row]);
  const out = new Map<string, { choice: SourceChoice; days: MergedDay[] }>();
  for (const [id, list] of groups) {
    const choice = chooseMetricSources(list);
    out.set(id, { choice, days: mergeBySource(list, choice) });
  }
  return out;
}
