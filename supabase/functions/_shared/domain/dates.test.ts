import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, DomainInputError, fromDayNumber, isIsoDateOrTimestamp, elapsedDays, median, round, toDayNumber, toIsoDate } from './dates.ts';

describe('dates', () => {
  it('reads dates and timestamps as UTC calendar days', () => {
    expect(toIsoDate('2025-03-01')).toBe('2025-03-01');
    expect(toIsoDate('2025-03-01T23:30:00Z')).toBe('2025-03-01');
    expect(toIsoDate('2025-03-01T23:30:00-05:00')).toBe('2025-03-02');
    expect(toIsoDate('2025-03-01 10:00:00.123456+00')).toBe('2025-03-01');
    expect(toIsoDate('2025-03-01T10:00')).toBe('2025-03-01');
    expect(toIsoDate(new Date('2025-03-01T12:00:00Z'))).toBe('2025-03-01');
    expect(fromDayNumber(toDayNumber('1970-01-02'))).toBe('1970-01-02');
  });

  it('rejects what is not a real ISO date', () => {
    for (const bad of ['2025-02-29', '2025-13-01', '01/03/2025', 'tomorrow', '', '2025-03-01T25:00:00Z']) {
      expect(isIsoDateOrTimestamp(bad)).toBe(false);
      expect(() => toDayNumber(bad, 'actual_start')).toThrow(DomainInputError);
    }
    expect(isIsoDateOrTimestamp('2024-02-29')).toBe(true);
    expect(() => toDayNumber(new Date('nope'))).toThrow(/invalid Date/);
  });

  it('counts elapsed time rounded up to whole days: Monday 09:00 → Thursday 09:00 took 3 days', () => {
    // 2026-03-02 is a Monday.
    expect(elapsedDays('2026-03-02T09:00:00Z', '2026-03-05T09:00:00Z')).toBe(3);
    expect(elapsedDays('2026-03-02T09:00:00Z', '2026-03-05T09:01:00Z')).toBe(4);
    expect(elapsedDays('2026-03-02T09:00:00Z', '2026-03-02T09:00:00Z')).toBe(1);
    expect(elapsedDays('2026-03-02T09:00:00Z', '2026-03-02T17:00:00Z')).toBe(1);
    expect(elapsedDays('2026-03-02T23:00:00Z', '2026-03-03T01:00:00Z')).toBe(1);
  });

  it('reads bare dates as whole days, agreeing with the 00:00 → 23:59:59 the back-fill stores', () => {
    expect(elapsedDays('2025-03-01', '2025-03-01')).toBe(1);
    expect(elapsedDays('2025-03-01', '2025-03-03')).toBe(3);
    expect(elapsedDays('2025-03-01T00:00:00.000Z', '2025-03-03T23:59:59.000Z')).toBe(3);
    expect(elapsedDays('2024-02-28', '2024-03-01')).toBe(3);
  });

  it('refuses an end before the start', () => {
    expect(() => elapsedDays('2025-03-05', '2025-03-01', 'Creative')).toThrow('Creative ends (2025-03-01) before it starts (2025-03-05)');
    expect(() => elapsedDays('2025-03-05T10:00:00Z', '2025-03-05T09:00:00Z', 'Launch')).toThrow(DomainInputError);
  });

  it('adds and subtracts days', () => {
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(daysBetween('2025-03-10', '2025-03-01')).toBe(-9);
    expect(() => addDays('2025-03-01', 0.5)).toThrow(DomainInputError);
  });

  it('medians and rounds', () => {
    expect(median([])).toBeNull();
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(round(0.1 + 0.2)).toBe(0.3);
  });
});
