import { BellRing, Radio } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { useCurrentWorkspace } from '@/hooks/use-current-workspace';
import { useAlertCampaigns } from '../api/get-alert-campaigns';
import { useAlerts } from '@/entities/alerts';
import { useAlertsRealtime } from '../hooks/use-alerts-realtime';
import { groupBySeverity, SEVERITY_LABELS } from '../utils/alert-data';
import { AlertCard } from './alert-card';
import { AlertHistory } from './alert-history';
import { SeverityBadge } from './severity-badge';

/** Active alerts grouped by severity, and the history of resolved and dismissed ones; live over realtime. */
export function AlertsDashboard() {
  const { workspace } = useCurrentWorkspace();
  const { live } = useAlertsRealtime(workspace.id);
  const active = useAlerts(workspace.id, 'active');
  const history = useAlerts(workspace.id, 'history');
  const campaigns = useAlertCampaigns(workspace.id);
  const names = Object.fromEntries(Object.values(campaigns.data ?? {}).map((c) => [c.id, c.name]));
  const groups = groupBySeverity(active.data ?? []);

  return (
    <Tabs defaultValue="active">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <TabsList>
          <TabsTrigger value="active">
            Active
            {active.data ? <Badge variant={active.data.length ? 'danger' : 'neutral'}>{active.data.length}</Badge> : null}
          </TabsTrigger>
          <TabsTrigger value="history">History</TabsTrigger>
        </TabsList>
        <span className="inline-flex items-center gap-1.5 text-xs text-muted-foreground" aria-live="polite">
          <Radio className={live ? 'size-3.5 text-emerald-600' : 'size-3.5'} aria-hidden />
          {live ? 'Live' : 'Connecting…'}
        </span>
      </div>
      <TabsContent value="active" className="space-y-8">
        {active.isPending ? (
          <div className="grid gap-4 md:grid-cols-2">
            <Skeleton className="h-56" />
            <Skeleton className="h-56" />
          </div>
        ) : active.isError ? (
          <EmptyState icon={BellRing} title="Could not load alerts" description={active.error.message} />
        ) : groups.length === 0 ? (
          <EmptyState
            icon={BellRing}
            title="No active alerts"
            description="When a metric moves more than 20 % within 48 hours of an action, and the analysis is confident, the alert shows here."
          />
        ) : (
          groups.map((group) => (
            <section key={group.severity} aria-labelledby={`severity-${group.severity}`} className="space-y-3">
              <h2 id={`severity-${group.severity}`} className="flex items-center gap-2 text-sm font-semibold">
                <span className="sr-only">{SEVERITY_LABELS[group.severity]}</span>
                <SeverityBadge severity={group.severity} className="text-sm" aria-hidden />
                severity
                <span className="font-normal text-muted-foreground">({group.alerts.length})</span>
              </h2>
              <div className="grid gap-4 md:grid-cols-2">
                {group.alerts.map((alert) => (
                  <AlertCard key={alert.id} alert={alert} campaignName={names[alert.campaign_id]} />
                ))}
              </div>
            </section>
          ))
        )}
      </TabsContent>
      <TabsContent value="history">
        {history.isPending ? <Skeleton className="h-40" /> : <AlertHistory alerts={history.data ?? []} campaignNames={names} />}
      </TabsContent>
    </Tabs>
  );
}
