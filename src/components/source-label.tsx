import { cn } from '@/lib/utils';

/** The small "from Meta" / "from website" note next to a figure (which source counts: domain/metric-sources.ts). */
export function SourceLabel({ label, className }: { label: string | null | undefined; className?: string }) {
  if (!label) return null;
  return (
    <span className={cn('text-[11px] font-normal normal-case tracking-normal text-muted-foreground', className)} data-testid="source-label">
      {label}
    </span>
  );
}
