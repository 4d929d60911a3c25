import type { BenchmarkComparison } from '@domain/feasibility.ts';
import { Badge } from '@/components/ui/badge';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { VERDICT_LABELS, VERDICT_VARIANTS } from '../utils/labels';

const days = (n: number | null) => (n === null ? '—' : `${n} d`);

/** Each phase's planned days against the industry benchmark and this workspace's history. */
export function BenchmarkTable({ rows }: { rows: BenchmarkComparison[] }) {
  return (
    <Table aria-label="Benchmark comparison">
      <TableHeader>
        <TableRow>
          <TableHead>Phase</TableHead>
          <TableHead className="text-right">Planned</TableHead>
          <TableHead className="text-right">Benchmark</TableHead>
          <TableHead className="text-right">Your history</TableHead>
          <TableHead className="text-right">Ratio</TableHead>
          <TableHead>Verdict</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.phase}>
            <TableCell className="font-medium">{row.phase}</TableCell>
            <TableCell className="text-right tabular-nums">{days(row.planned_days)}</TableCell>
            <TableCell className="text-right tabular-nums">{days(row.benchmark_days)}</TableCell>
            <TableCell className="text-right tabular-nums">
              {row.history_median_days === null ? '—' : `${row.history_median_days} d`}
              {row.history_count > 0 ? <span className="ml-1 text-xs text-muted-foreground">({row.history_count})</span> : null}
            </TableCell>
            <TableCell className="text-right tabular-nums">{row.ratio === null ? '—' : `${row.ratio}×`}</TableCell>
            <TableCell>
              <Badge variant={VERDICT_VARIANTS[row.verdict]}>{VERDICT_LABELS[row.verdict]}</Badge>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
