import type { KpiProgress } from '@domain/kpi-progress.ts';
import { SourceLabel } from '@/components/source-label';
import { Badge } from '@/components/ui/badge';
import { formatCurrency, formatNumber } from '@/lib/format';
import { cn } from '@/lib/utils';

const KPI_LABELS = { sales: 'Sales', roas: 'ROAS', cpa: 'Cost per purchase', engagement: 'Engagement' } as const;

function value(kpi: KpiProgress['kpi'], v: number | null, currency: string): string {
  if (v === null) return '—';
  if (kpi === 'roas') return `${v.toFixed(2)}×`;
  if (kpi === 'sales' || kpi === 'cpa') return formatCurrency(v, currency);
  return formatNumber(v);
}

/** The primary KPI over its window against the target, with the source(s) it was computed from ("from website and Meta"). */
export function KpiTargetCard({ progress, currency, source }: { progress: KpiProgress; currency: string; source: string | null }) {
  const pct = progress.attainment === null ? 0 : Math.min(100, Math.round(progress.attainment * 100));
  return (
    <div className="grid gap-2 rounded-md border p-4" data-testid="kpi-vs-target" data-on-target={String(progress.onTarget)}>
      <div className="flex items-center justify-between gap-2">
        <span className="text-sm font-medium">{KPI_LABELS[progress.kpi]} vs target</span>
        {progress.onTarget === null ? (
          <Badge variant="neutral">No data yet</Badge>
        ) : progress.onTarget ? (
          <Badge variant="success">On target</Badge>
        ) : (
          <Badge variant="warning">Below target</Badge>
        )}
      </div>
      <div className="flex items-baseline gap-2">
        <span className="text-2xl font-semibold tabular-nums">{value(progress.kpi, progress.actual, currency)}</span>
        <span className="text-sm text-muted-foreground">target {value(progress.kpi, progress.target, currency)}{progress.better === 'lower' ? ' or less' : ''}</span>
      </div>
      <div className="h-2 overflow-hidden rounded bg-muted" aria-hidden>
        <div className={cn('h-full', progress.onTarget ? 'bg-emerald-500' : 'bg-amber-500')} style={{ width: `${pct}%` }} />
      </div>
      <span className="text-xs text-muted-foreground">
        Last {progress.days} day{progress.days === 1 ? '' : 's'} ({progress.since} – {progress.until})
        {source ? <> · <SourceLabel label={source} className="text-xs" /></> : null}
      </span>
    </div>
  );
}
