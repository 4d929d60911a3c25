import { CalendarClock, CirclePause, Copy, Gavel, Palette, Sparkles, Type, Users, Wallet, type LucideIcon } from 'lucide-react';
import { actionTypeLabel } from '@domain/board.ts';
import { cn } from '@/lib/utils';

const ICONS: Record<string, { icon: LucideIcon; className: string }> = {
  creative_change: { icon: Palette, className: 'bg-fuchsia-50 text-fuchsia-600' },
  ad_copy_update: { icon: Type, className: 'bg-violet-50 text-violet-600' },
  audience_targeting: { icon: Users, className: 'bg-sky-50 text-sky-600' },
  budget_adjustment: { icon: Wallet, className: 'bg-amber-50 text-amber-700' },
  bidding_change: { icon: Gavel, className: 'bg-orange-50 text-orange-600' },
  posting_schedule_change: { icon: CalendarClock, className: 'bg-teal-50 text-teal-600' },
  pause_ads: { icon: CirclePause, className: 'bg-slate-100 text-slate-600' },
  duplicate_ad_set: { icon: Copy, className: 'bg-indigo-50 text-indigo-600' },
  other: { icon: Sparkles, className: 'bg-slate-100 text-slate-600' },
};

/** The card's type icon (docs/domain-rules.md, The board: 🎨 for a creative change, and so on), labelled for screen readers. */
export function ActionTypeIcon({ type, className }: { type: string; className?: string }) {
  const { icon: Icon, className: tone } = ICONS[type] ?? ICONS.other;
  return (
    <span className={cn('flex size-7 shrink-0 items-center justify-center rounded-md', tone, className)} title={actionTypeLabel(type)}>
      <Icon className="size-4" aria-hidden />
      <span className="sr-only">{actionTypeLabel(type)}</span>
    </span>
  );
}
