import { ChevronDown } from 'lucide-react';
import { formatNumber, formatPercent } from '@/lib/format';
import type { FunnelStep } from '../utils/funnel';

const RATE_LABELS: Record<FunnelStep['key'], string> = { impressions: '', clicks: 'click-through', conversions: 'conversion rate' };
const COLORS: Record<FunnelStep['key'], string> = { impressions: 'bg-indigo-200', clicks: 'bg-indigo-400', conversions: 'bg-indigo-600' };

/** Bar length on a log scale: impressions outnumber conversions by orders of magnitude, and the rates carry the ratio. */
function barWidth(value: number, top: number): number {
  if (top <= 0 || value <= 0) return 2;
  return Math.max(6, (Math.log10(value + 1) / Math.log10(top + 1)) * 100);
}

/** Impressions → clicks → conversions with the rate from each step to the next and the overall conversion rate. */
export function FunnelChart({ steps }: { steps: FunnelStep[] }) {
  const top = steps[0]?.value ?? 0;
  const overall = steps[steps.length - 1]?.rateFromTop ?? null;
  return (
    <div className="space-y-1" data-testid="funnel">
      <ol className="space-y-1">
        {steps.map((step, i) => (
          <li key={step.key}>
            {i > 0 ? (
              <div className="flex items-center gap-1 py-1 pl-2 text-xs text-muted-foreground">
                <ChevronDown className="size-3.5" aria-hidden />
                <span className="font-medium tabular-nums text-foreground">{formatPercent(step.rateFromPrevious, { ratio: true, decimals: 2 })}</span>
                {RATE_LABELS[step.key]}
              </div>
            ) : null}
            <div className="flex items-center gap-3">
              <div className="h-7 flex-1 rounded bg-muted">
                <div className={`h-7 rounded ${COLORS[step.key]}`} style={{ width: `${barWidth(step.value, top)}%` }} />
              </div>
              <div className="w-32 shrink-0 text-right">
                <div className="text-sm font-semibold tabular-nums">{formatNumber(step.value, { decimals: 0 })}</div>
                <div className="text-xs text-muted-foreground">{step.label}</div>
              </div>
            </div>
          </li>
        ))}
      </ol>
      <p className="pt-2 text-xs text-muted-foreground">
        Impressions to conversions: <span className="font-medium tabular-nums text-foreground">{formatPercent(overall, { ratio: true, decimals: 3 })}</span>. Bars on a log scale.
      </p>
    </div>
  );
}
