import { describe, expect, it } from 'vitest';
import { correlateCampaign, isRecovered } from './index.ts';
import { recoveryLevel } from './detect.ts';
import { createRng, demoCampaign } from './synthetic.ts';
import { dayDate, dayNumber } from './timeline.ts';
import type { CampaignInputRaw } from './types.ts';

const NOW = '2025-03-01T08:00:00Z';

/** A campaign with `days` days of sales/conversions around `level`, lognormal noise `noise`, and a multiplicative step. */
function campaign(opts: {
  days?: number;
  noise?: number;
  seed?: number;
  weekday?: number[];
  steps?: { fromDay: number; factor: number }[];
  actions: { id: string; type: string; day: number; hour?: number; reverts?: string }[];
}): CampaignInputRaw {
  const rng = createRng(opts.seed ?? 1);
  const start = dayNumber('2025-01-06');
  const normal = () => Math.sqrt(-2 * Math.log(Math.max(rng(), 1e-12))) * Math.cos(2 * Math.PI * rng());
  const snapshots = [];
  for (let i = 0; i < (opts.days ?? 21); i++) {
    const factor = (opts.steps ?? []).filter((s) => i >= s.fromDay).reduce((f, s) => f * s.factor, 1);
    const wd = opts.weekday ? opts.weekday[(((start + i + 4) % 7) + 7) % 7] : 1;
    const sales = 1000 * factor * wd * Math.exp((opts.noise ?? 0.05) * normal());
    snapshots.push({
      date: dayDate(start + i),
      sales: Math.round(sales),
      revenue: Math.round(sales),
      spend: 200,
      conversions: Math.round(sales / 5),
    });
  }
  return {
    id: 'c',
    name: 'Test',
    objective: 'sales',
    actions: opts.actions.map((a) => ({
      id: a.id,
      action_type: a.type,
      title: a.type,
      description: '',
      occurred_at: `${dayDate(start + a.day)}T${String(a.hour ?? 10).padStart(2, '0')}:00:00Z`,
      status: 'completed',
      metadata: {},
      reverts_action_id: a.reverts ?? null,
    })),
    snapshots,
  };
}

describe('the spec demo scenario (docs/domain-rules.md, Demo flow)', () => {
  it('alerts on the sales drop after the creative change with high severity and a one-click revert', () => {
    const result = correlateCampaign(demoCampaign(), { now: NOW });
    const alert = result.alerts.find((a) => a.trigger_action_id === 'action-creative');
    expect(alert).toBeDefined();
    expect(alert!.metric).toBe('sales');
    expect(alert!.impact).toBe('negative');
    expect(alert!.severity).toBe('high');
    expect(alert!.confidence).toBeGreaterThanOrEqual(0.7);
    expect(alert!.change_pct).toBeLessThan(-50);
    expect(alert!.title).toMatch(/^Sales dropped (5[5-9]|6[0-5])% after creative change$/);
    expect(alert!.suggested_action).toEqual({
      type: 'revert',
      target_action_id: 'action-creative',
      button_label: 'Revert to previous creative',
      auto_executable: true,
    });
    expect(alert!.correlation_data.affected_metrics).toEqual(expect.arrayContaining(['sales', 'revenue']));
  });

  it('never blames the revert for the recovery', () => {
    const result = correlateCampaign(demoCampaign(), { now: NOW });
    expect(result.alerts.filter((a) => a.trigger_action_id === 'action-revert')).toEqual([]);
    const revertSales = result.findings.find((f) => f.action_id === 'action-revert' && f.metric === 'sales');
    expect(revertSales?.impact).toBe('positive');
    const creativeSales = result.findings.find((f) => f.action_id === 'action-creative' && f.metric === 'sales');
    expect(creativeSales?.reversal_confirmed).toBe(true);
  });

  it('still alerts when analysed before the revert, with five baseline days', () => {
    const result = correlateCampaign(demoCampaign({ baselineDays: 5, withRevert: false }), { now: NOW });
    const alert = result.alerts.find((a) => a.trigger_action_id === 'action-creative');
    expect(alert?.confidence).toBeGreaterThanOrEqual(0.7);
    expect(alert?.severity).toBe('high');
  });

  it('reports lag, persistence, interval and the counterfactual band for the chart', () => {
    const finding = correlateCampaign(demoCampaign(), { now: NOW }).findings.find(
      (f) => f.action_id === 'action-creative' && f.metric === 'sales',
    )!;
    expect(finding.lag_hours).toBeGreaterThan(0);
    expect(finding.lag_hours).toBeLessThanOrEqual(48);
    expect(finding.persistence).toBe(1);
    expect(finding.change_interval[0]).toBeLessThan(finding.change_pct);
    expect(finding.change_interval[1]).toBeGreaterThan(finding.change_pct);
    const post = finding.counterfactual.filter((p) => p.phase === 'post');
    expect(post.length).toBeGreaterThan(0);
    for (const p of post) expect(p.lower).toBeLessThanOrEqual(p.counterfactual);
    expect(finding.rationale.length).toBeGreaterThan(3);
    expect(finding.finding_key).toBe('campaign-demo:action-creative:sales');
  });

  it('is deterministic: the same input gives the same findings and keys', () => {
    const a = correlateCampaign(demoCampaign(), { now: NOW });
    const b = correlateCampaign(demoCampaign(), { now: NOW });
    expect(b).toEqual(a);
  });
});

