import { toDayNumber, toIsoDate } from '@domain/dates.ts';

/** The UTC calendar day (YYYY-MM-DD) of a logged timestamp, as drift counts it; '' when not logged. */
export function dayOf(timestamp: string | null | undefined): string {
  return timestamp ? toIsoDate(timestamp) : '';
}

export type BackfillResult =
  | { ok: true; patch: { actual_start: string | null; actual_end: string | null } }
  | { ok: false; field: 'start' | 'end'; message: string };

/**
 * Turns back-filled dates into the phase's actual_start / actual_end. A date left as it was keeps its logged time;
 * a new start is the start of that (UTC) day and a new end its last second, so a same-day end is never "before" the
 * start. Refuses an end without a start, an end before the start, and dates in the future.
 */
export function backfillPatch(
  dates: { start: string; end: string },
  current: { actual_start: string | null; actual_end: string | null },
  today: Date = new Date(),
): BackfillResult {
  const todayDay = toDayNumber(today);
  const { start, end } = dates;
  if (!start && end) return { ok: false, field: 'start', message: 'Give the start date before the end date.' };
  if (start && toDayNumber(start, 'start') > todayDay) return { ok: false, field: 'start', message: 'The start date cannot be in the future.' };
  if (end && toDayNumber(end, 'end') > todayDay) return { ok: false, field: 'end', message: 'The end date cannot be in the future.' };
  if (start && end && toDayNumber(end, 'end') < toDayNumber(start, 'start')) {
    return { ok: false, field: 'end', message: `The phase cannot end (${end}) before it starts (${start}).` };
  }
  const actual_start = !start ? null : dayOf(current.actual_start) === start ? current.actual_start : `${start}T00:00:00.000Z`;
  const actual_end = !end ? null : dayOf(current.actual_end) === end ? current.actual_end : `${end}T23:59:59.000Z`;
  if (actual_start && actual_end && Date.parse(actual_end) < Date.parse(actual_start)) {
    // Same day, both kept from logged times that ran backwards: end at the start's moment.
    return { ok: true, patch: { actual_start, actual_end: actual_start } };
  }
  return { ok: true, patch: { actual_start, actual_end } };
}
