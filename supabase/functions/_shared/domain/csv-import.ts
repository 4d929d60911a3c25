/**
 * CSV import of daily campaign figures (Google Ads, TikTok, Meta exports, a spreadsheet): find the header row, guess
 * which column is which from the header names those exports use, and turn each data line into a snapshot row or an
 * error naming its line number. Pure: the caller parses the file (csv-parse) and writes through `writeSnapshots`.
 */
import { COUNT_METRICS, DATA_SOURCE_PATTERN, SNAPSHOT_METRICS, type SnapshotMetric, type SnapshotRow } from './snapshot-quality.ts';

export const CSV_TARGETS = ['date', 'campaign', ...SNAPSHOT_METRICS] as const;
export type CsvTarget = (typeof CSV_TARGETS)[number];
/** header (as in the file) → what it holds, or null to ignore the column. */
export type CsvMapping = Record<string, CsvTarget | null>;

export const CSV_TARGET_LABELS: Record<CsvTarget, string> = {
  date: 'Date',
  campaign: 'Campaign',
  spend: 'Spend',
  sales: 'Sales',
  revenue: 'Revenue',
  impressions: 'Impressions',
  reach: 'Reach',
  clicks: 'Clicks',
  link_clicks: 'Link clicks',
  conversions: 'Conversions',
  leads: 'Leads',
  add_to_carts: 'Add-to-carts',
  engagement: 'Engagement',
  roas: 'ROAS',
  cpa: 'CPA',
  ctr: 'CTR %',
  cpm: 'CPM',
};

/**
 * Header names per target, normalised (lower case, no punctuation, currency in brackets dropped). From the column
 * names of Google Ads (Day, Cost, Impr., Conv. value), TikTok Ads Manager (Campaign name, Total cost, Complete
 * payment), Meta Ads Manager (Reporting starts, Amount spent, Purchases conversion value) and plain spreadsheets.
 */
const SYNONYMS: Record<CsvTarget, string[]> = {
  date: ['date', 'day', 'reporting starts', 'by day', 'stat time day', 'report date'],
  campaign: ['campaign', 'campaign name', 'campaign id'],
  spend: ['spend', 'cost', 'amount spent', 'total cost', 'ad spend'],
  sales: ['sales', 'purchase value', 'purchases conversion value', 'total purchase value', 'complete payment value', 'conv value', 'conversion value', 'all conv value'],
  revenue: ['revenue', 'total revenue'],
  impressions: ['impressions', 'impr', 'impression'],
  reach: ['reach'],
  clicks: ['clicks', 'clicks all', 'click'],
  link_clicks: ['link clicks', 'clicks destination', 'outbound clicks'],
  conversions: ['conversions', 'conv', 'purchases', 'results', 'complete payment', 'orders'],
  leads: ['leads', 'lead', 'form submissions'],
  add_to_carts: ['add to cart', 'adds to cart', 'add to carts', 'add to cart events'],
  engagement: ['engagement', 'engagements', 'post engagement', 'interactions'],
  roas: ['roas', 'purchase roas', 'return on ad spend', 'conv value cost', 'roas purchase'],
  cpa: ['cpa', 'cost per conversion', 'cost conv', 'cost per result', 'cost per purchase'],
  ctr: ['ctr', 'ctr all', 'click through rate'],
  cpm: ['cpm', 'avg cpm', 'cost per 1000 impressions', 'cpm cost per 1000 impressions'],
};

/** "Amount spent (USD)" → "amount spent"; "Conv. value / cost" → "conv value cost". */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/\([^)]*\)/g, ' ')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function targetOf(header: string): CsvTarget | null {
  const h = normaliseHeader(header);
  if (h === '') return null;
  for (const target of CSV_TARGETS) if (SYNONYMS[target].includes(h)) return target;
  return null;
}

/** The column each header most likely holds; a target is given to its first matching column only. */
export function guessMapping(headers: readonly string[]): CsvMapping {
  const used = new Set<CsvTarget>();
  const mapping: CsvMapping = {};
  for (const header of headers) {
    const target = targetOf(header);
    mapping[header] = target && !used.has(target) ? target : null;
    if (target) used.add(target);
  }
  return mapping;
}

/**
 * The index of the header row among the first lines: the first with a date column and at least one metric column
 * (Google Ads puts a report title and a date range above it). -1 when there is none.
 */
export function findHeaderRow(rows: readonly (readonly string[])[], scan = 10): number {
  for (let i = 0; i < Math.min(rows.length, scan); i += 1) {
    const targets = rows[i].map(targetOf);
    if (targets.includes('date') && targets.some((t) => t !== null && t !== 'date' && t !== 'campaign')) return i;
  }
  return -1;
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

function isoDay(y: number, m: number, d: number): string | null {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return date.toISOString().slice(0, 10);
}

/**
 * A calendar day from the shapes exports use: 2026-03-05 (also with a time after it), 2026/03/05, 3/5/2026 (US, as
 * Google Ads and Meta write it), 05.03.2026 (European), "Mar 5, 2026", "5 Mar 2026". Null when it is none of them.
 */
export function parseDay(text: string): string | null {
  const t = text.trim();
  let m = /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ].*)?$/.exec(t);
  if (m) return isoDay(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(t);
  if (m) return isoDay(+m[3], +m[1], +m[2]);
  m = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(t);
  if (m) return isoDay(+m[3], +m[2], +m[1]);
  m = /^([A-Za-z]{3})[a-z]*\.? (\d{1,2}),? (\d{4})$/.exec(t);
  if (m && MONTHS.includes(m[1].toLowerCase())) return isoDay(+m[3], MONTHS.indexOf(m[1].toLowerCase()) + 1, +m[2]);
  m = /^(\d{1,2}) ([A-Za-z]{3})[a-z]*\.? (\d{4})$/.exec(t);
  if (m && MONTHS.includes(m[2].toLowerCase())) return isoDay(+m[3], MONTHS.indexOf(m[2].toLowerCase()) + 1, +m[1]);
  return null;
}

