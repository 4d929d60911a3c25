import { describe, expect, it } from 'vitest';
import { applyEnrichment, rulesEnrichment } from '../ai/deepseek.ts';
import { correlateCampaign } from '../domain/correlation/index.ts';
import {
  alertRow,
  analysisWindow,
  correlationRow,
  llmRunColumns,
  pickSnapshotSeries,
  recoveryFor,
  type SnapshotRow,
  toCampaignInput,
  toDbStrength,
} from './mapping.ts';

const campaign = {
  id: 'c1',
  workspace_id: 'w1',
  name: 'Spring sale',
  objective: 'sales',
  primary_kpi: 'sales',
  kpi_target: '4.5',
  planned_launch: '2026-03-01',
  peak_start: null,
  peak_end: null,
};

function snapshot(date: string, sales: number, conversions: number, source = 'meta_pixel'): SnapshotRow {
  return { date, data_source: source, sales, revenue: sales, spend: 100, roas: null, cpa: null, impressions: 20000, clicks: 600, conversions };
}

/** The spec's demo (docs/domain-rules.md, Demo flow): ≈ $500 / 30 conversions a day, creative change blue → red on day 2 at 10:00, ≈ $200 on day 3. */
const seedSnapshots = [
  snapshot('2026-03-01', 505, 30),
  snapshot('2026-03-02', 495, 30),
  snapshot('2026-03-03', 510, 31),
  snapshot('2026-03-04', 490, 29),
  snapshot('2026-03-05', 500, 30),
  snapshot('2026-03-06', 480, 29),
  snapshot('2026-03-07', 200, 12),
];
const creativeChange = {
  id: 'a1',
  action_type: 'creative_change',
  title: 'Changed hero image: blue → red',
  description: null,
  occurred_at: '2026-03-06T10:00:00Z',
  status: 'completed',
  metadata: { previous_state: { hero: 'blue' }, new_state: { hero: 'red' } },
  reverts_action_id: null,
};

function seedAnalysis() {
  const input = toCampaignInput(campaign, [creativeChange], seedSnapshots, []);
  const result = correlateCampaign(input, { now: '2026-03-08T06:00:00Z' });
  const findings = result.findings.map(rulesEnrichment);
  const alerts = applyEnrichment(result.alerts, findings);
  return { result, findings, alerts };
}

describe('analysisWindow', () => {
  it('covers the last 48 hours of actions and the last 7 complete days of data, plus today', () => {
    const w = analysisWindow('2026-03-08T06:00:00Z');
    expect(w.actionsSince).toBe('2026-03-06T06:00:00.000Z');
    expect(w.dataFrom).toBe('2026-03-01');
    expect(w.dataTo).toBe('2026-03-08');
  });

  it('reaches back far enough for a baseline when the action window is longer than the data window', () => {
    const w = analysisWindow('2026-03-08T06:00:00Z', 24 * 10, 7);
    expect(w.dataFrom).toBe('2026-02-23');
  });

  it('rejects an invalid instant', () => {
    expect(() => analysisWindow('yesterday')).toThrow(/Invalid/);
  });
});

describe('pickSnapshotSeries', () => {
  it('keeps the source covering the most days, never summing sources', () => {
    const rows = [snapshot('2026-03-01', 500, 30), snapshot('2026-03-02', 510, 30), snapshot('2026-03-02', 9999, 30, 'manual')];
    const series = pickSnapshotSeries(rows);
    expect(series.map((s) => [s.date, s.sales])).toEqual([
      ['2026-03-01', 500],
      ['2026-03-02', 510],
    ]);
  });

  it('breaks ties by preferring the ads platform over hand-typed numbers', () => {
    const series = pickSnapshotSeries([snapshot('2026-03-01', 1, 1, 'manual'), snapshot('2026-03-01', 2, 1, 'meta_ads')]);
    expect(series[0].sales).toBe(2);
  });

  it('turns numeric strings into numbers and blanks into null', () => {
    const [row] = pickSnapshotSeries([{ ...snapshot('2026-03-01', 1, 1), roas: '3.25', cpa: null }]);
    expect(row.roas).toBe(3.25);
    expect(row.cpa).toBeNull();
  });
});

