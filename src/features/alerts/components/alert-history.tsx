import { History } from 'lucide-react';
import { Link } from 'react-router-dom';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { AiAlert } from '@/lib/db';
import { formatDateTime, formatPercent } from '@/lib/format';
import { AlertStatusBadge, SeverityBadge } from './severity-badge';

const DISMISS_LABELS: Record<string, string> = { wrong_cause: 'wrong cause', expected_change: 'an expected change', noise: 'noise' };

/** Resolved and dismissed alerts, most recently closed first, with how each ended. */
export function AlertHistory({ alerts, campaignNames }: { alerts: AiAlert[]; campaignNames: Record<string, string> }) {
  if (alerts.length === 0) {
    return <EmptyState icon={History} title="No closed alerts yet" description="Alerts that recover, get resolved or are dismissed are kept here." />;
  }
  return (
    <div className="rounded-lg border bg-card">
      <Table data-testid="alert-history">
        <TableHeader>
          <TableRow>
            <TableHead>Alert</TableHead>
            <TableHead>Severity</TableHead>
            <TableHead>Confidence</TableHead>
            <TableHead>Outcome</TableHead>
            <TableHead>Closed</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {alerts.map((alert) => (
            <TableRow key={alert.id} data-alert-id={alert.id}>
              <TableCell className="max-w-md">
                <Link to={`/alerts/${alert.id}`} className="font-medium hover:underline">
                  {alert.title}
                </Link>
                <div className="text-xs text-muted-foreground">{campaignNames[alert.campaign_id] ?? 'Campaign'}</div>
                {alert.dismiss_reason ? (
                  <div className="mt-1 text-xs text-muted-foreground" data-testid="dismiss-reason">
                    Dismissed as {DISMISS_LABELS[alert.dismiss_reason] ?? alert.dismiss_reason}
                  </div>
                ) : null}
                {alert.resolution_note ? <div className="mt-1 line-clamp-2 text-xs text-muted-foreground">{alert.resolution_note}</div> : null}
              </TableCell>
              <TableCell>
                <SeverityBadge severity={alert.severity} />
              </TableCell>
              <TableCell className="tabular-nums">{formatPercent(Number(alert.confidence), { ratio: true })}</TableCell>
              <TableCell>
                <AlertStatusBadge status={alert.status} />
              </TableCell>
              <TableCell className="whitespace-nowrap text-sm text-muted-foreground">{formatDateTime(alert.resolved_at)}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </div>
  );
}
