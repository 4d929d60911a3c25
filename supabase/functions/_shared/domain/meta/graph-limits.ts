/**
 * How the Meta import reads the Graph API's limits and errors. Meta reports how close a caller is to its limits in
 * response headers (`x-business-use-case-usage`, `x-fb-ads-insights-throttle`, `x-app-usage`, all JSON, percentages
 * 0–100) and refuses with error codes once over: the rule is to slow down before the limit, wait as long as Meta
 * says when it names a time, retry transient failures with exponential backoff, and stop on an invalid token.
 */

/** What a Graph error means for the sync. */
export type GraphErrorKind = 'expired_token' | 'rate_limited' | 'transient' | 'permission' | 'invalid_request';

/** Rate-limit codes: 4 app, 17 user, 32 page, 613 custom, 80000–80014 business use case (insights, ads management …). */
export function isRateLimitCode(code: number): boolean {
  return code === 4 || code === 17 || code === 32 || code === 613 || (code >= 80000 && code <= 80014);
}

/** Classifies a Graph error body's code (HTTP status as the fallback for bodies without one). */
export function classifyGraphError(code: number | null, httpStatus: number): GraphErrorKind {
  if (code === 190 || code === 102 || code === 463 || code === 467) return 'expired_token';
  if (code !== null && isRateLimitCode(code)) return 'rate_limited';
  if (code === 1 || code === 2 || (code === null && httpStatus >= 500)) return 'transient';
  if (code === 10 || code === 200 || (code !== null && code >= 200 && code < 300) || httpStatus === 403) return 'permission';
  if (code === null && httpStatus === 429) return 'rate_limited';
  return 'invalid_request';
}

export interface UsageReading {
  /** Highest usage found in any header, 0–100 %. */
  pct: number;
  /** Minutes Meta says until access returns (business use case header), 0 when none. */
  regainMinutes: number;
  /** Which header and figure gave `pct`, for the job log. */
  source: string | null;
}

function parseJson(text: string | null): unknown {
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function num(v: unknown): number {
  const n = typeof v === 'number' ? v : Number(v);
  return Number.isFinite(n) ? n : 0;
}

/** Reads the three usage headers (a header that is missing or malformed counts as 0 %). */
export function readUsage(headers: { get(name: string): string | null }): UsageReading {
  let best: UsageReading = { pct: 0, regainMinutes: 0, source: null };
  const consider = (pct: number, source: string) => {
    if (pct > best.pct) best = { ...best, pct, source };
  };
  const buc = parseJson(headers.get('x-business-use-case-usage'));
  if (buc && typeof buc === 'object') {
    for (const entries of Object.values(buc as Record<string, unknown>)) {
      if (!Array.isArray(entries)) continue;
      for (const e of entries as Record<string, unknown>[]) {
        for (const k of ['call_count', 'total_cputime', 'total_time'] as const) consider(num(e?.[k]), `x-business-use-case-usage ${String(e?.type ?? '')} ${k}`.replace('  ', ' '));
        best.regainMinutes = Math.max(best.regainMinutes, num(e?.estimated_time_to_regain_access));
      }
    }
  }
  const insights = parseJson(headers.get('x-fb-ads-insights-throttle')) as Record<string, unknown> | null;
  if (insights && typeof insights === 'object') {
    consider(num(insights.app_id_util_pct), 'x-fb-ads-insights-throttle app_id_util_pct');
    consider(num(insights.acc_id_util_pct), 'x-fb-ads-insights-throttle acc_id_util_pct');
  }
  const app = parseJson(headers.get('x-app-usage')) as Record<string, unknown> | null;
  if (app && typeof app === 'object') {
    for (const k of ['call_count', 'total_cputime', 'total_time'] as const) consider(num(app[k]), `x-app-usage ${k}`);
  }
  return best;
}

/** Usage at which the sync starts to slow down, in %. */
export const SLOW_DOWN_AT_PCT = 75;

/**
 * The pause before the next call, in ms: none under 75 % usage; from 75 % it grows linearly to 10 × `baseMs` at
 * 100 %; when Meta names a time to regain access, that time (capped at `maxMs`).
 */
export function throttlePauseMs(usage: UsageReading, baseMs: number, maxMs = 5 * 60_000): number {
  if (usage.regainMinutes > 0) return Math.min(maxMs, usage.regainMinutes * 60_000);
  if (usage.pct < SLOW_DOWN_AT_PCT) return 0;
  const over = (Math.min(usage.pct, 100) - SLOW_DOWN_AT_PCT) / (100 - SLOW_DOWN_AT_PCT);
  return Math.min(maxMs, Math.round(baseMs * (1 + 9 * over)));
}

/** Exponential backoff for retry `attempt` (1-based): base, 2×, 4× … capped at `maxMs`. */
export function backoffMs(attempt: number, baseMs: number, maxMs = 60_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
