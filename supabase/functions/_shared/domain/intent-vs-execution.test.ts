import { describe, expect, it } from 'vitest';
import { compareIntentVsExecution } from './intent-vs-execution.ts';
import type { DriftInput } from './drift.ts';

const input: DriftInput = {
  campaign: { objective: 'sales', industry: 'ecommerce', planned_launch: '2025-03-16' },
  phases: [
    { name: 'Planning', position: 0, planned_days: 3, actual_start: '2025-03-01', actual_end: '2025-03-03', approvals_planned: 1, approvals_actual: 1 },
    { name: 'Creative', position: 1, planned_days: 5, actual_start: '2025-03-04', actual_end: '2025-03-10', required_assets: 8, delivered_assets: 6, approvals_planned: 1, approvals_actual: 2 },
    { name: 'Compliance', position: 2, planned_days: 7, actual_start: '2025-03-11', actual_end: '2025-03-20', approvals_planned: 2, approvals_actual: 3 },
    { name: 'Launch', position: 3, planned_days: 1, actual_start: '2025-03-21', actual_end: '2025-03-21' },
  ],
};

describe('compareIntentVsExecution', () => {
  const result = compareIntentVsExecution(input, { now: '2025-03-22' });

  it('compares durations, assets and approval cycles per phase', () => {
    expect(result.phases.map((p) => [p.name, p.planned_days, p.actual_days, p.drift_days, p.timing, p.severity])).toEqual([
      ['Planning', 3, 3, 0, 'on_time', 'On Track'],
      ['Creative', 5, 7, 2, 'delayed', 'At Risk'],
      ['Compliance', 7, 10, 3, 'delayed', 'Blocked'],
      ['Launch', 1, 1, 0, 'on_time', 'On Track'],
    ]);
    expect(result.phases[1].assets).toEqual({ planned: 8, actual: 6, difference: -2, rate: 0.75 });
    expect(result.phases[2].approvals).toEqual({ planned: 2, actual: 3, difference: 1, rate: 1.5 });
    expect(result.assets).toEqual({ planned: 8, actual: 6, difference: -2, rate: 0.75 });
    expect(result.approvals).toEqual({ planned: 4, actual: 6, difference: 2, rate: 1.5 });
  });

  it('compares the launch date and names the root delay origin', () => {
    expect(result.launch).toMatchObject({ planned_date: '2025-03-16', actual_date: '2025-03-21', drift_days: 5, projected: false });
    expect(result.root_delay_origin?.phase).toBe('Creative');
    expect(result.ran_as_planned).toBe(false);
    expect(result.deviations).toEqual([
      'Creative ran 2 day(s) over its 5-day plan (At Risk).',
      'Creative delivered 6 of 8 planned assets.',
      'Creative needed 2 approval cycles against 1 planned.',
      'Compliance ran 3 day(s) over its 7-day plan (Blocked).',
      'Compliance needed 3 approval cycles against 2 planned.',
      'Launch happened 5 day(s) after the planned 2025-03-16.',
    ]);
  });

  it('says whether each delay was predictable from history and benchmarks', () => {
    // No history: e-commerce Creative prior is 50 % (predictable), Compliance 40 % (anomalous).
    expect(result.phases.map((p) => p.delay_expectation)).toEqual([null, 'predictable', 'anomalous', null]);
    const history = [1, 2, 3, 4].map((i) => ({ id: `h${i}`, name: `H${i}`, objective: 'sales' as const, phases: [{ name: 'Compliance', planned_days: 7, actual_days: 10 }] }));
    expect(compareIntentVsExecution(input, { now: '2025-03-22', history }).phases[2].delay_expectation).toBe('predictable');
  });

  it('reports a clean run as run as planned', () => {
    const clean: DriftInput = {
      campaign: { planned_launch: '2025-03-04' },
      phases: [
        { name: 'Planning', position: 0, planned_days: 3, actual_start: '2025-03-01', actual_end: '2025-03-02' },
        { name: 'Launch', position: 1, planned_days: 1, actual_start: '2025-03-04', actual_end: '2025-03-04' },
      ],
    };
    const r = compareIntentVsExecution(clean, { now: '2025-03-05' });
    expect(r.ran_as_planned).toBe(true);
    expect(r.root_delay_origin).toBeNull();
    expect(r.deviations).toEqual(['Planning finished 1 day(s) early.']);
  });
});
