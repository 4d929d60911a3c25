import { describe, expect, it } from 'vitest';
import { canRevert, confidenceLabel, groupBySeverity, impactChartRows, parseCorrelationData, parseSuggestedAction } from './alert-data';

describe('parseCorrelationData', () => {
  it('reads what the analysis stores and coerces numbers', () => {
    const data = parseCorrelationData({
      metric: 'sales',
      change_pct: '-60.2',
      rationale: ['Baseline from 5 day(s) before the action'],
      counterfactual: [{ date: '2026-03-07', phase: 'post', observed: 196, counterfactual: 492, lower: 380, upper: 610 }],
      recovery: { metric: 'sales', baseline: 500, tolerance: 0.1, direction: 'decrease', after_date: '2026-03-07' },
    });
    expect(data.change_pct).toBe(-60.2);
    expect(data.counterfactual?.[0].counterfactual).toBe(492);
    expect(data.recovery?.baseline).toBe(500);
  });

  it('survives a partial or malformed row', () => {
    expect(parseCorrelationData(null)).toEqual({});
    const data = parseCorrelationData({ rationale: 'not a list', counterfactual: [{ nope: true }] });
    expect(data.rationale).toEqual([]);
    expect(data.counterfactual).toEqual([]);
  });
});

describe('canRevert', () => {
  const revert = { type: 'revert', target_action_id: 'a1', button_label: 'Revert to previous creative', auto_executable: true };

  it('offers the revert on an active alert that suggests one and was not reverted yet', () => {
    expect(canRevert({ status: 'active', revert_action_id: null, suggested_action: revert })).toBe(true);
  });

  it('hides it once reverted, when resolved, or for a review suggestion', () => {
    expect(canRevert({ status: 'active', revert_action_id: 'r1', suggested_action: revert })).toBe(false);
    expect(canRevert({ status: 'resolved', revert_action_id: null, suggested_action: revert })).toBe(false);
    expect(canRevert({ status: 'active', revert_action_id: null, suggested_action: { ...revert, type: 'review' } })).toBe(false);
    expect(parseSuggestedAction('garbage')).toBeNull();
  });
});

describe('groupBySeverity', () => {
  it('orders groups High, Medium, Low with the newest alert first and drops empty groups', () => {
    const groups = groupBySeverity([
      { severity: 'low', detected_at: '2026-03-01T00:00:00Z' },
      { severity: 'high', detected_at: '2026-03-01T00:00:00Z' },
      { severity: 'high', detected_at: '2026-03-02T00:00:00Z' },
    ]);
    expect(groups.map((g) => [g.severity, g.alerts.map((a) => a.detected_at.slice(8, 10))])).toEqual([
      ['high', ['02', '01']],
      ['low', ['01']],
    ]);
  });
});

describe('confidenceLabel', () => {
  it('follows the engine: High from 0.85, Medium from the 0.70 alert threshold', () => {
    expect([0.9, 0.85, 0.75, 0.7, 0.5].map((c) => confidenceLabel(c))).toEqual(['High', 'High', 'Medium', 'Medium', 'Low']);
  });
});

describe('impactChartRows', () => {
  const points = [
    { date: '2026-03-05', phase: 'pre' as const, observed: 500, counterfactual: 498, lower: 420, upper: 580 },
    { date: '2026-03-07', phase: 'post' as const, observed: 196, counterfactual: 492, lower: 380, upper: 610 },
  ];

  it('turns the counterfactual into rows with a [lower, upper] band', () => {
    expect(impactChartRows(points)[1]).toEqual({ date: '2026-03-07', observed: 196, counterfactual: 492, band: [380, 610], phase: 'post' });
  });

  it('appends later observed days against the last counterfactual, ignoring earlier unknown days', () => {
    const rows = impactChartRows(points, [
      { date: '2026-03-08', value: 480 },
      { date: '2026-03-01', value: 10 },
    ]);
    expect(rows.map((r) => [r.date, r.observed, r.counterfactual])).toEqual([
      ['2026-03-05', 500, 498],
      ['2026-03-07', 196, 492],
      ['2026-03-08', 480, 492],
    ]);
  });
});