/**
 * A number as exports write it: "1,234.56", "$1,234", "12.5%", "-3", " 7 ". Blank, "--" and "-" (exports' "none")
 * are null. Anything else is NaN, which the caller reports as an error.
 */
export function parseAmount(text: string): number | null {
  const t = text.trim();
  if (t === '' || t === '--' || t === '-' || t.toLowerCase() === 'n/a') return null;
  const cleaned = t.replace(/^[$€£¥]|[$€£¥%]$/g, '').replace(/[\s,]/g, '').replace(/^\((.*)\)$/, '-$1');
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(cleaned)) return Number.NaN;
  return Number(cleaned);
}

export interface CsvLine {
  /** 1-based line number in the file, as an editor shows it. */
  line: number;
  cells: Record<string, string>;
}

export interface CsvCampaign {
  id: string;
  name: string;
}

export interface MappedRow {
  line: number;
  row: SnapshotRow;
}

export interface LineError {
  line: number;
  message: string;
}

export interface MapOptions {
  source: string;
  campaigns: readonly CsvCampaign[];
  /** The campaign for every line when no column is mapped to "campaign". */
  campaignId?: string | null;
}

/** Problems with the mapping itself (no row can be read), in words a user can act on. */
export function mappingProblems(mapping: CsvMapping, options: MapOptions): string[] {
  const targets = Object.values(mapping).filter((t): t is CsvTarget => t !== null);
  const problems: string[] = [];
  if (!DATA_SOURCE_PATTERN.test(options.source)) problems.push('Name the source in lowercase letters, digits and _ (e.g. google_ads)');
  if (!targets.includes('date')) problems.push('Map a column to Date');
  if (!targets.includes('campaign') && !options.campaignId) problems.push('Map a column to Campaign or choose the campaign these rows belong to');
  if (!targets.some((t) => t !== 'date' && t !== 'campaign')) problems.push('Map at least one column to a metric');
  const seen = new Set<CsvTarget>();
  for (const t of targets) {
    if (seen.has(t)) problems.push(`Two columns are mapped to ${CSV_TARGET_LABELS[t]}`);
    seen.add(t);
  }
  return problems;
}

/**
 * Each data line → a snapshot row, or an error with its line number: a date that is no calendar day, a campaign
 * not in the workspace (matched by name, case-insensitive, or id), a value that is not a number, a fractional count,
 * a second line for the same campaign and day. Summary lines ("Total: …") are skipped. Quality (negative values,
 * clicks above impressions, …) is not judged here: such rows go to the quarantine on import.
 */
export function mapCsvLines(lines: readonly CsvLine[], mapping: CsvMapping, options: MapOptions): { rows: MappedRow[]; errors: LineError[]; skipped: number } {
  const byTarget = new Map<CsvTarget, string>();
  for (const [header, target] of Object.entries(mapping)) if (target) byTarget.set(target, header);
  const byName = new Map(options.campaigns.map((c) => [c.name.trim().toLowerCase(), c.id]));
  const ids = new Set(options.campaigns.map((c) => c.id));
  const rows: MappedRow[] = [];
  const errors: LineError[] = [];
  const firstLine = new Map<string, number>();
  let skipped = 0;

  for (const { line, cells } of lines) {
    const cell = (t: CsvTarget) => (byTarget.has(t) ? (cells[byTarget.get(t)!] ?? '').trim() : '');
    const dateText = cell('date');
    if (Object.values(cells).every((v) => v.trim() === '') || /^total\b/i.test(dateText) || /^total\b/i.test(cell('campaign'))) {
      skipped += 1;
      continue;
    }
    const problems: string[] = [];
    const date = parseDay(dateText);
    if (!date) problems.push(dateText === '' ? 'date is empty' : `"${dateText}" is not a date`);
    let campaignId = options.campaignId ?? null;
    if (byTarget.has('campaign')) {
      const name = cell('campaign');
      campaignId = ids.has(name) ? name : (byName.get(name.toLowerCase()) ?? null);
      if (!campaignId) problems.push(name === '' ? 'campaign is empty' : `no campaign named "${name}" in this workspace`);
    }
    const row: SnapshotRow = { campaign_id: campaignId ?? '', date: date ?? '', data_source: options.source };
    for (const m of SNAPSHOT_METRICS) {
      if (!byTarget.has(m)) continue;
      const raw = cell(m);
      const value = parseAmount(raw);
      if (value === null) continue;
      if (Number.isNaN(value)) problems.push(`${CSV_TARGET_LABELS[m]} "${raw}" is not a number`);
      else if (isCount(m) && !Number.isInteger(value)) problems.push(`${CSV_TARGET_LABELS[m]} ${value} is not a whole number`);
      else row[m] = value;
    }
    if (problems.length === 0) {
      const key = `${campaignId}|${date}`;
      const first = firstLine.get(key);
      if (first !== undefined) problems.push(`repeats line ${first} (same campaign and day)`);
      else firstLine.set(key, line);
    }
    if (problems.length > 0) errors.push({ line, message: problems.join('; ') });
    else rows.push({ line, row });
  }
  return { rows, errors, skipped };
}

const COUNTS = new Set<SnapshotMetric>(COUNT_METRICS);
function isCount(m: SnapshotMetric): boolean {
  return COUNTS.has(m);
}
