import { ArrowDown, ArrowUp, ArrowUpDown } from 'lucide-react';
import { TableHead } from '@/components/ui/table';
import { cn } from '@/lib/utils';
import type { RankingSort, SortKey } from '../utils/ranking';

/** A column header that sorts the ranking; announces its direction through aria-sort. */
export function SortHeader({
  column,
  label,
  sort,
  onSort,
  align = 'left',
}: {
  column: SortKey;
  label: string;
  sort: RankingSort;
  onSort: (key: SortKey) => void;
  align?: 'left' | 'right';
}) {
  const active = sort.key === column;
  const Icon = !active ? ArrowUpDown : sort.direction === 'asc' ? ArrowUp : ArrowDown;
  return (
    <TableHead aria-sort={active ? (sort.direction === 'asc' ? 'ascending' : 'descending') : 'none'} className={cn(align === 'right' && 'text-right')}>
      <button
        type="button"
        onClick={() => onSort(column)}
        className={cn('inline-flex items-center gap-1 uppercase hover:text-foreground', active && 'text-foreground', align === 'right' && 'flex-row-reverse')}
      >
        {label}
        <Icon className={cn('size-3.5', !active && 'opacity-40')} aria-hidden />
      </button>
    </TableHead>
  );
}
