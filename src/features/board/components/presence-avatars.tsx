import { Avatar, AvatarFallback } from '@/components/ui/avatar';
import { SimpleTooltip } from '@/components/ui/tooltip';
import { initials } from '@/lib/format';
import { cn } from '@/lib/utils';
import type { BoardViewer } from '../types';

const COLORS = ['bg-sky-100 text-sky-700', 'bg-emerald-100 text-emerald-700', 'bg-amber-100 text-amber-800', 'bg-fuchsia-100 text-fuchsia-700', 'bg-indigo-100 text-indigo-700'];

function colorFor(id: string): string {
  let h = 0;
  for (const ch of id) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return COLORS[h % COLORS.length];
}

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
        <div className="flex -space-x-2">
          {others.slice(0, 5).map((v) => (
            <SimpleTooltip key={v.userId} content={`${v.name} is viewing this board`}>
              <Avatar className="size-7 ring-2 ring-white" data-presence-user={v.name}>
                <AvatarFallback className={cn('text-[10px]', colorFor(v.userId))}>{initials(v.name)}</AvatarFallback>
              </Avatar>
            </SimpleTooltip>
          ))}
          {others.length > 5 ? (
            <Avatar className="size-7 ring-2 ring-white">
              <AvatarFallback className="bg-slate-200 text-[10px] text-slate-700">+{others.length - 5}</AvatarFallback>
            </Avatar>
          ) : null}
        </div>
      ) : null}
      <span className="sr-only">{others.length ? `Also here: ${others.map((o) => o.name).join(', ')}` : 'Nobody else is here'}</span>
    </div>
  );
}
