import { actionTypeLabel } from '@domain/board.ts';
import { metricLabel } from '@domain/correlation/alerts.ts';
import { effectLibrary } from '@domain/correlation/effects.ts';
import { Lightbulb } from 'lucide-react';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { useActionEffects } from '../api/get-action-effects';

function signed(v: number): string {
  const r = Math.round(v);
  return `${r > 0 ? '+' : r < 0 ? '−' : '±'}${Math.abs(r)} %`;
}

/** What worked in this workspace: effects of past changes by action type and metric. */
export function EffectLibrary({ workspaceId }: { workspaceId: string }) {
  const effects = useActionEffects(workspaceId);
  const rows = effectLibrary(effects.data ?? []);
  return (
    <section className="grid gap-2" aria-labelledby="effect-library-title" data-testid="effect-library">
      <h2 id="effect-library-title" className="text-lg font-semibold">
        What worked
      </h2>
      <p className="text-sm text-muted-foreground">
        The estimated effect of every completed change, by kind of change: the median across changes, and how many clearly moved the metric.
      </p>
      {effects.isPending ? (
        <Skeleton className="h-32" />
      ) : effects.isError ? (
        <EmptyState className="py-8" icon={Lightbulb} title="Could not load the effects" description={effects.error.message} />
      ) : rows.length === 0 ? (
        <div data-testid="effect-library-empty">
          <EmptyState
            className="py-8"
            icon={Lightbulb}
            title="Nothing learned yet"
            description="Once a completed change has four days of data before it and one after, the analysis estimates its effect, and the results gather here."
          />
        </div>
      ) : (
        <div className="rounded-lg border bg-card">
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Change</TableHead>
                <TableHead>Metric</TableHead>
                <TableHead className="text-right">Changes</TableHead>
                <TableHead className="text-right">Median effect</TableHead>
                <TableHead className="text-right">Clearly up / down</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.map((r) => (
                <TableRow key={`${r.action_type}:${r.metric}`}>
                  <TableCell>{actionTypeLabel(r.action_type)}</TableCell>
                  <TableCell>{metricLabel(r.metric)}</TableCell>
                  <TableCell className="text-right tabular-nums">{r.actions}</TableCell>
                  <TableCell className="text-right tabular-nums">{signed(r.median_change_pct)}</TableCell>
                  <TableCell className="text-right tabular-nums">
                    {r.significant_up} / {r.significant_down}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
