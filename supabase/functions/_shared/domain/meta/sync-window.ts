/**
 * Which days a Meta sync asks for. Days are the ad account's calendar days (Meta reports Insights in the account's
 * time zone), so "today" is computed there, not in UTC. A campaign seen before is re-pulled from 3 days before its
 * newest day, so late conversions land; a new one is back-filled from its launch if that is past, else (and at most)
 * `maxBackfillDays` back: Meta answers only the days that delivered.
 */
import { addDays, daysBetween, toIsoDate } from '../dates.ts';

/** Days re-read on every sync (late conversions keep arriving for about three days). */
export const REPULL_DAYS = 3;
/** Longest first back-fill, in days. */
export const MAX_BACKFILL_DAYS = 90;

/** The calendar day of `now` in `timeZone` (IANA name), as YYYY-MM-DD; an unknown zone falls back to UTC. */
export function dayInTimeZone(now: Date, timeZone: string | null | undefined): string {
  try {
    const parts = new Intl.DateTimeFormat('en-CA', { timeZone: timeZone || 'UTC', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
    const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
    return `${get('year')}-${get('month')}-${get('day')}`;
  } catch {
    return toIsoDate(now.toISOString());
  }
}

export interface SyncWindowInput {
  /** Today in the account's time zone. */
  today: string;
  /** Newest day already imported for the campaign, if any. */
  newestImported: string | null;
  /** The campaign's planned launch, if any (back-fill starts there). */
  launch: string | null;
  maxBackfillDays?: number;
}

/** The inclusive day range to fetch: `{ since, until }`, YYYY-MM-DD. */
export function syncWindow(input: SyncWindowInput): { since: string; until: string } {
  const maxDays = input.maxBackfillDays ?? MAX_BACKFILL_DAYS;
  const earliest = addDays(input.today, -(maxDays - 1));
  let since: string;
  if (input.newestImported) since = addDays(input.newestImported, -(REPULL_DAYS - 1));
  // From a launch already past; a campaign planned for later may already deliver on Meta, so take the full span.
  else since = input.launch && input.launch > earliest && input.launch <= input.today ? input.launch : earliest;
  if (since < earliest) since = earliest;
  if (since > input.today) since = input.today;
  return { since, until: input.today };
}

/** Days in an inclusive range. */
export function daysInRange(since: string, until: string): number {
  return since > until ? 0 : daysBetween(since, until) + 1;
}
