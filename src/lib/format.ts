import { isValid, parseISO } from 'date-fns';

export type DateInput = string | number | Date | null | undefined;

export const EMPTY = '—';

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad2 = (n: number) => String(n).padStart(2, '0');

// The few date patterns the app shows, by hand rather than date-fns `format`, whose formatters and locale
// would otherwise ride in every page's first load (the board shows formatDateTime on each card).
/** "yyyy-MM-dd" in local time. */
export function localDate(date: Date): string {
  return `${String(date.getFullYear()).padStart(4, '0')}-${pad2(date.getMonth() + 1)}-${pad2(date.getDate())}`;
}

/** "yyyy-MM-ddTHH:mm" in local time, the value of <input type="datetime-local">. */
export function localDateTimeInput(date: Date): string {
  return `${localDate(date)}T${pad2(date.getHours())}:${pad2(date.getMinutes())}`;
}

export function toDate(value: DateInput): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = typeof value === 'string' ? parseISO(value) : new Date(value);
  return isValid(date) ? date : null;
}

/** Money in the campaign's currency, no decimals above 1,000 (e.g. "$12,500", "€9.99"). */
export function formatCurrency(amount: number | null | undefined, currency = 'USD', locale = 'en-US'): string {
  if (amount === null || amount === undefined || Number.isNaN(amount)) return EMPTY;
  const big = Math.abs(amount) >= 1000;
  try {
    return new Intl.NumberFormat(locale, {
      style: 'currency',
      currency,
      maximumFractionDigits: big ? 0 : 2,
      minimumFractionDigits: big ? 0 : undefined,
    }).format(amount);
  } catch {
    // An unknown ISO code from user input should not crash a page.
    return `${formatNumber(amount)} ${currency}`;
  }
}

/** Plain or compact counts ("12,480" or "12.5K"). */
export function formatNumber(value: number | null | undefined, opts: { compact?: boolean; decimals?: number } = {}): string {
  if (value === null || value === undefined || Number.isNaN(value)) return EMPTY;
  return new Intl.NumberFormat('en-US', {
    notation: opts.compact ? 'compact' : 'standard',
    maximumFractionDigits: opts.decimals ?? (opts.compact ? 1 : 2),
  }).format(value);
}

/**
 * A percentage. `value` is in percent (e.g. -60 → "−60%") unless `ratio` is set, then 0–1 (0.72 → "72%").
 * `signed` prefixes + for growth so changes read as changes.
 */
export function formatPercent(
  value: number | null | undefined,
  opts: { ratio?: boolean; signed?: boolean; decimals?: number } = {},
): string {
  if (value === null || value === undefined || Number.isNaN(value)) return EMPTY;
  const pct = opts.ratio ? value * 100 : value;
  const text = new Intl.NumberFormat('en-US', { maximumFractionDigits: opts.decimals ?? 0 }).format(Math.abs(pct));
  const sign = pct < 0 && text !== '0' ? '−' : opts.signed && pct > 0 ? '+' : '';
  return `${sign}${text}%`;
}

/** Drift in days as people say it: "On plan", "+2 days", "−1 day". */
export function formatDriftDays(days: number | null | undefined): string {
  if (days === null || days === undefined || Number.isNaN(days)) return EMPTY;
  if (days === 0) return 'On plan';
  const abs = Math.abs(days);
  return `${days > 0 ? '+' : '−'}${abs} ${abs === 1 ? 'day' : 'days'}`;
}

/** "Feb 7, 2025". */
export function formatDate(value: DateInput): string {
  const date = toDate(value);
  return date ? `${MONTHS[date.getMonth()]} ${date.getDate()}, ${String(date.getFullYear()).padStart(4, '0')}` : EMPTY;
}

/** "Feb 7, 10:30 AM" — the card timestamp of the Kanban board. */
export function formatDateTime(value: DateInput): string {
  const date = toDate(value);
  if (!date) return EMPTY;
  const hours = date.getHours();
  return `${MONTHS[date.getMonth()]} ${date.getDate()}, ${hours % 12 || 12}:${pad2(date.getMinutes())} ${hours < 12 ? 'AM' : 'PM'}`;
}

/** Initials for avatars: "Sarah Miller" → "SM", "sarah@x.com" → "S". */
export function initials(nameOrEmail: string | null | undefined): string {
  const source = (nameOrEmail ?? '').trim();
  if (!source) return '?';
  const base = source.includes('@') ? source.split('@')[0] : source;
  const parts = base.split(/[\s._-]+/).filter(Boolean);
  const letters = parts.length > 1 ? parts[0][0] + parts[parts.length - 1][0] : (parts[0] ?? '?')[0];
  return letters.toUpperCase();
}
