import { Cpu } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { AnalysisRun } from '@/lib/db';
import { formatDateTime, formatNumber } from '@/lib/format';
import { RUN_STATUS_VARIANTS } from '../utils/labels';

const TRIGGER_LABELS: Record<string, string> = { manual: 'Manual', schedule: 'Schedule', cli: 'CLI', seed: 'Seed' };

function latency(ms: number | null): string {
  if (ms === null) return '—';
  return ms < 1000 ? `${ms} ms` : `${formatNumber(ms / 1000, { decimals: 1 })} s`;
}

/** Every correlation analysis: when and why it ran, its scope, what it wrote, the model's outcome, latency and error. */
export function JobLog({ runs }: { runs: AnalysisRun[] }) {
  if (runs.length === 0) {
    return <EmptyState icon={Cpu} title="No analysis runs yet" description="The correlation analysis runs every 4 hours and on demand; each run is logged here." className="py-8" />;
  }
  return (
    <Table aria-label="Job log">
      <TableHeader>
        <TableRow>
          <TableHead>Started</TableHead>
          <TableHead>Trigger</TableHead>
          <TableHead>Status</TableHead>
          <TableHead className="text-right">Campaigns</TableHead>
          <TableHead className="text-right">Alerts written</TableHead>
          <TableHead>Model / outcome</TableHead>
          <TableHead className="text-right">Latency</TableHead>
          <TableHead>Error</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {runs.map((run) => (
          <TableRow key={run.id}>
            <TableCell className="whitespace-nowrap text-sm">{formatDateTime(run.started_at)}</TableCell>
            <TableCell className="text-sm">{TRIGGER_LABELS[run.trigger] ?? run.trigger}</TableCell>
            <TableCell>
              <Badge variant={RUN_STATUS_VARIANTS[run.status] ?? 'neutral'}>{run.status}</Badge>
            </TableCell>
            <TableCell className="text-right tabular-nums">{run.campaign_ids.length}</TableCell>
            <TableCell className="text-right tabular-nums">
              {run.alerts_written}
              {run.alerts_resolved > 0 ? <span className="text-xs text-muted-foreground"> · {run.alerts_resolved} resolved</span> : null}
            </TableCell>
            <TableCell className="text-sm">
              <div>{run.model ?? 'Rules only'}</div>
              {run.llm_outcome ? <div className="text-xs text-muted-foreground">{run.llm_outcome}</div> : null}
            </TableCell>
            <TableCell className="text-right tabular-nums text-sm">{latency(run.latency_ms)}</TableCell>
            <TableCell className="max-w-xs truncate text-sm text-red-700" title={run.error ?? undefined}>
              {run.error ?? <span className="text-muted-foreground">—</span>}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
