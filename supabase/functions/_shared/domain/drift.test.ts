import { describe, expect, it } from 'vitest';
import { DomainInputError } from './dates.ts';
import { classifyDriftSeverity, computeDrift, predictPhaseDelay, type DriftInput } from './drift.ts';
import type { PastCampaignInput } from './benchmarks.ts';
import { parseHistory } from './benchmarks.ts';
import { resolveThresholds } from './thresholds.ts';

const phase = (over: Partial<DriftInput['phases'][number]> & { name: string; position: number; planned_days: number }) => ({
  planned_start: null,
  actual_start: null,
  actual_end: null,
  required_assets: 0,
  delivered_assets: 0,
  approvals_planned: 0,
  approvals_actual: 0,
  teams: [],
  tools: [],
  ...over,
});

/** The spec's drift sample (docs/domain-rules.md, Drift): Planning 3→3, Creative 5→7, Compliance 7→10, Launch 1→not started. */
const seedInput: DriftInput = {
  campaign: { id: 'c1', objective: 'sales', industry: 'ecommerce', planned_launch: '2025-03-16' },
  phases: [
    phase({ name: 'Planning', position: 0, planned_days: 3, planned_start: '2025-03-01', actual_start: '2025-03-01', actual_end: '2025-03-03' }),
    phase({ name: 'Creative', position: 1, planned_days: 5, planned_start: '2025-03-04', actual_start: '2025-03-04T09:00:00+00:00', actual_end: '2025-03-10T17:30:00+00:00' }),
    phase({ name: 'Compliance', position: 2, planned_days: 7, planned_start: '2025-03-09', actual_start: '2025-03-11', actual_end: '2025-03-20' }),
    phase({ name: 'Launch', position: 3, planned_days: 1, planned_start: '2025-03-16' }),
  ],
};

describe('computeDrift — the seed sample table', () => {
  const report = computeDrift(seedInput, { now: '2025-03-21T08:00:00Z' });

  it('reproduces planned, actual, drift and status of every row', () => {
    const rows = report.phases.map((p) => [p.name, p.planned_days, p.actual_days, p.drift_days, p.severity]);
    expect(rows).toEqual([
      ['Planning', 3, 3, 0, 'On Track'],
      ['Creative', 5, 7, 2, 'At Risk'],
      ['Compliance', 7, 10, 3, 'Blocked'],
      ['Launch', 1, null, null, 'Pending'],
    ]);
  });

  it('labels timing on time / delayed / not started', () => {
    expect(report.phases.map((p) => p.timing)).toEqual(['on_time', 'delayed', 'delayed', 'not_started']);
  });

  it('names Creative as the first point of failure, pushing Compliance', () => {
    expect(report.first_point_of_failure).toMatchObject({
      phase: 'Creative',
      drift_days: 2,
      propagated: true,
      pushed_days: 2,
    });
    expect(report.first_point_of_failure?.pushed_phases).toContain('Compliance');
  });

  it('sums drift of finished phases into cumulative drift', () => {
    expect(report.cumulative_drift_days).toBe(5);
  });

  it('projects the launch from the phases before it', () => {
    expect(report.launch).toEqual({
      phase: 'Launch',
      planned_date: '2025-03-16',
      actual_date: null,
      projected_date: '2025-03-21',
      drift_days: 5,
      projected: true,
    });
  });

  it('predicts a delay for the pending Launch phase, raised by this campaign running late', () => {
    expect(report.predictions).toHaveLength(1);
    const [launch] = report.predictions;
    expect(launch.name).toBe('Launch');
    expect(launch.basis).toBe('benchmark');
    expect(launch.confidence).toBe('Low');
    // Benchmark prior 0.2 with weight 4, plus 2 late and 1 on-time phase at weight 0.5: (0.8 + 1) / (4 + 1.5).
    expect(launch.delay_probability).toBeCloseTo(1.8 / 5.5, 2);
    expect(launch.expected_delay_days_if_late).toBeGreaterThanOrEqual(1);
    expect(launch.expected_delay_days).toBeCloseTo(launch.delay_probability * launch.expected_delay_days_if_late, 1);
  });

  it('reports the worst severity overall', () => {
    expect(report.overall_severity).toBe('Blocked');
  });
});

