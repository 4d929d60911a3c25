import { effectLibrary } from '@domain/correlation/effects.ts';
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
  if (rows.length === 0) return null;
  return (
    <section className="grid gap-2" data-testid="effect-library">
      <h2 className="text-lg font-semibold">What worked</h2>
      <p className="text-sm text-muted-foreground">Estimated effect of every completed change, by kind of change.</p>
      <div className="rounded-lg border bg-card">
        <Table>
          <TableHeader>
            <TableRow>
              <TableHead>Change</TableHead>
              <TableHead>Metric</TableHead>
              <TableHead>Changes</TableHead>
              <TableHead>Median effect</TableHead>
              <TableHead>Clearly up / down</TableHead>
            </TableRow>
          </TableHeader>
          <TableBody>
            {rows.map((r) => (
              <TableRow key={`${r.action_type}:${r.metric}`}>
                <TableCell>{r.action_type.replace(/_/g, ' ')}</TableCell>
                <TableCell>{r.metric}</TableCell>
                <TableCell className="tabular-nums">{r.actions}</TableCell>
                <TableCell className="tabular-nums">{signed(r.median_change_pct)}</TableCell>
                <TableCell className="tabular-nums">{r.significant_up} / {r.significant_down}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </div>
    </section>
  );
}
