import { RefreshCw } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatDateTime } from '@/lib/format';
import type { MetaSyncRun } from '../api/get-meta-sync-runs';

const STATUS_VARIANTS: Record<string, 'success' | 'warning' | 'danger' | 'neutral'> = { succeeded: 'success', partial: 'warning', failed: 'danger', running: 'neutral' };

function skippedText(skipped: MetaSyncRun['skipped']): string {
  if (!Array.isArray(skipped) || skipped.length === 0) return '—';
  return skipped
    .map((s) => {
      const e = s as { reason?: string; count?: number; detail?: string };
      return `${e.reason?.replaceAll('_', ' ')} ×${e.count ?? 1}${e.detail ? ` (${e.detail})` : ''}`;
    })
    .join('; ');
}

/** Every Meta sync: when and why, the days asked for, what it fetched, wrote and skipped (and why), pauses and errors. */
export function MetaSyncLog({ runs }: { runs: MetaSyncRun[] }) {
  if (runs.length === 0) {
    return <EmptyState icon={RefreshCw} title="No Meta syncs yet" description="Meta data is synced every hour and with Sync now on a campaign; each run is logged here." className="py-8" />;
  }
  return (
    <Table aria-label="Meta sync log">
      <TableHeader>
        <TableRow>
          <TableHead>Started</TableHead>
          <TableHead>Trigger</TableHead>
          <TableHead>Status</TableHead>
          <TableHead>Days</TableHead>
          <TableHead className="text-right">Fetched</TableHead>
          <TableHead className="text-right">Written / unchanged</TableHead>
          <TableHead className="text-right">Cards</TableHead>
          <TableHead>Skipped and why</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {runs.map((run) => (
          <TableRow key={run.id} data-run-status={run.status}>
            <TableCell className="whitespace-nowrap text-sm">{formatDateTime(run.started_at)}</TableCell>
            <TableCell className="text-sm capitalize">{run.trigger}</TableCell>
            <TableCell>
              <Badge variant={STATUS_VARIANTS[run.status] ?? 'neutral'}>{run.status}</Badge>
            </TableCell>
            <TableCell className="whitespace-nowrap text-xs text-muted-foreground">{run.since ? `${run.since} – ${run.until}` : '—'}</TableCell>
            <TableCell className="text-right text-sm tabular-nums">
              {run.rows_fetched} rows · {run.activities_fetched} events
              <div className="text-xs text-muted-foreground">{run.requests} requests{run.async_reports ? ` · ${run.async_reports} async` : ''}{run.retries ? ` · ${run.retries} retries` : ''}</div>
            </TableCell>
            <TableCell className="text-right text-sm tabular-nums">
              {run.snapshots_written} / {run.snapshots_unchanged}
              {run.snapshots_quarantined ? <div className="text-xs text-amber-700">{run.snapshots_quarantined} refused</div> : null}
            </TableCell>
            <TableCell className="text-right text-sm tabular-nums">
              {run.cards_created}
              {run.cards_already_imported ? <span className="text-xs text-muted-foreground"> · {run.cards_already_imported} known</span> : null}
            </TableCell>
            <TableCell className="max-w-sm text-xs text-muted-foreground" title={run.error ?? undefined}>
              {run.error ? <div className="text-red-700">{run.error}</div> : null}
              {skippedText(run.skipped)}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
