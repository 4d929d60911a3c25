import { describe, expect, it } from 'vitest';
import { buildTimelineModel, clusterLinks, defaultMetrics, impactOf, type TimelineCorrelation, type TimelineSnapshot } from './timeline-model';

const sales = [500, 500, 480, 200, 480];
const snapshots: TimelineSnapshot[] = sales.map((value, i) => ({ date: `2026-03-0${i + 1}`, data_source: 'meta_pixel', sales: value, conversions: 30 }));
const actions = [
  { id: 'a1', title: 'Blue → red', action_type: 'creative_change', occurred_at: '2026-03-03T10:00:00Z', status: 'reverted', reverts_action_id: null },
  { id: 'a2', title: 'Revert: Blue → red', action_type: 'creative_change', occurred_at: '2026-03-05T09:00:00Z', status: 'completed', reverts_action_id: 'a1' },
  { id: 'p', title: 'Planned', action_type: 'other', occurred_at: '2026-03-05T09:00:00Z', status: 'planned', reverts_action_id: null },
];
const correlation: TimelineCorrelation = {
  id: 'c1',
  action_id: 'a1',
  metric: 'sales',
  change_pct: -60,
  confidence: 0.75,
  strength: 'moderate',
  insight: 'Sales dropped 60% within 48 hours of the creative change.',
  method: 'llm',
  details: { onset_date: '2026-03-04' },
};

describe('buildTimelineModel', () => {
  const model = buildTimelineModel({ actions, snapshots, correlations: [correlation], metrics: ['sales'] })!;

  it('spans the days of data, with each day at its noon', () => {
    expect(model.start).toBe('2026-03-01');
    expect(model.end).toBe('2026-03-05');
    expect(model.days).toHaveLength(5);
    expect(model.days[0].x).toBeCloseTo(0.1);
  });

  it('puts executed actions on their instant and leaves planned cards out', () => {
    expect(model.markers.map((m) => m.id)).toEqual(['a1', 'a2']);
    expect(model.markers[0].x).toBeCloseTo((2 + 10 / 24) / 5);
    expect(model.markers[0].impact).toBe('negative');
    expect(model.markers[1].isRevert).toBe(true);
  });

  it('scales each metric from 0 to its maximum', () => {
    expect(model.series[0].points.map((p) => p.y)).toEqual([1, 1, 0.96, 0.4, 0.96]);
  });

  it('links the action to the day its change began, carrying the AI annotation', () => {
    expect(model.links).toEqual([
      expect.objectContaining({ actionId: 'a1', onsetDate: '2026-03-04', x2: model.days[3].x, y2: 0.4, impact: 'negative', insight: correlation.insight }),
    ]);
  });

  it('draws no link for a metric that is not shown', () => {
    expect(buildTimelineModel({ actions, snapshots, correlations: [correlation], metrics: ['conversions'] })!.links).toEqual([]);
  });

  it('is empty without data', () => {
    expect(buildTimelineModel({ actions: [], snapshots: [], correlations: [], metrics: ['sales'] })).toBeNull();
  });
});

describe('defaultMetrics', () => {
  it('draws sales then a count among the correlated metrics, else falls back to sales', () => {
    expect(defaultMetrics([{ ...correlation, metric: 'revenue' }, { ...correlation, metric: 'conversions', confidence: 0.9 }, correlation])).toEqual(['sales', 'conversions']);
    expect(defaultMetrics([])).toEqual(['sales']);
  });
});

describe('clusterLinks', () => {
  it('merges change points that would sit on top of each other', () => {
    const clusters = clusterLinks([{ x: 0, y: 0, id: 'a' }, { x: 3, y: 4, id: 'b' }, { x: 50, y: 0, id: 'c' }], 6);
    expect(clusters.map((c) => c.map((p) => p.id))).toEqual([['a', 'b'], ['c']]);
  });
});

describe('impactOf', () => {
  it('reads a rising CPA as harm and spend as neutral', () => {
    expect(impactOf('cpa', 40)).toBe('negative');
    expect(impactOf('sales', 40)).toBe('positive');
    expect(impactOf('spend', -40)).toBe('neutral');
  });
});
