import { ArrowDownRight, ArrowUpRight, Minus } from 'lucide-react';
import { SourceLabel } from '@/components/source-label';
import { Card } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { formatCurrency, formatNumber, formatPercent } from '@/lib/format';
import { cn } from '@/lib/utils';
import { changeTone, type Kpi } from '../utils/metrics';

function formatKpi(kpi: Kpi, value: number | null, currency: string): string {
  if (kpi.kind === 'money') return formatCurrency(value, currency);
  if (kpi.kind === 'ratio') return value === null ? '—' : `${formatNumber(value, { decimals: 2 })}×`;
  return formatNumber(value, { decimals: 0 });
}

const TONE = { good: 'text-emerald-700', bad: 'text-red-700', neutral: 'text-muted-foreground' } as const;

/** The workspace's revenue, spend, ROAS, CPA and conversions over the last 7 days, with the change against the 7 before. */
export function KpiStrip({ kpis, currency, pending }: { kpis: Kpi[]; currency: string; pending: boolean }) {
  if (pending) {
    return (
      <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-5">
        {Array.from({ length: 5 }, (_, i) => (
          <Skeleton key={i} className="h-24" />
        ))}
      </div>
    );
  }
  return (
    <div className="grid gap-3 sm:grid-cols-3 lg:grid-cols-5" role="list" aria-label="Key figures, last 7 days">
      {kpis.map((kpi) => {
        const tone = changeTone(kpi);
        const Icon = kpi.change === null || Math.abs(kpi.change) < 0.5 ? Minus : kpi.change > 0 ? ArrowUpRight : ArrowDownRight;
        return (
          <Card key={kpi.key} role="listitem" className="p-4" data-testid={`kpi-${kpi.key}`}>
            <div className="flex items-baseline justify-between gap-2 text-xs font-medium uppercase tracking-wide text-muted-foreground">
              {kpi.label}
              <SourceLabel label={kpi.source} />
            </div>
            <div className="mt-1 text-2xl font-semibold tabular-nums">{formatKpi(kpi, kpi.current, currency)}</div>
            <div className={cn('mt-1 flex items-center gap-1 text-xs', TONE[tone])}>
              <Icon className="size-3.5" aria-hidden />
              <span className="tabular-nums">{kpi.change === null ? 'no prior data' : formatPercent(kpi.change, { signed: true })}</span>
              <span className="text-muted-foreground">vs {formatKpi(kpi, kpi.previous, currency)} prior 7 d</span>
            </div>
          </Card>
        );
      })}
    </div>
  );
}
