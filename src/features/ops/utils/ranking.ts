/**
 * The campaign ranking: every campaign with its 7-day performance, drift (from the domain rule, evaluated at `now`)
 * and active alerts, and the column sort of the table.
 */
import { DRIFT_SEVERITY_RANK } from '@domain/drift.ts';
import { isSeverity } from '@domain/severity.ts';
import { resolveThresholds, type Thresholds } from '@domain/thresholds.ts';
import type { AiAlert, Campaign, CampaignPhase } from '@/lib/db';
import { driftSummaries, type DriftSummary } from '@/lib/drift-summary';
import { inWindow, kpiWindows, countedRows, type LabelledMetric, type SnapshotRow, sourceLabels, totalMetrics } from './metrics';

export type RankingCampaign = Pick<Campaign, 'id' | 'name' | 'status' | 'decision' | 'objective' | 'industry' | 'planned_launch' | 'currency'> & {
  campaign_phases: CampaignPhase[];
};

export type RankingAlert = Pick<AiAlert, 'campaign_id' | 'severity'>;

export interface AlertCounts {
  high: number;
  medium: number;
  low: number;
  total: number;
}

export interface RankingRow {
  id: string;
  name: string;
  industry: string | null;
  status: Campaign['status'];
  decision: Campaign['decision'];
  currency: string;
  revenue: number | null;
  spend: number | null;
  conversions: number | null;
  roas: number | null;
  cpa: number | null;
  /** "from website and Meta", … next to each figure (the source rule, over the same snapshots as the figures). */
  sources: Pick<Record<LabelledMetric, string | null>, 'roas' | 'cpa' | 'revenue'>;
  /** Null when the campaign has no phases or drift cannot be computed. */
  drift: DriftSummary | null;
  alerts: AlertCounts;
}

/** Active alerts per campaign, by severity. */
export function countAlerts(alerts: readonly RankingAlert[]): Map<string, AlertCounts> {
  const counts = new Map<string, AlertCounts>();
  for (const alert of alerts) {
    const c = counts.get(alert.campaign_id) ?? { high: 0, medium: 0, low: 0, total: 0 };
    if (isSeverity(alert.severity)) c[alert.severity] += 1;
    c.total += 1;
    counts.set(alert.campaign_id, c);
  }
  return counts;
}

/**
 * One row per campaign: last-7-day performance (null when it had no snapshot), drift (with the workspace's thresholds
 * and history, as on the campaign page) and active alerts.
 */
export function buildRankingRows(
  campaigns: readonly RankingCampaign[],
  snapshots: readonly SnapshotRow[],
  alerts: readonly RankingAlert[],
  now: Date,
  thresholds: Thresholds = resolveThresholds(),
): RankingRow[] {
  const { current } = kpiWindows(now);
  const byCampaign = new Map<string, SnapshotRow[]>();
  for (const row of countedRows(snapshots)) {
    if (!inWindow(row.date, current)) continue;
    const list = byCampaign.get(row.campaign_id) ?? [];
    list.push(row);
    byCampaign.set(row.campaign_id, list);
  }
  const raw = new Map<string, SnapshotRow[]>();
  for (const row of snapshots) raw.set(row.campaign_id, [...(raw.get(row.campaign_id) ?? []), row]);
  const alertCounts = countAlerts(alerts);
  const drift = driftSummaries(campaigns, { now, thresholds });
  return campaigns.map((campaign) => {
    const rows = byCampaign.get(campaign.id);
    const totals = rows ? totalMetrics(rows) : null;
    const labels = sourceLabels(raw.get(campaign.id) ?? []);
    return {
      id: campaign.id,
      name: campaign.name,
      industry: campaign.industry,
      status: campaign.status,
      decision: campaign.decision,
      currency: campaign.currency,
      revenue: totals?.revenue ?? null,
      spend: totals?.spend ?? null,
      conversions: totals?.conversions ?? null,
      roas: totals?.roas ?? null,
      cpa: totals?.cpa ?? null,
      sources: { roas: labels.roas, cpa: labels.cpa, revenue: labels.revenue },
      drift: drift.get(campaign.id) ?? null,
      alerts: alertCounts.get(campaign.id) ?? { high: 0, medium: 0, low: 0, total: 0 },
    };
  });
}

export type SortKey = 'name' | 'status' | 'decision' | 'roas' | 'cpa' | 'revenue' | 'drift' | 'alerts';
export type SortDirection = 'asc' | 'desc';
export interface RankingSort {
  key: SortKey;
  direction: SortDirection;
}

const STATUS_ORDER = ['active', 'paused', 'planned', 'draft', 'completed'];
const DECISION_ORDER = ['proceed', 'adjust', 'pause'];

/** The value a column sorts by; null sorts last whichever the direction. */
function sortValue(row: RankingRow, key: SortKey): number | string | null {
  switch (key) {
    case 'name':
      return row.name.toLowerCase();
    case 'status': {
      const i = STATUS_ORDER.indexOf(row.status);
      return i === -1 ? STATUS_ORDER.length : i;
    }
    case 'decision':
      return row.decision ? DECISION_ORDER.indexOf(row.decision) : null;
    case 'drift':
      // Worse severity first, then more days late: one number keeps the comparison simple.
      return row.drift && row.drift.startedPhases > 0 ? DRIFT_SEVERITY_RANK[row.drift.severity] * 10_000 + row.drift.cumulativeDays : null;
    case 'alerts':
      return row.alerts.high * 10_000 + row.alerts.medium * 100 + row.alerts.low;
    default:
      return row[key];
  }
}

/** Sorts by one column; empty values (no data) stay at the bottom, ties keep name order. */
export function sortRanking(rows: readonly RankingRow[], sort: RankingSort): RankingRow[] {
  const sign = sort.direction === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = sortValue(a, sort.key);
    const vb = sortValue(b, sort.key);
    if (va === null && vb === null) return a.name.localeCompare(b.name);
    if (va === null) return 1;
    if (vb === null) return -1;
    const cmp = typeof va === 'string' && typeof vb === 'string' ? va.localeCompare(vb) : Number(va) - Number(vb);
    return cmp !== 0 ? sign * cmp : a.name.localeCompare(b.name);
  });
}

/** The direction a column starts in when first clicked: best first for metrics (lowest first for CPA). */
export function defaultDirection(key: SortKey): SortDirection {
  return key === 'name' || key === 'status' || key === 'decision' || key === 'cpa' ? 'asc' : 'desc';
}