describe('computeDrift — day counting and phase states', () => {
  it('counts a phase finished the day it started as 1 day', () => {
    const report = computeDrift(
      { phases: [phase({ name: 'Launch', position: 0, planned_days: 1, actual_start: '2025-05-02T08:00:00Z', actual_end: '2025-05-02T18:00:00Z' })] },
      { now: '2025-05-03' },
    );
    expect(report.phases[0]).toMatchObject({ actual_days: 1, drift_days: 0, timing: 'on_time', severity: 'On Track' });
  });

  it('counts elapsed time: started Monday 09:00, finished Thursday 09:00 took 3 days, on plan for 3', () => {
    // 2026-03-02 is a Monday. Counting calendar days inclusive would make this 4 days and +1 At Risk.
    const report = computeDrift(
      { phases: [phase({ name: 'Creative', position: 0, planned_days: 3, actual_start: '2026-03-02T09:00:00Z', actual_end: '2026-03-05T09:00:00Z' })] },
      { now: '2026-03-06T12:00:00Z' },
    );
    expect(report.phases[0]).toMatchObject({ actual_days: 3, drift_days: 0, timing: 'on_time', severity: 'On Track' });
  });

  it('rounds elapsed time up: a minute past three days is a fourth day', () => {
    const report = computeDrift(
      { phases: [phase({ name: 'Creative', position: 0, planned_days: 3, actual_start: '2026-03-02T09:00:00Z', actual_end: '2026-03-05T09:01:00Z' })] },
      { now: '2026-03-06T12:00:00Z' },
    );
    expect(report.phases[0]).toMatchObject({ actual_days: 4, drift_days: 1, severity: 'At Risk' });
  });

  it('agrees for back-filled dates (00:00 → 23:59:59) and bare dates over the same days', () => {
    const backfilled = phase({ name: 'Planning', position: 0, planned_days: 3, actual_start: '2026-03-02T00:00:00.000Z', actual_end: '2026-03-04T23:59:59.000Z' });
    const bare = { ...backfilled, actual_start: '2026-03-02', actual_end: '2026-03-04' };
    for (const p of [backfilled, bare]) {
      expect(computeDrift({ phases: [p] }, { now: '2026-03-10' }).phases[0]).toMatchObject({ actual_days: 3, drift_days: 0 });
    }
  });

  it('counts a running phase by the clock: Monday 09:00 to Thursday 09:00 is day 3, a minute later day 4', () => {
    const running = { phases: [phase({ name: 'Creative', position: 0, planned_days: 3, actual_start: '2026-03-02T09:00:00Z', delivered_assets: 1 })] };
    expect(computeDrift(running, { now: '2026-03-05T09:00:00Z' }).phases[0]).toMatchObject({ actual_days: 3, drift_days: 0, timing: 'in_progress' });
    expect(computeDrift(running, { now: '2026-03-05T09:01:00Z' }).phases[0]).toMatchObject({ actual_days: 4, drift_days: 1, timing: 'delayed' });
    // Started later the same day than `now` reads (clock skew): still day 1, not an error.
    expect(computeDrift(running, { now: '2026-03-02T08:00:00Z' }).phases[0]).toMatchObject({ actual_days: 1, drift_days: 0 });
  });

  it('marks phases finished early with negative drift, On Track, and lets them offset cumulative drift', () => {
    const report = computeDrift(
      {
        phases: [
          phase({ name: 'Planning', position: 0, planned_days: 5, actual_start: '2025-05-01', actual_end: '2025-05-03' }),
          phase({ name: 'Creative', position: 1, planned_days: 4, actual_start: '2025-05-04', actual_end: '2025-05-08' }),
        ],
      },
      { now: '2025-05-09' },
    );
    expect(report.phases[0]).toMatchObject({ actual_days: 3, drift_days: -2, timing: 'early', severity: 'On Track', severity_reason: '2 days early' });
    expect(report.phases[1]).toMatchObject({ drift_days: 1, severity: 'At Risk' });
    expect(report.cumulative_drift_days).toBe(-1);
    expect(report.first_point_of_failure).toMatchObject({ phase: 'Creative', propagated: false });
  });

  it('keeps a running phase within plan in progress with zero drift', () => {
    const report = computeDrift(
      { phases: [phase({ name: 'Creative', position: 0, planned_days: 5, actual_start: '2025-05-01' })] },
      { now: '2025-05-03T23:59:00Z' },
    );
    expect(report.phases[0]).toMatchObject({ state: 'running', actual_days: 3, drift_days: 0, projected: true, timing: 'in_progress', severity: 'On Track' });
  });

  it('delays a running phase past plan by its elapsed excess (projected)', () => {
    const report = computeDrift(
      {
        phases: [
          phase({ name: 'Creative', position: 0, planned_days: 5, actual_start: '2025-05-01', delivered_assets: 2 }),
          phase({ name: 'Compliance', position: 1, planned_days: 3 }),
        ],
      },
      { now: '2025-05-07' },
    );
    expect(report.phases[0]).toMatchObject({ actual_days: 7, drift_days: 2, projected: true, timing: 'delayed', severity: 'At Risk' });
    expect(report.cumulative_drift_days).toBe(2);
    expect(report.first_point_of_failure).toMatchObject({ phase: 'Creative', propagated: true, pushed_phases: ['Compliance'], pushed_days: null });
  });

  it('blocks a running phase past 150 % of plan with no progress, even when only 2 days late', () => {
    const input = { phases: [phase({ name: 'Planning', position: 0, planned_days: 2, actual_start: '2025-05-01' })] };
    expect(computeDrift(input, { now: '2025-05-04' }).phases[0]).toMatchObject({ drift_days: 2, severity: 'Blocked' });
    const withProgress = { phases: [{ ...input.phases[0], approvals_actual: 1 }] };
    expect(computeDrift(withProgress, { now: '2025-05-04' }).phases[0]).toMatchObject({ drift_days: 2, severity: 'At Risk' });
    // Exactly 150 % (3 of 2 days) is not past it.
    expect(computeDrift(input, { now: '2025-05-03' }).phases[0]).toMatchObject({ drift_days: 1, severity: 'At Risk' });
  });

  it('handles custom phases and a custom launch phase', () => {
    const report = computeDrift(
      {
        campaign: { planned_launch: '2025-06-10' },
        phases: [
          phase({ name: 'Influencer outreach', position: 0, planned_days: 4, actual_start: '2025-06-01', actual_end: '2025-06-06' }),
          phase({ name: 'Go live', position: 1, planned_days: 1, actual_start: '2025-06-12', actual_end: '2025-06-12' }),
        ],
        launch_phase: 'go live',
      },
      { now: '2025-06-20' },
    );
    expect(report.phases[0]).toMatchObject({ drift_days: 2, severity: 'At Risk' });
    expect(report.launch).toMatchObject({ phase: 'Go live', actual_date: '2025-06-12', drift_days: 2, projected: false });
    expect(report.first_point_of_failure).toMatchObject({ phase: 'Influencer outreach', propagated: true });
  });

  it('uses a phase flagged is_launch when none is named Launch', () => {
    const report = computeDrift(
      {
        campaign: { planned_launch: '2025-06-05' },
        phases: [phase({ name: 'Publish', position: 0, planned_days: 1, is_launch: true, actual_start: '2025-06-04', actual_end: '2025-06-04' })],
      },
      { now: '2025-06-05' },
    );
    expect(report.launch).toMatchObject({ phase: 'Publish', drift_days: -1 });
  });

  it('reports no launch when there is no launch phase', () => {
    const report = computeDrift({ phases: [phase({ name: 'Research', position: 0, planned_days: 2 })] }, { now: '2025-01-01' });
    expect(report.launch).toMatchObject({ phase: null, drift_days: null });
    expect(report.overall_severity).toBe('Pending');
    expect(report.first_point_of_failure).toBeNull();
  });

  it('orders phases by position whatever the input order, and fills missing positions from the list order', () => {
    const report = computeDrift(
      {
        phases: [
          phase({ name: 'Creative', position: 1, planned_days: 2 }),
          phase({ name: 'Planning', position: 0, planned_days: 1 }),
        ],
      },
      { now: '2025-01-01' },
    );
    expect(report.phases.map((p) => p.name)).toEqual(['Planning', 'Creative']);
    const unpositioned = computeDrift(
      { phases: [{ name: 'A', planned_days: 1 }, { name: 'B', planned_days: 1 }] },
      { now: '2025-01-01' },
    );
    expect(unpositioned.phases.map((p) => [p.name, p.position])).toEqual([['A', 0], ['B', 1]]);
  });

  it('does not blame a delayed phase when the next one started on plan', () => {
    const report = computeDrift(
      {
        phases: [
          phase({ name: 'Planning', position: 0, planned_days: 3, actual_start: '2025-05-01', actual_end: '2025-05-05' }),
          phase({ name: 'Creative', position: 1, planned_days: 3, actual_start: '2025-05-04', actual_end: '2025-05-06' }),
          phase({ name: 'Compliance', position: 2, planned_days: 2, actual_start: '2025-05-07', actual_end: '2025-05-10' }),
          phase({ name: 'Launch', position: 3, planned_days: 1 }),
        ],
      },
      { now: '2025-05-11' },
    );
    // Planning ran 2 days over but Creative started on day 4 as planned: Compliance (+2, waiting Launch) is the origin.
    expect(report.first_point_of_failure).toMatchObject({ phase: 'Compliance', propagated: true, pushed_phases: ['Launch'] });
  });

  it('computes the start delay against planned_start', () => {
    const report = computeDrift(seedInput, { now: '2025-03-21' });
    expect(report.phases.map((p) => p.start_delay_days)).toEqual([0, 0, 2, null]);
  });

  it('is deterministic: same input and now give the same report', () => {
    expect(computeDrift(seedInput, { now: '2025-03-21' })).toEqual(computeDrift(seedInput, { now: '2025-03-21T23:00:00Z' }));
  });
});

