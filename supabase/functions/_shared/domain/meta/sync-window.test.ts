import { describe, expect, it } from 'vitest';
import { dayInTimeZone, daysInRange, syncWindow } from './sync-window.ts';

describe('dayInTimeZone', () => {
  it("uses the ad account's calendar day, not UTC's", () => {
    const now = new Date('2026-11-21T03:00:00Z');
    expect(dayInTimeZone(now, 'America/Los_Angeles')).toBe('2026-11-20');
    expect(dayInTimeZone(now, 'Asia/Tokyo')).toBe('2026-11-21');
    expect(dayInTimeZone(now, 'Not/AZone')).toBe('2026-11-21');
  });
});

describe('syncWindow', () => {
  it('re-pulls the last 3 days of a campaign seen before', () => {
    expect(syncWindow({ today: '2026-11-21', newestImported: '2026-11-20', launch: '2026-10-01' })).toEqual({ since: '2026-11-18', until: '2026-11-21' });
  });
  it('back-fills a new campaign from its launch, at most 90 days', () => {
    expect(syncWindow({ today: '2026-11-21', newestImported: null, launch: '2026-11-01' })).toEqual({ since: '2026-11-01', until: '2026-11-21' });
    const long = syncWindow({ today: '2026-11-21', newestImported: null, launch: '2025-01-01' });
    expect(daysInRange(long.since, long.until)).toBe(90);
    expect(syncWindow({ today: '2026-11-21', newestImported: null, launch: '2026-12-24' }).since).toBe('2026-08-24');
  });
});
