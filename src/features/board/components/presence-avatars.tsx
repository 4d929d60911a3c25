import { lazy, Suspense } from 'react';
import { cn } from '@/lib/utils';
import type { BoardViewer } from '../types';

// Others show up only after realtime presence syncs, so their avatars and the Radix tooltip load then.
const OtherViewers = lazy(() => import('./other-viewers').then((m) => ({ default: m.OtherViewers })));

/** Who else has this board open right now (realtime presence), plus a live indicator. */
export function PresenceAvatars({ viewers, meId, live }: { viewers: BoardViewer[]; meId: string; live: boolean }) {
  const others = viewers.filter((v) => v.userId !== meId);
  return (
    <div className="flex items-center gap-2" data-testid="board-presence" aria-label="People on this board">
      <span className={cn('flex items-center gap-1.5 text-xs', live ? 'text-emerald-700' : 'text-muted-foreground')}>
        <span className={cn('size-2 rounded-full', live ? 'animate-pulse bg-emerald-500' : 'bg-slate-300')} aria-hidden />
        {live ? 'Live' : 'Connecting…'}
      </span>
      {others.length > 0 ? (
        <Suspense fallback={null}>
          <OtherViewers others={others} />
        </Suspense>
      ) : null}
      <span className="sr-only">{others.length ? `Also here: ${others.map((o) => o.name).join(', ')}` : 'Nobody else is here'}</span>
    </div>
  );
}
