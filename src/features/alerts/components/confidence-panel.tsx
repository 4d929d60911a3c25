import { formatPercent } from '@/lib/format';
import { cn } from '@/lib/utils';
import { confidenceLabel, type CorrelationData } from '../utils/alert-data';

/** Confidence as a number and a bar, with the engine's rationale: variability, timing, persistence, confounders. */
export function ConfidencePanel({ confidence, data }: { confidence: number; data: CorrelationData }) {
  const label = confidenceLabel(confidence);
  const [lo, hi] = data.change_interval ?? [null, null];
  return (
    <div className="space-y-4" data-testid="confidence-panel">
      <div>
        <div className="flex items-baseline gap-2">
          <span className="text-3xl font-semibold tabular-nums">{formatPercent(confidence, { ratio: true })}</span>
          <span className="text-sm text-muted-foreground">{label} confidence</span>
        </div>
        <div className="mt-2 h-2 w-full overflow-hidden rounded-full bg-muted" aria-hidden>
          <div
            className={cn('h-full rounded-full', label === 'High' ? 'bg-emerald-600' : label === 'Medium' ? 'bg-amber-500' : 'bg-slate-400')}
            style={{ width: `${Math.round(confidence * 100)}%` }}
          />
        </div>
        {lo !== null && hi !== null ? (
          <p className="mt-2 text-xs text-muted-foreground">
            Effect {formatPercent(data.change_pct, { signed: true })}, 95 % interval {formatPercent(lo, { signed: true })} to {formatPercent(hi, { signed: true })}.
          </p>
        ) : null}
      </div>
      {data.rationale && data.rationale.length > 0 ? (
        <div>
          <h4 className="mb-1.5 text-xs font-medium uppercase tracking-wider text-muted-foreground">Why</h4>
          <ul className="list-disc space-y-1 pl-4 text-sm">
            {data.rationale.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
