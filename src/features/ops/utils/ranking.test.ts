import { describe, expect, it } from 'vitest';
import type { CampaignPhase } from '@/lib/db';
import { buildRankingRows, countAlerts, type RankingCampaign, type RankingRow, sortRanking } from './ranking';

const now = new Date('2026-03-14T12:00:00Z');

const phase = (over: Partial<CampaignPhase> & Pick<CampaignPhase, 'name' | 'position' | 'planned_days'>): CampaignPhase => ({
  id: `p-${over.position}`,
  workspace_id: 'w1',
  campaign_id: 'c1',
  planned_start: null,
  actual_start: null,
  actual_end: null,
  required_assets: 0,
  delivered_assets: 0,
  approvals_planned: 0,
  approvals_actual: 0,
  teams: [],
  tools: [],
  notes: null,
  created_at: '2026-03-01T00:00:00Z',
  updated_at: '2026-03-01T00:00:00Z',
  ...over,
});

const campaign = (over: Partial<RankingCampaign> & { id: string; name: string }): RankingCampaign => ({
  status: 'active',
  decision: 'proceed',
  objective: 'sales',
  industry: 'ecommerce',
  planned_launch: '2026-03-10',
  currency: 'USD',
  campaign_phases: [],
  ...over,
});

describe('buildRankingRows', () => {
  it('sums the last 7 days, computes drift at now and counts active alerts by severity', () => {
    const late = campaign({
      id: 'c1',
      name: 'Spring Sale',
      campaign_phases: [
        phase({ name: 'Planning', position: 0, planned_days: 3, actual_start: '2026-03-01', actual_end: '2026-03-03' }),
        phase({ name: 'Creative', position: 1, planned_days: 3, actual_start: '2026-03-04', actual_end: '2026-03-09' }),
      ],
    });
    const snapshots = [
      { campaign_id: 'c1', date: '2026-03-13', data_source: 'meta_pixel', revenue: 500, spend: 100, conversions: 10, impressions: 1000, clicks: 50 },
      { campaign_id: 'c1', date: '2026-03-01', data_source: 'meta_pixel', revenue: 999, spend: 1, conversions: 1, impressions: 1000, clicks: 50 },
    ];
    const alerts = [
      { campaign_id: 'c1', severity: 'high' as const },
      { campaign_id: 'c1', severity: 'low' as const },
    ];
    const [row] = buildRankingRows([late], snapshots, alerts, now);
    expect(row).toMatchObject({ revenue: 500, roas: 5, cpa: 10, alerts: { high: 1, medium: 0, low: 1, total: 2 } });
    expect(row!.sources).toEqual({ roas: 'from Meta pixel', cpa: 'from Meta pixel', revenue: 'from Meta pixel' });
    expect(row.drift).toMatchObject({ severity: 'Blocked', cumulativeDays: 3, firstFailure: 'Creative' });
  });

  it('leaves performance empty for a campaign without recent snapshots and drift empty without phases', () => {
    const [row] = buildRankingRows([campaign({ id: 'c2', name: 'Quiet' })], [], [], now);
    expect(row).toMatchObject({ revenue: null, roas: null, drift: null, alerts: { total: 0 } });
  });
});

describe('countAlerts', () => {
  it('groups by campaign', () => {
    const counts = countAlerts([
      { campaign_id: 'a', severity: 'medium' },
      { campaign_id: 'b', severity: 'medium' },
      { campaign_id: 'a', severity: 'medium' },
    ]);
    expect(counts.get('a')).toEqual({ high: 0, medium: 2, low: 0, total: 2 });
  });
});

describe('sortRanking', () => {
  const row = (name: string, roas: number | null, alerts = { high: 0, medium: 0, low: 0, total: 0 }): RankingRow => ({
    id: name,
    name,
    industry: null,
    status: 'active',
    decision: null,
    currency: 'USD',
    revenue: null,
    spend: null,
    conversions: null,
    roas,
    cpa: null,
    sources: { roas: null, cpa: null, revenue: null },
    drift: null,
    alerts,
  });
  const rows = [row('B', 2), row('A', null), row('C', 4), row('D', 2)];

  it('sorts by a metric either way and keeps empty values last', () => {
    expect(sortRanking(rows, { key: 'roas', direction: 'desc' }).map((r) => r.name)).toEqual(['C', 'B', 'D', 'A']);
    expect(sortRanking(rows, { key: 'roas', direction: 'asc' }).map((r) => r.name)).toEqual(['B', 'D', 'C', 'A']);
  });

  it('ranks high-severity alerts above any number of low ones', () => {
    const sorted = sortRanking(
      [row('Many low', 1, { high: 0, medium: 0, low: 5, total: 5 }), row('One high', 1, { high: 1, medium: 0, low: 0, total: 1 })],
      { key: 'alerts', direction: 'desc' },
    );
    expect(sorted.map((r) => r.name)).toEqual(['One high', 'Many low']);
  });
});
