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

/** Avatars of the other people on the board, each with a tooltip; its own chunk, loaded when someone else is here. */
export function OtherViewers({ others }: { others: BoardViewer[] }) {
  return (
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
  );
}
