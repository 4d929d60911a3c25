import { formatDistanceToNowStrict } from 'date-fns';
import { EMPTY, toDate, type DateInput } from './format';

/**
 * "3 hours ago" / "in 2 days". Its own module because date-fns' distance wording brings its locale along;
 * the pages that show relative times load it, the board does not.
 */
export function formatRelative(value: DateInput, now: Date = new Date()): string {
  const date = toDate(value);
  if (!date) return EMPTY;
  if (Math.abs(date.getTime() - now.getTime()) < 45_000) return 'just now';
  return formatDistanceToNowStrict(date, { addSuffix: true });
}
