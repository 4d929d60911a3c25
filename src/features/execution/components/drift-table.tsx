import type { DriftReport } from '@domain/drift.ts';
import { DriftSeverityBadge } from '@/components/drift-severity-badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { cn } from '@/lib/utils';

const days = (n: number) => `${n} ${n === 1 ? 'day' : 'days'}`;

/** The spec's drift table (docs/domain-rules.md, Drift): Phase | Planned | Actual | Drift | Status; running phases show elapsed days so far. */
export function DriftTable({ report }: { report: DriftReport }) {
  const root = report.first_point_of_failure?.phase;
  return (
    <Table aria-label="Drift by phase">
      <TableHeader>
        <TableRow>
          <TableHead>Phase</TableHead>
          <TableHead className="text-right">Planned duration</TableHead>
          <TableHead className="text-right">Actual duration</TableHead>
          <TableHead className="text-right">Drift (days)</TableHead>
          <TableHead>Status</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {report.phases.map((p) => (
          <TableRow key={p.name} data-testid={`drift-row-${p.name}`} className={cn(p.name === root && 'bg-red-50/60')}>
            <TableCell className="font-medium">
              {p.name}
              {p.name === root ? <span className="ml-2 text-xs font-normal text-red-700">first point of failure</span> : null}
            </TableCell>
            <TableCell className="text-right tabular-nums">{days(p.planned_days)}</TableCell>
            <TableCell className="text-right tabular-nums" data-testid="actual">
              {p.actual_days === null ? '—' : `${days(p.actual_days)}${p.state === 'running' ? ' so far' : ''}`}
            </TableCell>
            <TableCell className="text-right font-medium tabular-nums" data-testid="drift">
              {p.drift_days === null ? '—' : p.drift_days > 0 ? `+${p.drift_days}` : String(p.drift_days)}
            </TableCell>
            <TableCell title={p.severity_reason}>
              <DriftSeverityBadge severity={p.severity} />
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
