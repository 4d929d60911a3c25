import { cn } from '@/lib/utils';

/** Logo + product name. `tone="dark"` for dark backgrounds (sidebar, auth panel). */
export function BrandMark({ tone = 'light', compact = false, className }: { tone?: 'light' | 'dark'; compact?: boolean; className?: string }) {
  return (
    <div className={cn('flex items-center gap-2.5', className)}>
      <svg viewBox="0 0 32 32" className="size-8 shrink-0" aria-hidden>
        <rect width="32" height="32" rx="7" fill="#4f46e5" />
        <path d="M8 22.5 13 16l4 3.5 7-9" stroke="#fff" strokeWidth="2.6" strokeLinecap="round" strokeLinejoin="round" fill="none" />
        <circle cx="24" cy="10.5" r="2.2" fill="#fff" />
      </svg>
      {compact ? null : (
        <div className="leading-tight">
          <p className={cn('text-sm font-semibold tracking-tight', tone === 'dark' ? 'text-white' : 'text-slate-900')}>Marketing Ops Tracker</p>
          <p className={cn('text-[11px]', tone === 'dark' ? 'text-slate-400' : 'text-slate-500')}>Plan · Track · Learn</p>
        </div>
      )}
    </div>
  );
}
