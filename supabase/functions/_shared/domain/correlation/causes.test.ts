import { describe, expect, it } from 'vitest';
import { correlateCampaign } from './index.ts';
import { calibrateConfidence, fitCalibration } from './calibration.ts';
import type { CampaignInputRaw } from './types.ts';

const START = Date.UTC(2026, 4, 4); // Monday
const DAY = 86_400_000;
// A fixed ±8 % wiggle so the series has noise without a random source.
const WIGGLE = [0.04, -0.06, 0.08, -0.02, 0.05, -0.07, 0.01, 0.06, -0.05, 0.03, -0.08, 0.02, 0.07, -0.04, 0.0, 0.05, -0.03, 0.06, -0.06, 0.02, -0.01];

/** 21 days of sales/revenue/conversions with a step of `effect` (−0.5 = halved) from instant `onsetAt`. */
function campaign(onsetAt: number, effect: number, actions: CampaignInputRaw['actions'], spendMoves = false): CampaignInputRaw {
  const snapshots = WIGGLE.map((w, d) => {
    const dayStart = START + d * DAY;
    const share = Math.min(1, Math.max(0, (dayStart + DAY - onsetAt) / DAY));
    const level = (1 + w) * (1 + effect * share);
    const spend = spendMoves ? 500 * (1 + effect * share) : 500;
    return { date: new Date(dayStart).toISOString().slice(0, 10), sales: Math.round(200 * level), revenue: Math.round(9000 * level), conversions: Math.round(260 * level), clicks: 4000, impressions: 200_000, spend };
  });
  return { id: 'c1', name: 'Test', objective: 'sales', actions, snapshots };
}

const at = (day: number, hour: number) => new Date(START + day * DAY + hour * 3_600_000).toISOString();

describe('reviewCauses', () => {
  it('does not blame a change made after the shift had begun, and says so', () => {
    const input = campaign(START + 13 * DAY + 10 * 3_600_000, -0.5, [
      { id: 'creative', action_type: 'creative_change', title: 'New hero', occurred_at: at(15, 11), status: 'completed' },
    ]);
    const result = correlateCampaign(input, { now: at(21, 0) });
    expect(result.alerts).toEqual([]);
    const sales = result.findings.find((f) => f.metric === 'sales')!;
    {
      expect(sales.cause_of_shift).toBe(false);
      expect(sales.onset_note).toMatch(/^Sales were already falling since \w+day; the creative change on \w+day did not start it\.$/);
    }
  });

  it('blames the earlier of two changes six hours apart when the shift began after the first', () => {
    const input = campaign(START + 14 * DAY + 9 * 3_600_000, -0.5, [
      { id: 'copy', action_type: 'ad_copy_update', title: 'New headline', occurred_at: at(14, 8), status: 'completed' },
      { id: 'budget', action_type: 'budget_adjustment', title: 'Budget', occurred_at: at(14, 14), status: 'completed', metadata: { previous_state: { daily_budget: 500 }, new_state: { daily_budget: 500 } } },
    ]);
    const result = correlateCampaign(input, { now: at(21, 0) });
    expect(result.alerts.map((a) => a.trigger_action_id)).toEqual(['copy']);
    const lead = result.findings.find((f) => f.action_id === 'copy' && f.metric === 'sales')!;
    expect(lead.alternatives.map((a) => a.action_id)).toEqual(['budget']);
  });

  it('lowers the confidence when the workspace says this kind of change was wrongly blamed before', () => {
    const input = campaign(START + 14 * DAY + 12 * 3_600_000, -0.35, [
      { id: 'copy', action_type: 'ad_copy_update', title: 'New headline', occurred_at: at(14, 11), status: 'completed' },
    ]);
    const plain = correlateCampaign(input, { now: at(21, 0) }).findings.find((f) => f.metric === 'sales')!;
    const doubted = correlateCampaign(input, { now: at(21, 0), priors: [{ action_type: 'ad_copy_update', metric: 'sales', weight: 0.1 }] }).findings.find((f) => f.metric === 'sales')!;
    expect(doubted.raw_confidence).toBeLessThan(plain.raw_confidence);
  });

  it('records a placebo check a week before the action', () => {
    const input = campaign(START + 14 * DAY + 12 * 3_600_000, -0.5, [
      { id: 'copy', action_type: 'ad_copy_update', title: 'New headline', occurred_at: at(14, 11), status: 'completed' },
    ]);
    const lead = correlateCampaign(input, { now: at(21, 0) }).findings.find((f) => f.metric === 'sales')!;
    expect(lead.placebo).toMatchObject({ date: '2026-05-11', fired: false });
  });
});

describe('calibration', () => {
  it('fits a monotone map and interpolates between its knots', () => {
    const pairs = [...Array(40)].map((_, i) => ({ raw: i / 40, right: i % 4 !== 0 || i > 30 }));
    const knots = fitCalibration(pairs, 5);
    for (let i = 1; i < knots.length; i++) expect(knots[i][1]).toBeGreaterThanOrEqual(knots[i - 1][1]);
    expect(calibrateConfidence(0.5, [[0, 0.2], [1, 0.8]])).toBeCloseTo(0.5);
    expect(calibrateConfidence(2, [[0, 0.2], [1, 0.99]])).toBe(0.95);
  });
});