describe('toCampaignInput', () => {
  it('maps phases to durations (end − start + 1) and finds the launch phase', () => {
    const input = toCampaignInput(campaign, [], [], [
      { name: 'Launch', position: 2, planned_days: 1, actual_start: '2026-03-03', actual_end: '2026-03-04' },
      { name: 'Creative', position: 1, planned_days: 5, actual_start: '2026-02-20', actual_end: null },
    ]);
    expect(input.execution?.actual_launch).toBe('2026-03-03');
    expect(input.execution?.phases).toEqual([
      { name: 'Creative', planned_days: 5, actual_days: null },
      { name: 'Launch', planned_days: 1, actual_days: 2 },
    ]);
    expect(input.kpi_target).toBe(4.5);
    expect(input.primary_kpi).toBe('sales');
  });
});

describe('rows from the seed scenario', () => {
  it('builds the alert row with the recovery watch the database trigger reads', () => {
    const { alerts, findings, result } = seedAnalysis();
    expect(alerts).toHaveLength(1);
    const lead = findings.find((f) => f.finding_key === alerts[0].finding_key)!;
    const row = alertRow(alerts[0], lead, { workspaceId: 'w1', correlationId: 'corr1', tolerance: 0.1, diagnosis: result.diagnosis });

    expect(row.title).toMatch(/^Sales dropped \d+% after creative change$/);
    expect(row.severity).toBe('high');
    expect(row.finding_key).toBe('c1:a1:sales');
    expect(row.correlation_id).toBe('corr1');
    expect(row.suggested_action).toMatchObject({ type: 'revert', target_action_id: 'a1', auto_executable: true });
    expect(row.correlation_data.recovery).toEqual({
      metric: 'sales',
      baseline: lead.baseline_level,
      tolerance: 0.1,
      direction: 'decrease',
      after_date: '2026-03-07',
    });
    expect(row.correlation_data.counterfactual).toEqual(lead.counterfactual);
    expect(row.correlation_data.action).toMatchObject({ id: 'a1', action_type: 'creative_change' });
    expect(row.confidence).toBeGreaterThanOrEqual(0.7);
  });

  it('maps every finding to a correlations row with lower-case strength and the counterfactual in details', () => {
    const { findings } = seedAnalysis();
    const rows = findings.map((f) => correlationRow(f, 'w1', '2026-03-08T06:00:00Z'));
    expect(rows.map((r) => r.metric).sort()).toEqual(['conversions', 'revenue', 'sales']);
    for (const r of rows) {
      expect(['strong', 'moderate', 'weak']).toContain(r.strength);
      expect(r.method).toBe('rules');
      expect(r.change_pct).toBeLessThan(-20);
      expect(r.details.counterfactual).toBeInstanceOf(Array);
      expect(r.insight).toBeTruthy();
    }
  });

  it('watches no recovery on an improvement', () => {
    const { findings } = seedAnalysis();
    expect(recoveryFor({ ...findings[0], impact: 'positive', direction: 'increase' }, 0.1)).toBeNull();
  });
});

describe('toDbStrength', () => {
  it('lower-cases the engine labels and treats anything else as weak', () => {
    expect(toDbStrength('Strong')).toBe('strong');
    expect(toDbStrength('Moderate')).toBe('moderate');
    expect(toDbStrength('???')).toBe('weak');
  });
});

describe('llmRunColumns', () => {
  it('records the outcome, tokens, latency and the reasons for rejected items', () => {
    const cols = llmRunColumns({
      model: 'deepseek-chat',
      prompt_tokens: 120,
      completion_tokens: 40,
      latency_ms: 800,
      outcome: 'rejected',
      rejected: [{ finding_key: 'k', reason: 'suspected_cause names an action not in the campaign' }],
      error: 'suspected_cause names an action not in the campaign',
    });
    expect(cols).toMatchObject({ model: 'deepseek-chat', llm_outcome: 'rejected', prompt_tokens: 120, completion_tokens: 40, latency_ms: 800 });
    expect(cols.error).toContain('rejected: k (suspected_cause names an action not in the campaign)');
  });

  it('leaves error empty when there was nothing to report', () => {
    expect(llmRunColumns({ model: 'm', prompt_tokens: null, completion_tokens: null, latency_ms: null, outcome: 'no_key', rejected: [] }).error).toBeNull();
  });
});
