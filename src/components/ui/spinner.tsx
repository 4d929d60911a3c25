import { LoaderCircle } from 'lucide-react';
import type * as React from 'react';
import { cn } from '@/lib/utils';

export function Spinner({ className, label = 'Loading', ...props }: React.ComponentProps<'svg'> & { label?: string }) {
  return <LoaderCircle role="status" aria-label={label} className={cn('size-5 animate-spin text-muted-foreground', className)} {...props} />;
}

/** A centred spinner that fills its container: route loading, gates. */
export function PageSpinner({ label = 'Loading', className }: { label?: string; className?: string }) {
  return (
    <div className={cn('flex min-h-[40vh] w-full flex-col items-center justify-center gap-3 text-sm text-muted-foreground', className)}>
      <Spinner className="size-6" label={label} />
      <span>{label}…</span>
    </div>
  );
}
