import { describe, expect, it } from 'vitest';
import { diagnoseCampaign } from './diagnosis.ts';
import { correlateCampaign } from './index.ts';
import { demoCampaign } from './synthetic.ts';
import { type CampaignInputRaw, campaignInputSchema } from './types.ts';

const snapshots = Array.from({ length: 14 }, (_, i) => ({
  date: `2025-03-${String(i + 1).padStart(2, '0')}`,
  sales: 1000,
  revenue: 1000,
  spend: 500,
  conversions: 40,
}));
const base: CampaignInputRaw = { id: 'c', name: 'Spring', objective: 'sales', primary_kpi: 'roas', kpi_target: 3, actions: [], snapshots };

describe('diagnoseCampaign', () => {
  it('classifies a miss after a launch delay that pushed the campaign out of its peak window as operational', () => {
    const campaign = campaignInputSchema.parse({
      ...base,
      execution: {
        planned_launch: '2025-02-24',
        actual_launch: '2025-03-01',
        peak_window_start: '2025-02-24',
        peak_window_end: '2025-02-28',
        phases: [{ name: 'Creative', planned_days: 5, actual_days: 10 }],
      },
    });
    const d = diagnoseCampaign(campaign, []);
    expect(d.failure_type).toBe('operational');
    expect(d.ran_as_planned).toBe(false);
    expect(d.deviations.map((x) => x.kind)).toEqual(['launch_delay', 'peak_window_missed', 'phase_delay']);
    expect(d.deviations_affected_performance).toBe(true);
    expect(d.kpi).toMatchObject({ kpi: 'roas', observed: 2, target: 3, gap_pct: -33.3, met: false });
    expect(d.insight).toBe('ROAS finished 33% below target following a 5-day launch delay that pushed the campaign outside its peak demand window.');
    expect(d.next_time.length).toBeGreaterThan(1);
  });

  it('classifies a miss with clean execution as strategic', () => {
    const campaign = campaignInputSchema.parse({
      ...base,
      execution: { planned_launch: '2025-03-01', actual_launch: '2025-03-01', phases: [{ name: 'Creative', planned_days: 5, actual_days: 5 }] },
    });
    const d = diagnoseCampaign(campaign, []);
    expect(d.failure_type).toBe('strategic');
    expect(d.ran_as_planned).toBe(true);
    expect(d.insight).toMatch(/^Campaign launched on time with no execution drift\./);
    expect(['High', 'Medium']).toContain(d.confidence);
  });

  it('reports no failure when the KPI target was met, and unknown without facts', () => {
    const met = diagnoseCampaign(campaignInputSchema.parse({ ...base, kpi_target: 1.5 }), []);
    expect(met.failure_type).toBe('none');
    const unknown = diagnoseCampaign(campaignInputSchema.parse({ ...base, kpi_target: null }), []);
    expect(unknown.failure_type).toBe('unknown');
    expect(unknown.confidence).toBe('Low');
  });

  it('counts a mid-campaign change that hurt performance as an execution deviation', () => {
    const result = correlateCampaign(demoCampaign(), { now: '2025-03-01T00:00:00Z' });
    expect(result.diagnosis.failure_type).toBe('operational');
    expect(result.diagnosis.deviations).toEqual([expect.objectContaining({ kind: 'harmful_change', action_id: 'action-creative', metric: 'sales' })]);
  });
});
