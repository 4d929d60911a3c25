import { describe, expect, it } from 'vitest';
import type { CampaignPhase } from '@/lib/db';
import { driftSummary } from './drift-summary';

const phase = (name: string, position: number, planned_days: number, actual_start: string | null, actual_end: string | null) =>
  ({ id: name, name, position, planned_days, actual_start, actual_end, delivered_assets: 0, approvals_actual: 0 }) as CampaignPhase;

describe('driftSummary', () => {
  it('summarises the seed sample as Blocked, +5 days, Creative first', () => {
    const summary = driftSummary({ objective: 'sales', industry: null, planned_launch: null }, [
      phase('Planning', 0, 3, '2026-03-01', '2026-03-03'),
      phase('Creative', 1, 5, '2026-03-04', '2026-03-10'),
      phase('Compliance', 2, 7, '2026-03-11', '2026-03-20'),
      phase('Launch', 3, 1, null, null),
    ], new Date('2026-03-22T00:00:00Z'));
    expect(summary).toEqual({ severity: 'Blocked', cumulativeDays: 5, startedPhases: 3, totalPhases: 4, firstFailure: 'Creative' });
  });

  it('is null without phases', () => {
    expect(driftSummary({ objective: 'sales', industry: null, planned_launch: null }, [])).toBeNull();
  });
});
