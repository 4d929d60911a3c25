import { describe, expect, it } from 'vitest';
import { metaFreshness } from './freshness.ts';

const now = new Date('2026-11-21T15:00:00Z');

describe('metaFreshness', () => {
  it('is fresh with data up to yesterday and a recent successful sync', () => {
    expect(metaFreshness({ newestDay: '2026-11-20', today: '2026-11-21', lastSuccessAt: '2026-11-21T14:10:00Z', now })).toEqual({ stale: false, lagDays: 1, reason: null });
  });
  it('is stale when the newest day is older than yesterday, or the sync has not succeeded for 3 hours', () => {
    expect(metaFreshness({ newestDay: '2026-11-18', today: '2026-11-21', lastSuccessAt: '2026-11-21T14:10:00Z', now }).reason).toBe('The newest Meta data is 3 days old.');
    expect(metaFreshness({ newestDay: '2026-11-21', today: '2026-11-21', lastSuccessAt: '2026-11-21T10:00:00Z', now }).reason).toBe('The last successful sync was 5 hours ago.');
    expect(metaFreshness({ newestDay: null, today: '2026-11-21', lastSuccessAt: null, now }).stale).toBe(true);
  });
});
