import { KPI_METRIC, kpiDays, kpiProgress, type PrimaryKpi } from '@domain/kpi-progress.ts';
import { metaFreshness } from '@domain/meta/freshness.ts';
import { dayInTimeZone } from '@domain/meta/sync-window.ts';
import { metricSourceLabel } from '@domain/metric-sources.ts';
import { CircleAlert, Clock, Megaphone, RefreshCw } from 'lucide-react';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { toast } from '@/components/ui/toast';
import { useQueryClient } from '@tanstack/react-query';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { SourceLabel } from '@/components/source-label';
import { Skeleton } from '@/components/ui/skeleton';
import type { Campaign } from '@/lib/db';
import { formatCurrency, formatDateTime, formatNumber } from '@/lib/format';
import { formatRelative } from '@/lib/format-relative';
import { errorMessage } from '@/lib/utils';
import { useCampaignPerformance } from '../api/get-campaign-performance';
import { useCampaignSyncRuns, type SyncRun } from '../api/get-campaign-sync-runs';
import { useMetaConnections } from '../api/get-meta-connections';
import { subscribeToMetaSync } from '../api/subscribe-meta-sync';
import { useSyncMetaNow } from '../api/sync-meta';
import { metaKeys } from '../keys';
import { SYNC_STATUS_LABELS } from '../utils/labels';
import { KpiTargetCard } from './kpi-target-card';
import { MetaDailyChart } from './meta-daily-chart';

function runSummary(run: SyncRun): string {
  const parts = [`${run.snapshots_written} day${run.snapshots_written === 1 ? '' : 's'} updated`, `${run.snapshots_unchanged} unchanged`, `${run.cards_created} new card${run.cards_created === 1 ? '' : 's'}`];
  if (run.throttle_pauses) parts.push(`paused ${run.throttle_pauses}× for Meta's limits`);
  return parts.join(' · ');
}

/** One 7-day figure and its source; a figure no source reports is a dash, not a 0. */
function Figure({ label, value, source }: { label: string; value: string; source: string | null }) {
  return (
    <div className="rounded-md border px-3 py-2" data-testid="campaign-figure">
      <div className="text-xs text-muted-foreground">{label}</div>
      <div className="text-lg font-semibold tabular-nums">{source ? value : '—'}</div>
      <SourceLabel label={source} className="block" />
    </div>
  );
}

/**
 * The campaign's performance: Meta sync now with progress, last sync and its result, staleness; then the 7-day
 * figures, KPI vs target and daily chart, each metric from the source that counts (domain/metric-sources.ts).
 */
