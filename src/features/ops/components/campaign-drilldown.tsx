import { ChartColumn } from 'lucide-react';
import { Link } from 'react-router-dom';
import { SourceLabel } from '@/components/source-label';
import { EmptyState } from '@/components/ui/empty-state';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { formatCurrency, formatNumber } from '@/lib/format';
import { useCampaignDailyMetrics } from '../api/get-campaign-daily-metrics';
import { dailySeries, funnelSteps } from '../utils/funnel';
import { sourceLabels } from '../utils/metrics';
import { SectionCard } from './section-card';
import { DailyMetricsChart } from './daily-metrics-chart';
import { FunnelChart } from './funnel-chart';

export const DRILLDOWN_DAYS = 30;

/** One campaign's last 30 days: the daily chart and the funnel with its conversion rates. */
export function CampaignDrilldown({
  workspaceId,
  campaigns,
  selectedId,
  onSelect,
  from,
}: {
  workspaceId: string;
  campaigns: { id: string; name: string; currency: string }[];
  selectedId: string | null;
  onSelect: (campaignId: string) => void;
  from: string;
}) {
  const campaign = campaigns.find((c) => c.id === selectedId) ?? null;
  const metrics = useCampaignDailyMetrics(campaign ? { workspaceId, campaignId: campaign.id, from } : null);
  const { points, totals } = dailySeries(metrics.data ?? []);
  const sources = sourceLabels(metrics.data ?? []);

  const picker = (
    <Select value={campaign?.id ?? ''} onValueChange={onSelect}>
      <SelectTrigger className="w-64" aria-label="Campaign to drill down into">
        <SelectValue placeholder="Pick a campaign" />
      </SelectTrigger>
      <SelectContent>
        {campaigns.map((c) => (
          <SelectItem key={c.id} value={c.id}>
            {c.name}
          </SelectItem>
        ))}
      </SelectContent>
    </Select>
  );

  return (
    <SectionCard
      title="Drilldown"
      description={campaign ? <>Last {DRILLDOWN_DAYS} days of <Link className="font-medium text-foreground hover:underline" to={`/campaigns/${campaign.id}`}>{campaign.name}</Link></> : 'Pick a campaign'}
      actions={picker}
      pending={!!campaign && metrics.isPending}
      error={metrics.error}
      testId="drilldown"
    >
      {!campaign || points.length === 0 ? (
        <EmptyState
          icon={ChartColumn}
          title={campaign ? 'No performance data yet' : 'No campaign selected'}
          description={campaign ? `No snapshots in the last ${DRILLDOWN_DAYS} days.` : 'Choose a campaign above or with the chart button in the ranking.'}
        />
      ) : (
        <div className="grid gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
          <div className="min-w-0 space-y-2">
            <h4 className="text-sm font-medium">Daily metrics</h4>
            <DailyMetricsChart points={points} currency={campaign.currency} campaignName={campaign.name} />
            <p className="text-xs text-muted-foreground">
              {points.length} days · revenue {formatCurrency(totals.revenue, campaign.currency)} <SourceLabel label={sources.revenue} /> · spend{' '}
              {formatCurrency(totals.spend, campaign.currency)} <SourceLabel label={sources.spend} /> · ROAS{' '}
              {totals.roas === null ? '—' : `${formatNumber(totals.roas, { decimals: 2 })}×`} · CPA {formatCurrency(totals.cpa, campaign.currency)}
            </p>
          </div>
          <div className="space-y-2">
            <h4 className="text-sm font-medium">Funnel</h4>
            <FunnelChart steps={funnelSteps(totals)} />
          </div>
        </div>
      )}
    </SectionCard>
  );
}