describe('computeDrift — predictions from history', () => {
  const history: PastCampaignInput[] = [1, 2, 3, 4, 5, 6, 7, 8].map((i) => ({
    id: `h${i}`,
    name: `Past ${i}`,
    objective: 'sales',
    phases: [{ name: 'Launch', planned_days: 1, actual_days: i <= 6 ? 3 : 1 }],
  }));

  it('uses same-objective history and labels confidence by sample size', () => {
    const report = computeDrift(
      { campaign: { objective: 'sales' }, phases: [phase({ name: 'Launch', position: 0, planned_days: 1 })] },
      { now: '2025-01-01', history },
    );
    const [p] = report.predictions;
    expect(p.history_count).toBe(8);
    expect(p.basis).toBe('history');
    expect(p.confidence).toBe('High');
    // (0.2·4 + 6) / (4 + 8) = 0.5667
    expect(p.delay_probability).toBeCloseTo(0.57, 2);
    // overrun ratio (1·4 + 6·2) / (4 + 6) = 1.6 → 1.6 days if late
    expect(p.expected_delay_days_if_late).toBe(1.6);
    expect(p.expected_delay_days).toBeCloseTo(0.9, 1);
  });

  it('ignores history of other objectives', () => {
    const report = computeDrift(
      { campaign: { objective: 'awareness' }, phases: [phase({ name: 'Launch', position: 0, planned_days: 1 })] },
      { now: '2025-01-01', history },
    );
    expect(report.predictions[0]).toMatchObject({ history_count: 0, basis: 'benchmark', delay_probability: 0.2 });
  });

  it('blends thin history with the benchmark prior', () => {
    const p = predictPhaseDelay(
      { name: 'Creative', planned_days: 5 },
      { objective: 'sales', history: parseHistory(history.slice(0, 1).map((h) => ({ ...h, phases: [{ name: 'creative', planned_days: 5, actual_days: 8 }] }))) },
    );
    expect(p).toMatchObject({ history_count: 1, basis: 'history+benchmark', confidence: 'Low' });
    // (0.45·4 + 1) / 5 = 0.56
    expect(p.delay_probability).toBe(0.56);
  });

  it('gives custom phases a neutral prior', () => {
    const p = predictPhaseDelay({ name: 'Influencer outreach', planned_days: 10 });
    expect(p).toMatchObject({ delay_probability: 0.3, expected_delay_days_if_late: 3, expected_delay_days: 0.9, basis: 'benchmark' });
  });
});

