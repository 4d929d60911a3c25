import { recoveryLevel } from '@domain/correlation/detect.ts';
import { BellRing, CircleCheck, Sparkles, Undo2 } from 'lucide-react';
import type * as React from 'react';
import { Link } from 'react-router-dom';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { useCurrentWorkspace } from '@/hooks/use-current-workspace';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { formatCurrency, formatDateTime, formatNumber } from '@/lib/format';
import { useAlert } from '../api/get-alert';
import { useAlertsRealtime } from '../hooks/use-alerts-realtime';
import { impactChartRows, isMoneyMetric, metricName, parseCorrelationData } from '../utils/alert-data';
import { ActionMetricSequence } from './action-metric-sequence';
import { AlertActions, boardLink } from './alert-actions';
import { ConfidencePanel } from './confidence-panel';
import { ImpactChart } from './impact-chart';
import { AlertStatusBadge, SeverityBadge } from './severity-badge';

export interface AlertTimelineSlot {
  campaignId: string;
  actionId: string | null;
  revertActionId: string | null;
  currency: string;
}

/**
 * One alert: the before/after impact chart with its counterfactual band, the action → metric sequence, confidence and
 * its rationale, the one-click buttons, and (from the route) the correlation timeline. Live: a revert, a recovery or a
 * teammate's dismissal shows without reloading.
 */
export function AlertDetail({ alertId, renderTimeline }: { alertId: string; renderTimeline?: (slot: AlertTimelineSlot) => React.ReactNode }) {
  const { workspace } = useCurrentWorkspace();
  const { live } = useAlertsRealtime(workspace.id);
  const query = useAlert(workspace.id, alertId);
  useDocumentTitle(query.data?.alert.title ?? 'Alert');

  if (query.isPending) {
    return (
      <div className="space-y-4">
        <Skeleton className="h-10 w-2/3" />
        <Skeleton className="h-80" />
      </div>
    );
  }
  if (query.isError || !query.data) {
    return (
      <EmptyState
        icon={BellRing}
        title={query.isError ? 'Could not load this alert' : 'Alert not found'}
        description={query.isError ? query.error.message : 'It may belong to another workspace, or the link is wrong.'}
        action={<Link to="/alerts" className="text-sm font-medium text-primary hover:underline">Back to alerts</Link>}
      />
    );
  }

  const { alert, campaign, triggerAction, revertAction, laterValues } = query.data;
  const data = parseCorrelationData(alert.correlation_data);
  const currency = campaign?.currency ?? 'USD';
  const money = isMoneyMetric(data.metric);
  const recovery = data.recovery;
  const recoveryLine = recovery ? recoveryLevel(recovery) : null;
  const show = (v: number | null | undefined) => (money ? formatCurrency(v, currency) : formatNumber(v));
  const actionDate = (triggerAction?.occurred_at ?? data.action?.occurred_at ?? null)?.slice(0, 10) ?? null;

  return (
    <div className="space-y-6" data-testid="alert-detail" data-status={alert.status} data-live={live}>
      <PageHeader
        eyebrow={
          <span className="flex items-center gap-1.5">
            <Link to="/alerts" className="hover:text-foreground">Alerts</Link>
            <span aria-hidden>/</span>
            <span className="normal-case tracking-normal">{campaign?.name ?? 'Campaign'}</span>
          </span>
        }
        title={alert.title}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <SeverityBadge severity={alert.severity} />
            <span data-testid="alert-status">
              <AlertStatusBadge status={alert.status} />
            </span>
            <span>Detected {formatDateTime(alert.detected_at)}</span>
          </span>
        }
        actions={<AlertActions alert={alert} />}
      />

      {alert.status === 'resolved' ? (
        <Alert variant="success" data-testid="alert-resolved">
          <CircleCheck aria-hidden />
          <div>
            <AlertTitle>Resolved {formatDateTime(alert.resolved_at)}</AlertTitle>
            {alert.resolution_note ? <AlertDescription>{alert.resolution_note}</AlertDescription> : null}
          </div>
        </Alert>
      ) : revertAction ? (
        <Alert variant="warning" data-testid="alert-reverted">
          <Undo2 aria-hidden />
          <div>
            <AlertTitle>Reverted by “{revertAction.title}”</AlertTitle>
            <AlertDescription>
              {recovery
                ? `This alert resolves itself once ${metricName(recovery.metric).toLowerCase()} is back within ${Math.round(recovery.tolerance * 100)} % of its ${show(recovery.baseline)} baseline (${recovery.direction === 'decrease' ? 'at least' : 'at most'} ${show(recoveryLine)}).`
                : 'Resolve this alert once the metric is back to normal.'}{' '}
              <Link to={boardLink(alert.campaign_id)} className="font-medium underline">
                View the new card on the board
              </Link>
            </AlertDescription>
          </div>
        </Alert>
      ) : null}

      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle>Metric impact: before and after</CardTitle>
            <CardDescription>
              {metricName(data.metric)} observed against what the days before the action predict without it
              {data.observed_mean != null && data.counterfactual_mean != null
                ? `: ${show(data.observed_mean)} a day instead of ${show(data.counterfactual_mean)}.`
                : '.'}
            </CardDescription>
          </CardHeader>
          <CardContent>
            <ImpactChart
              rows={impactChartRows(data.counterfactual ?? [], laterValues)}
              actionDate={actionDate}
              actionLabel={triggerAction?.title ?? data.action?.title ?? 'Action'}
              metricLabel={metricName(data.metric)}
              money={money}
              currency={currency}
              recoveryLine={recoveryLine}
            />
          </CardContent>
        </Card>
        <Card>
          <CardHeader>
            <CardTitle>Confidence</CardTitle>
          </CardHeader>
          <CardContent>
            <ConfidencePanel confidence={Number(alert.confidence)} data={data} />
          </CardContent>
        </Card>
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <Card>
          <CardHeader>
            <CardTitle>Action → metric</CardTitle>
          </CardHeader>
          <CardContent>
            <ActionMetricSequence alert={alert} data={data} triggerAction={triggerAction} revertAction={revertAction} />
          </CardContent>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader>
            <CardTitle className="flex items-center gap-2">
              Insight
              {alert.source === 'llm' ? (
                <Badge variant="secondary">
                  <Sparkles aria-hidden />
                  Explained by DeepSeek
                </Badge>
              ) : (
                <Badge variant="neutral">Rules engine</Badge>
              )}
            </CardTitle>
          </CardHeader>
          <CardContent className="space-y-3 text-sm">
            <p data-testid="alert-description">{alert.description}</p>
            {data.recommendation ? (
              <p>
                <span className="font-medium">Recommendation: </span>
                {data.recommendation.rationale}
              </p>
            ) : null}
            {data.diagnosis ? (
              <p className="text-muted-foreground">
                <span className="font-medium text-foreground">Diagnosis ({data.diagnosis.failure_type}): </span>
                {data.diagnosis.insight}
              </p>
            ) : null}
          </CardContent>
        </Card>
      </div>

      {renderTimeline
        ? renderTimeline({ campaignId: alert.campaign_id, actionId: alert.trigger_action_id, revertActionId: alert.revert_action_id, currency })
        : null}
    </div>
  );
}
