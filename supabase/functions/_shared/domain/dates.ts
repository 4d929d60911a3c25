/**
 * Calendar-day arithmetic for the domain rules. Pure and timezone-free: every date or timestamp is reduced to a
 * UTC calendar day number (days since 1970-01-01), so the same input always yields the same answer in Deno, Node
 * and the browser, whatever the machine's local zone.
 *
 * Conventions (the rest of the domain relies on them):
 * - `YYYY-MM-DD` is that calendar day. A timestamp is the UTC calendar day of its instant; a timestamp without an
 *   offset is read as UTC (Postgres `timestamptz` arrives through PostgREST with `+00:00`).
 * - A plan spans calendar days: a phase planned for 3 days that starts on the 1st ends on the 3rd.
 * - What actually happened is elapsed time (`elapsedDays`): from start to end rounded up to whole days, at least 1.
 *   Monday 09:00 → Thursday 09:00 took 3 days; a phase started and finished the same day took 1. A bare date is
 *   the whole day it names: the start of that day as a start, its end (next midnight) as an end, so a back-filled
 *   "Mar 1 → Mar 3" took 3 days, the same as the 00:00 → 23:59:59 the back-fill dialog stores.
 */

/** Thrown by every domain function on input it cannot interpret; the message says which field and why. */
export class DomainInputError extends Error {
  readonly field: string | undefined;
  constructor(message: string, field?: string) {
    super(message);
    this.name = 'DomainInputError';
    this.field = field;
  }
}

const MS_PER_DAY = 86_400_000;
const ISO_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}(?::?\d{2})?)?)?$/i;

/** True when `value` is an ISO date (`YYYY-MM-DD`) or ISO timestamp naming a real calendar day. */
export function isIsoDateOrTimestamp(value: string): boolean {
  return tryParseDay(value) !== null;
}

function tryParseDay(value: string): number | null {
  const parsed = tryParseInstant(value);
  return parsed === null ? null : Math.floor(parsed.instant / MS_PER_DAY);
}

/** The instant (ms since epoch) an ISO date or timestamp names; `dateOnly` for a bare `YYYY-MM-DD` (its 00:00 UTC). */
function tryParseInstant(value: string): { instant: number; dateOnly: boolean } | null {
  const match = ISO_PATTERN.exec(value.trim());
  if (!match) return null;
  const [, y, m, d, hh, mm, ss, offset] = match;
  const year = Number(y);
  const month = Number(m);
  const day = Number(d);
  const dateOnly = Date.UTC(year, month - 1, day);
  const check = new Date(dateOnly);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  if (hh === undefined) return { instant: dateOnly, dateOnly: true };
  const hours = Number(hh);
  const minutes = Number(mm);
  const seconds = ss === undefined ? 0 : Number(ss);
  if (hours > 24 || minutes > 59 || seconds > 60) return null;
  let offsetMinutes = 0;
  if (offset && offset.toUpperCase() !== 'Z') {
    const sign = offset.startsWith('-') ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    offsetMinutes = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2) || '0'));
  }
  const instant = dateOnly + ((hours * 60 + minutes - offsetMinutes) * 60 + seconds) * 1000;
  return { instant, dateOnly: false };
}

/** The UTC calendar day number (days since 1970-01-01) of an ISO date or timestamp; throws on anything else. */
export function toDayNumber(value: string | Date, field = 'date'): number {
  if (value instanceof Date) {
    const time = value.getTime();
    if (!Number.isFinite(time)) throw new DomainInputError(`${field} is an invalid Date`, field);
    return Math.floor(time / MS_PER_DAY);
  }
  if (typeof value !== 'string') throw new DomainInputError(`${field} must be an ISO date string`, field);
  const day = tryParseDay(value);
  if (day === null) {
    throw new DomainInputError(`${field} must be an ISO date (YYYY-MM-DD) or timestamp, got "${value}"`, field);
  }
  return day;
}

/** The ISO date (`YYYY-MM-DD`) of a day number. */
export function fromDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** The ISO date of a date or timestamp (its UTC calendar day). */
export function toIsoDate(value: string | Date, field = 'date'): string {
  return fromDayNumber(toDayNumber(value, field));
}

/** Signed whole days from `from` to `to` (calendar days; `to` earlier gives a negative number). */
export function daysBetween(from: string | Date, to: string | Date): number {
  return toDayNumber(to, 'to') - toDayNumber(from, 'from');
}

/**
 * The instant (ms since epoch) of a date or timestamp. A bare date is the whole day it names: its start when `edge`
 * is 'start', its end (the next midnight) when 'end'. Throws on anything else.
 */
export function toInstant(value: string | Date, edge: 'start' | 'end' = 'start', field = 'date'): number {
  if (value instanceof Date) {
    const time = value.getTime();
    if (!Number.isFinite(time)) throw new DomainInputError(`${field} is an invalid Date`, field);
    return time;
  }
  if (typeof value !== 'string') throw new DomainInputError(`${field} must be an ISO date string`, field);
  const parsed = tryParseInstant(value);
  if (parsed === null) {
    throw new DomainInputError(`${field} must be an ISO date (YYYY-MM-DD) or timestamp, got "${value}"`, field);
  }
  return parsed.dateOnly && edge === 'end' ? parsed.instant + MS_PER_DAY : parsed.instant;
}

/**
 * Days a thing actually took: the elapsed time from `start` to `end` rounded up to whole days, at least 1 (Monday
 * 09:00 → Thursday 09:00 = 3; same day = 1; bare dates are whole days, so Mar 1 → Mar 3 = 3). Throws when `end` is
 * before `start`.
 */
export function elapsedDays(start: string | Date, end: string | Date, label = 'span'): number {
  const s = toInstant(start, 'start', `${label}.start`);
  const e = toInstant(end, 'end', `${label}.end`);
  if (e < s) {
    throw new DomainInputError(
      `${label} ends (${describeInstant(end, e)}) before it starts (${describeInstant(start, s)})`,
      `${label}.end`,
    );
  }
  return Math.max(1, Math.ceil((e - s) / MS_PER_DAY));
}

function describeInstant(value: string | Date, instant: number): string {
  return typeof value === 'string' && tryParseInstant(value)?.dateOnly ? value.trim() : new Date(instant).toISOString();
}

/** The ISO date `days` calendar days after `date` (negative goes back). */
export function addDays(date: string | Date, days: number): string {
  if (!Number.isInteger(days)) throw new DomainInputError(`days must be a whole number, got ${days}`, 'days');
  return fromDayNumber(toDayNumber(date) + days);
}

/** The median of a list of numbers, or null for an empty list. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Rounds to `digits` decimals (avoids 0.30000000000000004 in stored JSON). */
export function round(value: number, digits = 2): number {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
}
