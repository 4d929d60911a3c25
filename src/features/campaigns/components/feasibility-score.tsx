import { useCurrentWorkspace } from '@/hooks/use-current-workspace';
import { cn } from '@/lib/utils';
import { scoreTone } from '../utils/labels';

const TONE = { success: 'text-emerald-600', warning: 'text-amber-500', danger: 'text-red-600' } as const;

/** The 0–100 feasibility score as a ring. */
export function FeasibilityScore({ score }: { score: number }) {
  const tone = scoreTone(score, useCurrentWorkspace().thresholds.feasibility);
  const circumference = 2 * Math.PI * 42;
  return (
    <div className="relative size-28 shrink-0" role="img" aria-label={`Feasibility score ${score} out of 100`} data-testid="feasibility-score">
      <svg viewBox="0 0 100 100" className="size-full -rotate-90">
        <circle cx="50" cy="50" r="42" className="fill-none stroke-muted" strokeWidth="10" />
        <circle
          cx="50"
          cy="50"
          r="42"
          className={cn('fill-none stroke-current transition-all', TONE[tone])}
          strokeWidth="10"
          strokeLinecap="round"
          strokeDasharray={circumference}
          strokeDashoffset={circumference * (1 - score / 100)}
        />
      </svg>
      <div className="absolute inset-0 flex flex-col items-center justify-center">
        <span className="text-3xl font-semibold tabular-nums">{score}</span>
        <span className="text-[10px] uppercase tracking-wide text-muted-foreground">of 100</span>
      </div>
    </div>
  );
}
