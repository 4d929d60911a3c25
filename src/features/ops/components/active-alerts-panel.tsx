import { ArrowRight, BellRing } from 'lucide-react';
import { Link } from 'react-router-dom';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { formatPercent } from '@/lib/format';
import { formatRelative } from '@/lib/format-relative';
import type { OpsAlert } from '../api/get-active-alerts';
import { ALERT_SEVERITIES, ALERT_SEVERITY_LABELS } from '../utils/labels';
import { AlertSeverityBadge } from './alert-severity-badge';
import { SectionCard } from './section-card';

const PER_SEVERITY = 5;

/** Active alerts across campaigns, by severity (counts, then the newest few of each), each linking to its page. */
export function ActiveAlertsPanel({
  alerts,
  campaignNames,
  pending,
  error,
}: {
  alerts: OpsAlert[];
  campaignNames: Record<string, string>;
  pending: boolean;
  error: unknown;
}) {
  const groups = ALERT_SEVERITIES.map((severity) => ({ severity, alerts: alerts.filter((a) => a.severity === severity) }));
  return (
    <SectionCard
      title="Active alerts"
      description="Metric moves the analysis tied to an action, across every campaign."
      pending={pending}
      error={error}
      testId="active-alerts"
      actions={
        <Button variant="ghost" size="sm" asChild>
          <Link to="/alerts">
            All alerts
            <ArrowRight aria-hidden />
          </Link>
        </Button>
      }
    >
      {alerts.length === 0 ? (
        <EmptyState icon={BellRing} title="No active alerts" description="Every campaign's metrics are within range of what its actions predict." className="py-8" />
      ) : (
        <div className="space-y-4">
          <div className="flex flex-wrap gap-2" aria-label="Active alerts by severity">
            {groups.map((g) => (
              <AlertSeverityBadge key={g.severity} severity={g.severity} count={g.alerts.length} />
            ))}
          </div>
          {groups
            .filter((g) => g.alerts.length > 0)
            .map((g) => (
              <section key={g.severity} aria-label={`${ALERT_SEVERITY_LABELS[g.severity]} severity`} className="space-y-1.5">
                <h4 className="text-xs font-medium uppercase tracking-wide text-muted-foreground">
                  {ALERT_SEVERITY_LABELS[g.severity]} ({g.alerts.length})
                </h4>
                <ul className="divide-y rounded-md border">
                  {g.alerts.slice(0, PER_SEVERITY).map((alert) => (
                    <li key={alert.id}>
                      <Link to={`/alerts/${alert.id}`} className="flex items-start justify-between gap-3 px-3 py-2 hover:bg-muted/50">
                        <div className="min-w-0">
                          <div className="truncate text-sm font-medium">{alert.title}</div>
                          <div className="text-xs text-muted-foreground">
                            {campaignNames[alert.campaign_id] ?? 'Campaign'} · {formatRelative(alert.detected_at)}
                          </div>
                        </div>
                        <span className="shrink-0 text-xs tabular-nums text-muted-foreground" title="Confidence">
                          {formatPercent(alert.confidence, { ratio: true })}
                        </span>
                      </Link>
                    </li>
                  ))}
                </ul>
                {g.alerts.length > PER_SEVERITY ? (
                  <p className="text-xs text-muted-foreground">and {g.alerts.length - PER_SEVERITY} more on the alerts page</p>
                ) : null}
              </section>
            ))}
        </div>
      )}
    </SectionCard>
  );
}
