import { describe, expect, it } from 'vitest';
import { format } from 'date-fns';
import { formatCurrency, formatDate, formatDateTime, formatDriftDays, formatPercent, initials, localDate, localDateTimeInput } from './format';

describe('formatPercent', () => {
  it('treats values as percent by default and uses a real minus sign', () => {
    expect(formatPercent(-60)).toBe('−60%');
  });

  it('scales ratios and signs growth when asked', () => {
    expect(formatPercent(0.725, { ratio: true, signed: true, decimals: 1 })).toBe('+72.5%');
  });

  it('shows a dash for missing values', () => {
    expect(formatPercent(null)).toBe('—');
  });
});

describe('formatDriftDays', () => {
  it('says "On plan" for zero drift and pluralises days', () => {
    expect(formatDriftDays(0)).toBe('On plan');
    expect(formatDriftDays(1)).toBe('+1 day');
    expect(formatDriftDays(-3)).toBe('−3 days');
  });
});

describe('formatCurrency', () => {
  it('drops cents on large budgets', () => {
    expect(formatCurrency(12500, 'USD')).toBe('$12,500');
  });

  it('falls back gracefully on an unknown currency code', () => {
    expect(formatCurrency(10, 'NOPE!')).toBe('10 NOPE!');
  });
});

describe('initials', () => {
  it('takes first and last initials of a name, or the first letter of an email', () => {
    expect(initials('Sarah Jane Miller')).toBe('SM');
    expect(initials('sarah@example.com')).toBe('S');
    expect(initials('')).toBe('?');
  });
});

describe('date patterns (hand-written, so they must match what date-fns `format` printed)', () => {
  const instants = ['2025-02-07T10:30:00', '2025-12-31T00:05:00', '2026-07-04T12:00:00', '2026-01-01T23:59:00', '0999-03-09T09:09:00'].map((s) => new Date(s));

  it('formatDate is "MMM d, yyyy" and formatDateTime "MMM d, h:mm a"', () => {
    for (const d of instants) {
      expect(formatDate(d)).toBe(format(d, 'MMM d, yyyy'));
      expect(formatDateTime(d)).toBe(format(d, 'MMM d, h:mm a'));
    }
    expect(formatDateTime('2025-02-07T10:30:00')).toBe('Feb 7, 10:30 AM');
  });

  it('localDate and localDateTimeInput are "yyyy-MM-dd" and "yyyy-MM-ddTHH:mm" in local time', () => {
    for (const d of instants) {
      expect(localDate(d)).toBe(format(d, 'yyyy-MM-dd'));
      expect(localDateTimeInput(d)).toBe(format(d, "yyyy-MM-dd'T'HH:mm"));
    }
  });

  it('shows a dash for missing or invalid dates', () => {
    expect(formatDate(null)).toBe('—');
    expect(formatDateTime('not a date')).toBe('—');
  });
});