export function CampaignMetaPanel({ campaign, canWrite }: { campaign: Campaign; canWrite: boolean }) {
  const queryClient = useQueryClient();
  const connections = useMetaConnections(campaign.workspace_id);
  const runs = useCampaignSyncRuns(campaign.id);
  const performance = useCampaignPerformance(campaign.id);
  const sync = useSyncMetaNow(campaign.id);
  // The clock the staleness and "last 7 days" read; moved on whenever a sync or a job-log change arrives.
  const [now, setNow] = useState(() => Date.now());

  useEffect(
    () =>
      subscribeToMetaSync(campaign.workspace_id, (table) => {
        setNow(Date.now());
        void queryClient.invalidateQueries({ queryKey: table === 'meta_connections' ? metaKeys.connections(campaign.workspace_id) : metaKeys.syncRuns(campaign.id) });
      }),
    [campaign.workspace_id, campaign.id, queryClient],
  );

  const tracked = campaign.meta_campaign_ids.length + campaign.meta_adset_ids.length > 0;
  const account = campaign.ads_account_id ? (campaign.ads_account_id.startsWith('act_') ? campaign.ads_account_id : `act_${campaign.ads_account_id}`) : null;
  const connection = connections.data?.find((c) => c.ad_account_id === account && c.status !== 'revoked') ?? connections.data?.find((c) => c.status !== 'revoked');
  const latest = runs.data?.[0];
  // A run that has been "running" for 10 minutes died with its function; do not block the button on it.
  const liveRun = latest?.status === 'running' && now - Date.parse(latest.started_at) < 10 * 60_000;
  const running = sync.isPending || liveRun;
  const lastSuccess = runs.data?.find((r) => r.status === 'succeeded' || r.status === 'partial');
  const rows = performance.data?.days ?? [];
  const label = (metric: Parameters<typeof metricSourceLabel>[1]) => (performance.data ? metricSourceLabel(performance.data.choice, metric) : null);
  const today = dayInTimeZone(new Date(now), connection?.timezone_name);
  const freshness = metaFreshness({ newestDay: performance.data?.newestMetaDay ?? null, today, lastSuccessAt: lastSuccess?.finished_at ?? null, now: new Date(now) });
  const currency = connection?.currency ?? campaign.currency;
  const week = rows.filter((r) => r.date > dayInTimeZone(new Date(now - 7 * 86_400_000), connection?.timezone_name));
  const total = (k: 'spend' | 'revenue' | 'conversions' | 'reach' | 'clicks' | 'impressions') => week.reduce((s, r) => s + Number(r[k] ?? 0), 0);

  function syncNow() {
    sync.mutate(undefined, {
      onSuccess: (result) => {
        const run = result.find((r) => r.status !== 'succeeded' || r.snapshots_written + r.cards_created > 0) ?? result[0];
        if (!run) return;
        if (run.needs_reconnect) toast.error('Meta needs reconnecting', { description: run.error ?? undefined });
        else if (run.status === 'failed') toast.error('Sync failed', { description: run.error ?? undefined });
        else toast.success('Meta data synced', { description: `${run.snapshots_written} day(s) updated, ${run.cards_created} new card(s)` });
      },
      onError: (error) => toast.error('Could not sync', { description: errorMessage(error) }),
      onSettled: () => setNow(Date.now()),
    });
  }

  return (
    <Card data-testid="campaign-meta-panel">
      <CardHeader className="flex-row flex-wrap items-start justify-between gap-4 space-y-0">
        <div className="space-y-1.5">
          <CardTitle className="flex items-center gap-2">
            <Megaphone className="size-4 text-muted-foreground" aria-hidden />
            Performance
            {connection?.kind === 'sandbox' ? <Badge variant="info">Sandbox data</Badge> : null}
          </CardTitle>
          <CardDescription>
            {tracked
              ? `Daily Insights for ${[...campaign.meta_campaign_ids.map((id) => `campaign ${id}`), ...campaign.meta_adset_ids.map((id) => `ad set ${id}`)].join(', ')}${connection ? ` on ${connection.account_name ?? connection.ad_account_id}` : ''}.`
              : 'Paste this campaign’s Ads Manager link in its plan to import its Meta data.'}
          </CardDescription>
        </div>
        {tracked && connection && canWrite ? (
          <Button size="sm" onClick={syncNow} disabled={running || connection.status !== 'active'} data-testid="meta-sync-now">
            <RefreshCw className={running ? 'animate-spin' : undefined} aria-hidden />
            {running ? 'Syncing…' : 'Sync now'}
          </Button>
        ) : null}
      </CardHeader>
      <CardContent className="grid gap-4">
        {!tracked ? null : connections.isPending ? (
          <Skeleton className="h-10 w-full" />
        ) : !connection ? (
          <Alert>
            <CircleAlert aria-hidden />
            <AlertDescription>
              No Meta ad account is connected to this workspace. <Link className="underline" to="/settings">Connect one in Settings</Link>.
            </AlertDescription>
          </Alert>
        ) : connection.status === 'needs_reconnect' ? (
          <Alert variant="warning" data-testid="meta-needs-reconnect">
            <CircleAlert aria-hidden />
            <AlertDescription>
              Meta no longer accepts this connection’s token, so syncing is paused. What is shown was imported before. <Link className="underline" to="/settings">Reconnect in Settings</Link>.
            </AlertDescription>
          </Alert>
        ) : null}

        {running && liveRun && latest ? (
          <div className="grid gap-1.5" data-testid="meta-sync-progress" role="status" aria-live="polite">
            <div className="flex justify-between text-xs text-muted-foreground">
              <span>{latest.stage ?? 'Syncing'}</span>
              <span>{latest.progress} %</span>
            </div>
            <div className="h-1.5 overflow-hidden rounded bg-muted">
              <div className="h-full bg-primary transition-all" style={{ width: `${latest.progress}%` }} />
            </div>
          </div>
        ) : running ? (
          <p className="text-xs text-muted-foreground" role="status" data-testid="meta-sync-progress">Starting the sync…</p>
        ) : null}

        {latest && latest.status !== 'running' ? (
          <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="meta-last-sync" data-status={latest.status}>
            <Clock className="size-4 text-muted-foreground" aria-hidden />
            <span>
              Last sync {formatRelative(latest.finished_at ?? latest.started_at)} ({formatDateTime(latest.finished_at ?? latest.started_at)}):
            </span>
            <Badge variant={latest.status === 'succeeded' ? 'success' : latest.status === 'partial' ? 'warning' : 'danger'}>{SYNC_STATUS_LABELS[latest.status] ?? latest.status}</Badge>
            <span className="text-muted-foreground">{latest.error ?? runSummary(latest)}</span>
          </div>
        ) : null}

        {tracked && connection && performance.data?.newestMetaDay && freshness.stale ? (
          <Alert variant="warning" data-testid="meta-stale-warning">
            <CircleAlert aria-hidden />
            <AlertDescription>Data may be out of date: {freshness.reason}</AlertDescription>
          </Alert>
        ) : null}

        {performance.isPending ? (
          <Skeleton className="h-72 w-full" />
        ) : rows.length === 0 ? (
          tracked ? <p className="rounded-md border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">No Meta data imported yet{connection && canWrite ? ': press Sync now.' : '.'}</p> : null
        ) : (
          <>
            <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-6" aria-label="Last 7 days">
              <Figure label="Spend (7 d)" value={formatCurrency(total('spend'), currency)} source={label('spend')} />
              <Figure label="Revenue (7 d)" value={formatCurrency(total('revenue'), currency)} source={label('revenue')} />
              <Figure label="ROAS (7 d)" value={total('spend') > 0 ? `${(total('revenue') / total('spend')).toFixed(2)}×` : '—'} source={label('roas')} />
              <Figure label="Purchases (7 d)" value={formatNumber(total('conversions'))} source={label('conversions')} />
              <Figure label="Reach (7 d, summed)" value={formatNumber(total('reach'), { compact: true })} source={label('reach')} />
              <Figure label="CTR (7 d)" value={total('impressions') > 0 ? `${((total('clicks') / total('impressions')) * 100).toFixed(2)} %` : '—'} source={label('ctr')} />
            </div>
            {campaign.primary_kpi && campaign.kpi_target ? (
              <KpiTargetCard
                currency={currency}
                source={label(KPI_METRIC[campaign.primary_kpi as PrimaryKpi])}
                progress={kpiProgress(campaign.primary_kpi as PrimaryKpi, Number(campaign.kpi_target), kpiDays(rows), campaign.kpi_window_days ?? 7, today)}
              />
            ) : null}
            <MetaDailyChart rows={rows} currency={currency} campaignName={campaign.name} sources={{ revenue: label('revenue'), spend: label('spend'), conversions: label('conversions') }} />
          </>
        )}
      </CardContent>
    </Card>
  );
}