describe('classifyDriftSeverity — precedence', () => {
  it('lets the day rule win over the 30 % ratio', () => {
    expect(classifyDriftSeverity({ state: 'finished', drift_days: 2, planned_days: 5 }).severity).toBe('At Risk');
    expect(classifyDriftSeverity({ state: 'finished', drift_days: 3, planned_days: 30 }).severity).toBe('Blocked');
  });

  it('uses the ratio only in a gap between the day rules left by overrides', () => {
    const drift = resolveThresholds({ drift: { atRiskMaxDays: 1, blockedMinDays: 5 } }).drift;
    expect(classifyDriftSeverity({ state: 'finished', drift_days: 3, planned_days: 20 }, drift).severity).toBe('At Risk');
    expect(classifyDriftSeverity({ state: 'finished', drift_days: 3, planned_days: 5 }, drift).severity).toBe('Blocked');
  });

  it('applies workspace threshold overrides passed to computeDrift', () => {
    const report = computeDrift(seedInput, { now: '2025-03-21', thresholds: { drift: { blockedMinDays: 4, atRiskMaxDays: 3 } } });
    expect(report.phases[2].severity).toBe('At Risk');
  });
});

describe('computeDrift — bad input', () => {
  const now = '2025-05-10';
  const expectError = (input: unknown, match: RegExp, opts: object = { now }) => {
    expect(() => computeDrift(input as DriftInput, opts as { now: string })).toThrow(DomainInputError);
    expect(() => computeDrift(input as DriftInput, opts as { now: string })).toThrow(match);
  };

  it('rejects negative and zero planned durations', () => {
    expectError({ phases: [phase({ name: 'Creative', position: 0, planned_days: -2 })] }, /phases\[0\]\.planned_days: planned_days must be greater than 0/);
    expectError({ phases: [phase({ name: 'Creative', position: 0, planned_days: 0 })] }, /greater than 0/);
    expectError({ phases: [phase({ name: 'Creative', position: 0, planned_days: 2.5 })] }, /whole number/);
  });

  it('rejects an end before the start', () => {
    expectError(
      { phases: [phase({ name: 'Creative', position: 0, planned_days: 2, actual_start: '2025-05-05', actual_end: '2025-05-03' })] },
      /actual_end \(2025-05-03\) is before actual_start \(2025-05-05\)/,
    );
  });

  it('rejects an end without a start, and dates after now', () => {
    expectError({ phases: [phase({ name: 'Creative', position: 0, planned_days: 2, actual_end: '2025-05-03' })] }, /actual_end is set but actual_start is not/);
    expectError({ phases: [phase({ name: 'Creative', position: 0, planned_days: 2, actual_start: '2025-05-11' })] }, /actual_start 2025-05-11 is after now/);
  });

  it('rejects an unknown launch phase', () => {
    expectError({ phases: [phase({ name: 'Creative', position: 0, planned_days: 2 })], launch_phase: 'Go live' }, /Unknown phase "Go live": this campaign has "Creative"/);
  });

  it('rejects malformed dates, duplicate names and a missing now', () => {
    expectError({ phases: [phase({ name: 'Creative', position: 0, planned_days: 2, actual_start: '2025-02-30' })] }, /actual_start: must be an ISO date/);
    expectError({ phases: [phase({ name: 'Creative', position: 0, planned_days: 2 }), phase({ name: 'creative', position: 1, planned_days: 2 })] }, /used twice/);
    expectError({ phases: [phase({ name: 'A', position: 0, planned_days: 1 })] }, /now is required/, {});
    expectError({ phases: [] }, /at least one phase/);
  });

  it('rejects bad history records', () => {
    expectError(
      { phases: [phase({ name: 'A', position: 0, planned_days: 1 })] },
      /history\[0\]\.phases\[0\]\.actual_days/,
      { now, history: [{ id: 'x', name: 'X', objective: 'sales', phases: [{ name: 'A', planned_days: 1, actual_days: -1 }] }] },
    );
  });
});
