import { useDroppable } from '@dnd-kit/core';
import { SortableContext, verticalListSortingStrategy } from '@dnd-kit/sortable';
import type { BoardColumnId } from '@domain/board.ts';
import { ChevronDown } from 'lucide-react';
import type { ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { cn } from '@/lib/utils';

export type ColumnDragData = { type: 'column'; columnId: BoardColumnId };

const ACCENT: Record<BoardColumnId, string> = {
  planned: 'bg-slate-400',
  in_progress: 'bg-sky-500',
  completed: 'bg-emerald-500',
  reverted: 'bg-amber-500',
};

/**
 * One column: a droppable area around a SortableContext of the cards it shows. Long columns show a page at a
 * time ("Show more"), so 1,000 cards never mean 1,000 mounted drag handles.
 */
export function BoardColumn({
  id,
  title,
  hint,
  total,
  visibleIds,
  hiddenCount,
  onShowMore,
  emptyText,
  children,
}: {
  id: BoardColumnId;
  title: string;
  hint: string;
  total: number;
  visibleIds: string[];
  hiddenCount: number;
  onShowMore: () => void;
  emptyText: string;
  children: ReactNode;
}) {
  const data: ColumnDragData = { type: 'column', columnId: id };
  const { setNodeRef, isOver } = useDroppable({ id: `column:${id}`, data });

  return (
    <section
      aria-labelledby={`column-${id}-title`}
      data-column={id}
      className="flex min-w-[16rem] flex-1 basis-0 flex-col rounded-xl border border-slate-200 bg-slate-100/70"
    >
      <header className="flex items-center gap-2 px-3 pb-2 pt-3">
        <span className={cn('size-2 rounded-full', ACCENT[id])} aria-hidden />
        <h3 id={`column-${id}-title`} className="text-sm font-semibold text-slate-800">
          {title}
        </h3>
        <span className="rounded-full bg-white px-2 py-0.5 text-xs font-medium text-slate-600 shadow-sm" data-testid={`count-${id}`}>
          {total}
        </span>
        <span className="sr-only">cards. {hint}</span>
      </header>
      <div
        ref={setNodeRef}
        className={cn(
          'flex max-h-[calc(100vh-17rem)] min-h-40 flex-1 flex-col gap-2 overflow-y-auto px-2 pb-2 transition-colors',
          isOver && 'rounded-b-xl bg-primary/5',
        )}
      >
        <SortableContext id={id} items={visibleIds} strategy={verticalListSortingStrategy}>
          {children}
        </SortableContext>
        {total === 0 ? (
          <div className="flex flex-1 items-center justify-center rounded-lg border border-dashed border-slate-300 p-4 text-center text-xs text-slate-600">
            {emptyText}
          </div>
        ) : null}
        {hiddenCount > 0 ? (
          <Button variant="ghost" size="sm" className="mt-1 w-full text-xs text-slate-600" onClick={onShowMore}>
            <ChevronDown aria-hidden />
            Show more ({hiddenCount} not shown)
          </Button>
        ) : null}
      </div>
    </section>
  );
}
