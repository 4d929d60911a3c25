import { describe, expect, it } from 'vitest';
import { formatCurrency, formatDriftDays, formatPercent, initials } from './format';

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
