import { resolveThresholds } from '@domain/thresholds.ts';
import { describe, expect, it } from 'vitest';
import type { CampaignPhase } from '@/lib/db';
import { driftSummaries, type DriftSummaryCampaign } from './drift-summary';

const phase = (name: string, position: number, planned_days: number, actual_start: string | null, actual_end: string | null) =>
  ({ id: name, name, position, planned_days, actual_start, actual_end, delivered_assets: 0, approvals_actual: 0 }) as CampaignPhase;

const campaign = (id: string, phases: CampaignPhase[], over: Partial<DriftSummaryCampaign> = {}): DriftSummaryCampaign => ({
  id,
  name: id,
  status: 'active',
  objective: 'sales',
  industry: null,
  planned_launch: null,
  campaign_phases: phases,
  ...over,
});

const seedSample = campaign('summer', [
  phase('Planning', 0, 3, '2026-03-01', '2026-03-03'),
  phase('Creative', 1, 5, '2026-03-04', '2026-03-10'),
  phase('Compliance', 2, 7, '2026-03-11', '2026-03-20'),
  phase('Launch', 3, 1, null, null),
]);
const now = new Date('2026-03-22T00:00:00Z');

describe('driftSummaries', () => {
  it('summarises the seed sample as Blocked, +5 days, Creative first', () => {
    const summaries = driftSummaries([seedSample], { now, thresholds: resolveThresholds() });
    expect(summaries.get('summer')).toEqual({ severity: 'Blocked', cumulativeDays: 5, startedPhases: 3, totalPhases: 4, firstFailure: 'Creative' });
  });

  it("judges drift by the workspace's thresholds, as the campaign page does", () => {
    // A workspace that blocks only from 4 days late: Compliance (+3) is At Risk, so the campaign is too.
    const lenient = resolveThresholds({ drift: { blockedMinDays: 4, atRiskMaxDays: 3 } });
    expect(driftSummaries([seedSample], { now, thresholds: lenient }).get('summer')?.severity).toBe('At Risk');
  });

  it('counts elapsed time: Monday 09:00 to Thursday 09:00 on a 3-day plan is on track', () => {
    const clicked = campaign('clicked', [phase('Creative', 0, 3, '2026-03-02T09:00:00Z', '2026-03-05T09:00:00Z')]);
    expect(driftSummaries([clicked], { now, thresholds: resolveThresholds() }).get('clicked')).toMatchObject({ severity: 'On Track', cumulativeDays: 0 });
  });

  it('is null for a campaign without phases, and one unreadable campaign does not hide the others', () => {
    const broken = campaign('broken', [phase('Creative', 0, 0, '2026-03-02', null)]);
    const summaries = driftSummaries([campaign('empty', []), broken, seedSample], { now, thresholds: resolveThresholds() });
    expect(summaries.get('empty')).toBeNull();
    expect(summaries.get('broken')).toBeNull();
    expect(summaries.get('summer')?.severity).toBe('Blocked');
  });
});