describe('detection', () => {
  it('yields a positive correlation without a revert suggestion for a budget increase that lifted sales', () => {
    const input = campaign({ steps: [{ fromDay: 15, factor: 1.5 }], actions: [{ id: 'budget', type: 'budget_adjustment', day: 14, hour: 18 }] });
    const [alert] = correlateCampaign(input, { now: NOW }).alerts;
    expect(alert.trigger_action_id).toBe('budget');
    expect(alert.impact).toBe('positive');
    expect(alert.suggested_action).toBeNull();
    expect(alert.title).toMatch(/^Sales rose (4[5-9]|5\d)% after budget adjustment$/);
  });

  it('raises nothing on a steady series with an action and no effect', () => {
    const input = campaign({ noise: 0.08, actions: [{ id: 'copy', type: 'ad_copy_update', day: 12 }] });
    const result = correlateCampaign(input, { now: NOW });
    expect(result.alerts).toEqual([]);
  });

  it('does not call a 25 % move significant when the pre-period is very noisy, but does when it is quiet', () => {
    const wobble = [1.4, 0.65, 1.3, 0.7, 1.35, 0.6, 1.25, 0.75, 1.4, 0.62, 1.3, 0.68, 1.38, 0.7, 1.2, 0.66, 1.33, 0.72, 1.28, 0.64];
    const quiet = wobble.map((w) => 1 + (w - 1) / 20);
    const build = (pattern: number[]) => {
      const input = campaign({ days: 20, actions: [{ id: 'c1', type: 'creative_change', day: 13, hour: 8 }] });
      input.snapshots = input.snapshots!.map((s, i) => {
        const sales = Math.round(1000 * pattern[i] * (i >= 14 ? 0.75 : 1));
        return { ...s, sales, revenue: sales, conversions: Math.round(sales / 5) };
      });
      return input;
    };
    expect(correlateCampaign(build(wobble), { now: NOW }).alerts).toEqual([]);
    const alerts = correlateCampaign(build(quiet), { now: NOW }).alerts;
    expect(alerts.map((a) => [a.trigger_action_id, a.metric])).toEqual([['c1', 'sales']]);
  });

  it('models the weekday pattern once two weeks of history exist, so a weekend dip is no alert', () => {
    const weekday = [0.55, 1.1, 1.15, 1.1, 1.1, 1.05, 0.6];
    const input = campaign({ days: 35, weekday, noise: 0.04, actions: [{ id: 'sched', type: 'posting_schedule_change', day: 26, hour: 8 }] });
    // 2025-01-06 + 26 days = Saturday 2025-02-01: the weekend dip follows the action.
    expect(correlateCampaign(input, { now: NOW }).alerts).toEqual([]);
  });

  it('lowers confidence and shares attribution when another action lands in the same window', () => {
    const single = campaign({ steps: [{ fromDay: 15, factor: 0.5 }], actions: [{ id: 'a', type: 'creative_change', day: 14, hour: 9 }] });
    const confounded = campaign({
      steps: [{ fromDay: 15, factor: 0.5 }],
      actions: [
        { id: 'a', type: 'creative_change', day: 14, hour: 9 },
        { id: 'b', type: 'audience_targeting', day: 14, hour: 11 },
      ],
    });
    const alone = correlateCampaign(single, { now: NOW }).findings.find((f) => f.action_id === 'a' && f.metric === 'sales')!;
    const shared = correlateCampaign(confounded, { now: NOW }).findings.find((f) => f.action_id === 'a' && f.metric === 'sales')!;
    expect(shared.confounders).toEqual(['b']);
    expect(shared.attribution_share).toBeLessThan(0.6);
    expect(shared.confidence).toBeLessThan(alone.confidence);
  });

  it('marks a move that began before the action as pre-existing', () => {
    const input = campaign({ steps: [{ fromDay: 12, factor: 0.6 }], actions: [{ id: 'late', type: 'creative_change', day: 14 }] });
    const result = correlateCampaign(input, { now: NOW });
    expect(result.alerts).toEqual([]);
  });

  it('honours workspace threshold overrides', () => {
    const strict = correlateCampaign(demoCampaign(), { now: NOW, thresholds: { correlation: { minConfidenceToAlert: 0.995 } } });
    expect(strict.alerts).toEqual([]);
    const loose = correlateCampaign(demoCampaign(), { now: NOW, thresholds: { correlation: { severeChangeThreshold: 0.7 } } });
    expect(loose.alerts[0].severity).toBe('medium');
  });

  it('ignores planned cards and rejects malformed input', () => {
    const input = demoCampaign();
    input.actions!.push({ id: 'future', action_type: 'budget_adjustment', title: 'x', description: '', occurred_at: null, status: 'planned', metadata: {} });
    expect(correlateCampaign(input, { now: NOW }).findings.some((f) => f.action_id === 'future')).toBe(false);
    expect(() => correlateCampaign({ id: '', actions: [], snapshots: [] } as CampaignInputRaw, { now: NOW })).toThrow();
  });
});

describe('isRecovered', () => {
  it('is true within the tolerance of the baseline, inclusive', () => {
    expect(isRecovered(500, 450, 0.1)).toBe(true);
    expect(isRecovered(500, 449, 0.1)).toBe(false);
    expect(isRecovered(500, 560, 0.1)).toBe(false);
    expect(isRecovered(0, 0, 0.1)).toBe(true);
  });
});

describe('recoveryLevel', () => {
  it('is the level an alert resolves at: back up to within tolerance after a decline, down after a rise', () => {
    expect(recoveryLevel({ baseline: 500, tolerance: 0.1, direction: 'decrease' })).toBeCloseTo(450);
    expect(recoveryLevel({ baseline: 40, tolerance: 0.1, direction: 'increase' })).toBeCloseTo(44);
  });
});
