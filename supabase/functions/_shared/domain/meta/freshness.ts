/**
 * When a campaign's Meta data counts as stale. Insights for a day settle during the next morning in the ad account's
 * time zone, and the sync runs hourly, so data is expected up to yesterday and a successful sync within 3 hours;
 * anything older is flagged so nobody reads an old chart as today's.
 */
import { daysBetween } from '../dates.ts';

/** Hours without a successful sync before the data counts as stale (3 missed hourly runs). */
export const STALE_AFTER_HOURS = 3;

export interface Freshness {
  stale: boolean;
  /** Days between the newest imported day and today (null without data). */
  lagDays: number | null;
  reason: string | null;
}

/** Freshness of a campaign's Meta data: `today` in the account's time zone (YYYY-MM-DD), `now` an instant. */
export function metaFreshness(input: { newestDay: string | null; today: string; lastSuccessAt: string | null; now: Date }): Freshness {
  const lagDays = input.newestDay ? daysBetween(input.newestDay, input.today) : null;
  if (input.newestDay === null) return { stale: true, lagDays, reason: 'No Meta data imported yet.' };
  if (lagDays !== null && lagDays > 1) return { stale: true, lagDays, reason: `The newest Meta data is ${lagDays} days old.` };
  if (!input.lastSuccessAt) return { stale: true, lagDays, reason: 'No sync has succeeded yet.' };
  const hours = (input.now.getTime() - Date.parse(input.lastSuccessAt)) / 3_600_000;
  if (hours > STALE_AFTER_HOURS) return { stale: true, lagDays, reason: `The last successful sync was ${Math.floor(hours)} hours ago.` };
  return { stale: false, lagDays, reason: null };
}
