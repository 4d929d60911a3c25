import { toIsoDate } from '@domain/dates.ts';
import { Gauge, Radio } from 'lucide-react';
import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { EmptyState } from '@/components/ui/empty-state';
import { useCurrentWorkspace } from '@/hooks/use-current-workspace';
import { useActiveAlerts } from '../api/get-active-alerts';
import { useOpsCampaigns } from '../api/get-ops-campaigns';
import { useOpsSnapshots } from '../api/get-ops-snapshots';
import { useRecommendations } from '../api/get-recommendations';
import { useOpsRealtime } from '../hooks/use-ops-realtime';
import { dominantCurrency } from '../utils/labels';
import { daysAgo, workspaceKpis } from '../utils/metrics';
import { buildRankingRows } from '../utils/ranking';
import { ActiveAlertsPanel } from './active-alerts-panel';
import { CampaignDrilldown, DRILLDOWN_DAYS } from './campaign-drilldown';
import { CampaignRankingTable } from './campaign-ranking-table';
import { KpiStrip } from './kpi-strip';
import { OpsLogs } from './ops-logs';
import { RecommendationsPanel } from './recommendations-panel';
import { SectionCard } from './section-card';

/**
 * The ops head's page: workspace KPIs, every campaign ranked with its drift and alerts, a drilldown, active alerts,
 * recommendations with their decisions, the job log and the audit log. Viewers and marketers see it read-only.
 */
export function OpsDashboard() {
  const { workspace, isOpsHead, thresholds } = useCurrentWorkspace();
  const { live } = useOpsRealtime(workspace.id);
  const today = toIsoDate(new Date());
  const campaigns = useOpsCampaigns(workspace.id);
  const snapshots = useOpsSnapshots({ workspaceId: workspace.id, from: daysAgo(new Date(`${today}T12:00:00Z`), 14) });
  const alerts = useActiveAlerts(workspace.id);
  const recommendations = useRecommendations(workspace.id);

  const [params, setParams] = useSearchParams();
  const select = (campaignId: string) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('campaign', campaignId);
        return next;
      },
      { replace: true, preventScrollReset: true },
    );

  const { rows, kpis } = useMemo(() => {
    // `today` in the deps: drift and the 7-day windows move on at midnight UTC, not on every render.
    const now = new Date();
    return {
      rows: buildRankingRows(campaigns.data ?? [], snapshots.data ?? [], alerts.data ?? [], now, thresholds),
      kpis: workspaceKpis(snapshots.data ?? [], now),
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [campaigns.data, snapshots.data, alerts.data, today, thresholds]);

  const campaignList = campaigns.data ?? [];
  const campaignNames = Object.fromEntries(campaignList.map((c) => [c.id, c.name]));
  const requested = params.get('campaign');
  const topByRevenue = [...rows].filter((r) => r.revenue !== null).sort((a, b) => (b.revenue ?? 0) - (a.revenue ?? 0))[0];
  const selectedId = rows.some((r) => r.id === requested) ? requested : (topByRevenue?.id ?? rows[0]?.id ?? null);

  if (campaigns.isSuccess && campaignList.length === 0) {
    return <EmptyState icon={Gauge} title="No campaigns yet" description="Once campaigns are planned and running, their performance, drift and alerts are reviewed here." />;
  }

  return (
    <div className="space-y-6" data-testid="ops-dashboard">
      <div className="flex items-center justify-between gap-3">
        <h2 className="text-sm font-medium text-muted-foreground">Last 7 days vs the previous 7, one data source per campaign</h2>
        <span className="inline-flex items-center gap-1.5 text-xs text-muted-foreground" aria-live="polite">
          <Radio className={live ? 'size-3.5 text-emerald-600' : 'size-3.5'} aria-hidden />
          {live ? 'Live' : 'Connecting…'}
        </span>
      </div>
      <KpiStrip kpis={kpis} currency={dominantCurrency(campaignList)} pending={snapshots.isPending} />
      <SectionCard
        title="Campaign ranking"
        description="Sort by any column. A row opens the campaign; the chart button drills down below."
        pending={campaigns.isPending || snapshots.isPending}
        error={campaigns.error ?? snapshots.error ?? alerts.error}
        testId="campaign-ranking"
      >
        <CampaignRankingTable rows={rows} selectedId={selectedId} onSelect={select} />
      </SectionCard>
      <CampaignDrilldown
        workspaceId={workspace.id}
        campaigns={campaignList}
        selectedId={selectedId}
        onSelect={select}
        from={daysAgo(new Date(`${today}T12:00:00Z`), DRILLDOWN_DAYS)}
      />
      <div className="grid gap-6 xl:grid-cols-2">
        <ActiveAlertsPanel alerts={alerts.data ?? []} campaignNames={campaignNames} pending={alerts.isPending} error={alerts.error} />
        <RecommendationsPanel
          workspaceId={workspace.id}
          recommendations={recommendations.data ?? []}
          campaignNames={campaignNames}
          canDecide={isOpsHead}
          pending={recommendations.isPending}
          error={recommendations.error}
        />
      </div>
      <OpsLogs workspaceId={workspace.id} canReadAudit={isOpsHead} campaignNames={campaignNames} />
    </div>
  );
}
