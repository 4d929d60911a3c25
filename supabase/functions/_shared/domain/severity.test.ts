import { describe, expect, it } from 'vitest';
import { compareSeverity, isSeverity, SEVERITIES, severityRank } from './severity.ts';

describe('severity ranking', () => {
  it('ranks high over medium over low, and unknown values below low', () => {
    expect(SEVERITIES.map(severityRank)).toEqual([3, 2, 1]);
    expect(severityRank('critical')).toBe(0);
    expect(severityRank(null)).toBe(0);
  });

  it('sorts most severe first', () => {
    expect(['low', 'bogus', 'high', 'medium'].sort(compareSeverity)).toEqual(['high', 'medium', 'low', 'bogus']);
  });

  it('knows its own values', () => {
    expect(isSeverity('medium')).toBe(true);
    expect(isSeverity('Medium')).toBe(false);
  });
});
