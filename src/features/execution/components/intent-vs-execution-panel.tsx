import type { IntentVsExecution, QuantityComparison } from '@domain/intent-vs-execution.ts';
import { CircleCheck, Crosshair } from 'lucide-react';
import { DriftSeverityBadge } from '@/components/drift-severity-badge';
import { Table, TableBody, TableCell, TableFooter, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatDate, formatDriftDays } from '@/lib/format';
import { cn } from '@/lib/utils';

const pair = (q: QuantityComparison) => `${q.actual} / ${q.planned}`;

/** Planned blueprint vs what happened: durations, launch date, assets, approval cycles, with the root delay origin. */
export function IntentVsExecutionPanel({ comparison }: { comparison: IntentVsExecution }) {
  const root = comparison.root_delay_origin;
  const launch = comparison.launch;
  return (
    <div className="grid gap-4" data-testid="intent-vs-execution">
      {root ? (
        <div className="flex items-start gap-3 rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-900" data-testid="root-delay-origin">
          <Crosshair className="mt-0.5 size-4 shrink-0" aria-hidden />
          <div>
            <p className="font-medium">Root delay origin: {root.phase}</p>
            <p className="opacity-90">{root.reason}.</p>
          </div>
        </div>
      ) : comparison.ran_as_planned ? (
        <p className="flex items-center gap-2 text-sm text-emerald-700">
          <CircleCheck className="size-4" aria-hidden /> Running as planned so far.
        </p>
      ) : null}
      <Table aria-label="Intent versus execution">
        <TableHeader>
          <TableRow>
            <TableHead>Phase</TableHead>
            <TableHead className="text-right">Days (actual / planned)</TableHead>
            <TableHead className="text-right">Assets (delivered / planned)</TableHead>
            <TableHead className="text-right">Approval cycles (actual / planned)</TableHead>
            <TableHead>Status</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {comparison.phases.map((p) => (
            <TableRow key={p.name} className={cn(root?.phase === p.name && 'bg-red-50/60 font-medium')}>
              <TableCell>{p.name}</TableCell>
              <TableCell className="text-right tabular-nums">
                {p.actual_days ?? '—'} / {p.planned_days}
              </TableCell>
              <TableCell className={cn('text-right tabular-nums', p.state === 'finished' && p.assets.difference < 0 && 'text-amber-700')}>{pair(p.assets)}</TableCell>
              <TableCell className={cn('text-right tabular-nums', p.approvals.difference > 0 && 'text-amber-700')}>{pair(p.approvals)}</TableCell>
              <TableCell>
                <DriftSeverityBadge severity={p.severity} />
                {p.delay_expectation ? <span className="ml-2 text-xs text-muted-foreground">{p.delay_expectation}</span> : null}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
        <TableFooter>
          <TableRow>
            <TableCell>Total</TableCell>
            <TableCell className="text-right">{formatDriftDays(comparison.cumulative_drift_days)}</TableCell>
            <TableCell className="text-right tabular-nums">{pair(comparison.assets)}</TableCell>
            <TableCell className="text-right tabular-nums">{pair(comparison.approvals)}</TableCell>
            <TableCell />
          </TableRow>
        </TableFooter>
      </Table>
      <p className="text-sm">
        <span className="font-medium">Launch date:</span> planned {formatDate(launch.planned_date)},{' '}
        {launch.actual_date ? `launched ${formatDate(launch.actual_date)}` : launch.projected_date ? `projected ${formatDate(launch.projected_date)}` : 'not scheduled'}
        {launch.drift_days !== null ? ` (${formatDriftDays(launch.drift_days)})` : ''}.
      </p>
      {comparison.deviations.length > 0 ? (
        <ul className="list-disc space-y-0.5 pl-5 text-sm text-muted-foreground">
          {comparison.deviations.map((d) => (
            <li key={d}>{d}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
