import { describeMetaAdLink, parseMetaAdLink } from '@domain/meta/ad-link.ts';
import { CircleCheck, Info } from 'lucide-react';

/** What the pasted ad link names, shown as the marketer types (ids the sync will import), or why it cannot be read. */
export function AdLinkPreview({ value }: { value: string }) {
  if (!value.trim()) return null;
  const parsed = parseMetaAdLink(value);
  if (!parsed.ok) {
    return (
      <p className="flex items-start gap-1.5 text-xs text-muted-foreground" data-testid="ad-link-ids" data-state="unreadable" aria-live="polite">
        <Info className="mt-0.5 size-3.5 shrink-0" aria-hidden />
        {parsed.reason}
      </p>
    );
  }
  return (
    <p className="flex items-start gap-1.5 text-xs text-emerald-700 dark:text-emerald-400" data-testid="ad-link-ids" data-state="understood" aria-live="polite">
      <CircleCheck className="mt-0.5 size-3.5 shrink-0" aria-hidden />
      <span>
        Understood: {describeMetaAdLink(parsed.ids)}
      </span>
    </p>
  );
}
