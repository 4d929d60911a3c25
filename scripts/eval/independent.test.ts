import { describe, expect, it } from 'vitest';
import { HELD_OUT_SEEDS, independentCampaign, independentSuite, TUNING_SEEDS } from './independent-campaigns.ts';
import { runIndependent } from './evaluate-independent.ts';
import { formatIndependentScore, scoreIndependent } from './score-independent.ts';

describe('independent evaluation campaigns', () => {
  it('are reproducible from the seed and differ between seeds', () => {
    expect(independentCampaign(5, 3, 'single')).toEqual(independentCampaign(5, 3, 'single'));
    expect(independentCampaign(6, 3, 'single')).not.toEqual(independentCampaign(5, 3, 'single'));
  });

  it('keep tuning and held-out seeds apart', () => {
    expect(TUNING_SEEDS.filter((s) => (HELD_OUT_SEEDS as readonly number[]).includes(s))).toEqual([]);
  });

  it('put a type-1 shift before the action and a type-2 cause before its competitor', () => {
    const suite = independentSuite(77, { null: 0, preexisting: 5, two_actions: 5, single: 0 });
    for (const { campaign, truth } of suite) {
      expect(campaign.snapshots).toHaveLength(21);
      const at = (id: string) => Date.parse(campaign.actions.find((a) => a.id === id)!.occurred_at);
      if (truth.class === 'preexisting') {
        expect(truth.cause_action_id).toBeNull();
        expect(Date.parse(truth.onset_at!)).toBeLessThan(at(`${truth.campaign_id}-a1`) - 23 * 3_600_000);
      } else {
        const gap = (at(truth.competitor_action_id!) - at(truth.cause_action_id!)) / 3_600_000;
        expect(gap).toBeGreaterThanOrEqual(4);
        expect(gap).toBeLessThanOrEqual(10);
      }
    }
  });

  it('scores a second alert for the same shift as a false alarm', () => {
    const { truth } = independentCampaign(5, 1, 'single');
    const right = { campaign_id: truth.campaign_id, trigger_action_id: truth.cause_action_id!, metric: 'sales', change_pct: truth.effect * 100, confidence: 0.9 };
    const score = scoreIndependent([right, { ...right, metric: 'revenue' }], [truth]);
    expect(score.truePositives).toBe(1);
    expect(score.falsePositives).toBe(1);
  });
});

describe('the engine on held-out independent campaigns (never tuned on)', async () => {
  // 3 held-out seeds × 160 campaigns through the CLI's offline path.
  const run = await runIndependent(HELD_OUT_SEEDS);
  const s = run.score;

  it('prints the score and the reliability table', () => {
    console.log(`${formatIndependentScore('held-out', s)}\n  engine ${run.msPerCampaign.toFixed(1)} ms per campaign`);
    expect(s.campaigns).toBe(480);
  });

  it('reaches F1 ≥ 0.80 with ≤ 2 % false alarms on no-effect campaigns', () => {
    expect(s.f1).toBeGreaterThanOrEqual(0.8);
    expect(s.nullFalseAlarmRate).toBeLessThanOrEqual(0.02);
  });

  it('does not blame an action for a shift that began before it (type 1)', () => {
    expect(s.preexistingNotAlerted).toBeGreaterThanOrEqual(0.8);
  });

  it('names the first of two close actions when the effect started after it (type 2)', () => {
    expect(s.twoActionsRightAction).toBeGreaterThanOrEqual(0.7);
  });

  it('finds large effects under ordinary noise (type 3)', () => {
    expect(s.singleRecall).toBeGreaterThanOrEqual(0.85);
  });

  it('shows confidences that hold: alerts at 90 % or more are right at least 85 % of the time', () => {
    const top = s.reliability.find((r) => r.band.startsWith('90'))!;
    expect(top.alerts).toBeGreaterThan(20);
    expect(top.precision!).toBeGreaterThanOrEqual(0.85);
  });
});
