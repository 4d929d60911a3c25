import { ArrowRight, Pencil } from 'lucide-react';
import { Link } from 'react-router-dom';
import { DriftSeverityBadge } from '@/components/drift-severity-badge';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { DECISION_LABELS, DECISION_VARIANTS, STATUS_LABELS, STATUS_VARIANTS } from '@/lib/campaign-labels';
import { useCurrentWorkspace } from '@/hooks/use-current-workspace';
import { driftSummaries } from '@/lib/drift-summary';
import { formatDate, formatDriftDays } from '@/lib/format';
import type { WorkspaceCampaign } from '@/entities/campaigns';
import { OBJECTIVE_LABELS } from '../utils/labels';

/** The workspace's campaigns: status, objective, decision gate, drift so far, and the way in (drafts resume). */
export function CampaignsTable({ campaigns, canWrite }: { campaigns: WorkspaceCampaign[]; canWrite: boolean }) {
  const { thresholds } = useCurrentWorkspace();
  const drifts = driftSummaries(campaigns, { thresholds });
  return (
    <div className="rounded-lg border bg-card">
      <Table aria-label="Campaigns">
        <TableHeader>
          <TableRow>
            <TableHead>Campaign</TableHead>
            <TableHead>Status</TableHead>
            <TableHead>Objective</TableHead>
            <TableHead>Decision</TableHead>
            <TableHead>Drift</TableHead>
            <TableHead>Planned launch</TableHead>
            <TableHead className="sr-only">Open</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {campaigns.map((campaign) => {
            const drift = drifts.get(campaign.id) ?? null;
            const isDraft = campaign.status === 'draft';
            return (
              <TableRow key={campaign.id} data-testid={`campaign-row-${campaign.id}`}>
                <TableCell className="font-medium">
                  <Link to={`/campaigns/${campaign.id}`} className="hover:text-primary hover:underline">
                    {campaign.name}
                  </Link>
                  {campaign.industry ? <div className="text-xs font-normal text-muted-foreground">{campaign.industry}</div> : null}
                </TableCell>
                <TableCell>
                  <Badge variant={STATUS_VARIANTS[campaign.status]}>{STATUS_LABELS[campaign.status] ?? campaign.status}</Badge>
                </TableCell>
                <TableCell>{OBJECTIVE_LABELS[campaign.objective] ?? campaign.objective}</TableCell>
                <TableCell>
                  {campaign.decision ? (
                    <Badge variant={DECISION_VARIANTS[campaign.decision]}>{DECISION_LABELS[campaign.decision]}</Badge>
                  ) : (
                    <span className="text-sm text-muted-foreground">Awaiting gate</span>
                  )}
                </TableCell>
                <TableCell>
                  {drift && drift.startedPhases > 0 ? (
                    <div className="grid gap-0.5">
                      <div className="flex items-center gap-2">
                        <DriftSeverityBadge severity={drift.severity} />
                        <span className="text-xs tabular-nums text-muted-foreground">net {formatDriftDays(drift.cumulativeDays).toLowerCase()}</span>
                      </div>
                      {drift.firstFailure ? <span className="text-xs text-muted-foreground">First slip: {drift.firstFailure}</span> : null}
                    </div>
                  ) : (
                    <span className="text-sm text-muted-foreground">{drift ? 'Not started' : '—'}</span>
                  )}
                </TableCell>
                <TableCell className="whitespace-nowrap text-sm">{formatDate(campaign.planned_launch)}</TableCell>
                <TableCell className="text-right">
                  {isDraft && canWrite ? (
                    <Button variant="outline" size="sm" asChild>
                      <Link to={`/campaigns/new?draft=${campaign.id}`}>
                        <Pencil aria-hidden />
                        Resume draft
                      </Link>
                    </Button>
                  ) : (
                    <Button variant="ghost" size="sm" asChild>
                      <Link to={`/campaigns/${campaign.id}`} aria-label={`Open ${campaign.name}`}>
                        Open
                        <ArrowRight aria-hidden />
                      </Link>
                    </Button>
                  )}
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
