import { describe, expect, it } from 'vitest';
import { correlateCampaign } from './index.ts';
import { demoCampaign } from './synthetic.ts';

describe('compareBeforeAfter', () => {
  it('compares every change against its counterfactual and flags the revert-worthy one', () => {
    const { before_after } = correlateCampaign(demoCampaign(), { now: '2025-03-01T00:00:00Z' });
    expect(before_after.map((b) => b.action_id)).toEqual(['action-creative', 'action-revert']);
    const creative = before_after[0];
    const sales = creative.metrics.find((m) => m.metric === 'sales')!;
    expect(sales.before_mean).toBeGreaterThan(450);
    expect(sales.after_mean).toBe(200);
    expect(sales.change_pct).toBeLessThan(-50);
    expect(sales.significant).toBe(true);
    expect(creative.revert_advisable).toBe(true);
    expect(creative.actions_after).toBe(1);
    const revert = before_after[1];
    expect(revert.revert_advisable).toBe(false);
    expect(revert.metrics.find((m) => m.metric === 'sales')!.change_pct).toBeGreaterThan(0);
  });
});
