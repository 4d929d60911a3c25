import { CheckCheck, CircleAlert, Play } from 'lucide-react';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { CampaignPhase } from '@/lib/db';
import { formatDate, formatDateTime } from '@/lib/format';
import { errorMessage } from '@/lib/utils';
import { useUpdatePhase, type PhasePatch } from '../api/update-phase';
import type { DriftCampaign } from '../types';
import { BackfillDialog } from './backfill-dialog';
import { Counter } from './counter';

const LOCKED_REASON: Record<string, string> = {
  draft: 'Execution is logged once the decision gate says Proceed.',
  paused: 'The campaign is paused at its decision gate.',
};

/** Per phase: Start / Complete (logging the time), back-filled dates, delivered assets and approval cycles. */
export function ExecutionTracker({ campaign, phases, canWrite }: { campaign: DriftCampaign; phases: CampaignPhase[]; canWrite: boolean }) {
  const update = useUpdatePhase();
  const locked = LOCKED_REASON[campaign.status];
  const disabled = !canWrite || !!locked;
  const save = (phase: CampaignPhase, patch: PhasePatch) => update.mutate({ campaignId: campaign.id, phaseId: phase.id, patch });

  return (
    <div className="grid gap-3">
      {locked ? <p className="text-sm text-muted-foreground">{locked}</p> : null}
      {update.error ? (
        <Alert variant="destructive" data-testid="tracker-error">
          <CircleAlert aria-hidden />
          <AlertDescription>{errorMessage(update.error)}</AlertDescription>
        </Alert>
      ) : null}
      <Table aria-label="Execution tracker">
        <TableHeader>
          <TableRow>
            <TableHead>Phase</TableHead>
            <TableHead>Plan</TableHead>
            <TableHead>Started</TableHead>
            <TableHead>Finished</TableHead>
            <TableHead>Assets delivered</TableHead>
            <TableHead>Approval cycles</TableHead>
            <TableHead className="text-right">Log</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {phases.map((phase) => {
            const running = !!phase.actual_start && !phase.actual_end;
            return (
              <TableRow key={phase.id} data-testid={`tracker-row-${phase.name}`}>
                <TableCell className="font-medium">
                  {phase.name}
                  {phase.teams.length ? <div className="text-xs font-normal text-muted-foreground">{phase.teams.join(', ')}</div> : null}
                </TableCell>
                <TableCell className="whitespace-nowrap text-sm">
                  {phase.planned_days} d{phase.planned_start ? <div className="text-xs text-muted-foreground">from {formatDate(phase.planned_start)}</div> : null}
                </TableCell>
                <TableCell className="whitespace-nowrap text-sm">{phase.actual_start ? formatDateTime(phase.actual_start) : '—'}</TableCell>
                <TableCell className="whitespace-nowrap text-sm">
                  {phase.actual_end ? formatDateTime(phase.actual_end) : running ? <Badge variant="info">Running</Badge> : '—'}
                </TableCell>
                <TableCell>
                  <Counter label={`${phase.name} assets`} value={phase.delivered_assets} planned={phase.required_assets} disabled={disabled} onChange={(v) => save(phase, { delivered_assets: v })} />
                </TableCell>
                <TableCell>
                  <Counter label={`${phase.name} approvals`} value={phase.approvals_actual} planned={phase.approvals_planned} disabled={disabled} onChange={(v) => save(phase, { approvals_actual: v })} />
                </TableCell>
                <TableCell className="text-right">
                  <div className="flex justify-end gap-1">
                    {!phase.actual_start ? (
                      <Button size="sm" variant="outline" aria-label={`Start ${phase.name}`} disabled={disabled} onClick={() => save(phase, { actual_start: new Date().toISOString() })}>
                        <Play aria-hidden />
                        Start
                      </Button>
                    ) : running ? (
                      <Button size="sm" aria-label={`Complete ${phase.name}`} disabled={disabled} onClick={() => save(phase, { actual_end: new Date().toISOString() })}>
                        <CheckCheck aria-hidden />
                        Complete
                      </Button>
                    ) : null}
                    <BackfillDialog phase={phase} disabled={disabled} onSave={(patch) => save(phase, patch)} />
                  </div>
                </TableCell>
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
