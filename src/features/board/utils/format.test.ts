import { describe, expect, it } from 'vitest';
import { fromLocalInput, shortName, toLocalInput } from './format';

describe('board formatting', () => {
  it('shortens an author name the way the card shows it', () => {
    expect(shortName('Sarah Miller')).toBe('Sarah M.');
    expect(shortName('sarah@marketing.com')).toBe('sarah');
    expect(shortName('Cher')).toBe('Cher');
  });

  it('round-trips datetime-local values', () => {
    const iso = fromLocalInput('2025-02-07T10:30');
    expect(toLocalInput(iso)).toBe('2025-02-07T10:30');
    expect(fromLocalInput('')).toBe('');
  });
});
