import {
  closestCorners,
  DndContext,
  DragOverlay,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  useSensor,
  useSensors,
  type Announcements,
  type CollisionDetection,
  type DragEndEvent,
  type DragOverEvent,
  type DragStartEvent,
  type Over,
  type UniqueIdentifier,
} from '@dnd-kit/core';
import { sortableKeyboardCoordinates } from '@dnd-kit/sortable';
import {
  BOARD_COLUMNS,
  buildBoardState,
  columnTitle,
  findColumn,
  moveCard,
  moveRequestFor,
  type BoardColumnId,
  type BoardState,
  type MoveRequest,
} from '@domain/board.ts';
import { useCallback, useMemo, useState } from 'react';
import type { ActionCardRow, CardSignal } from '../types';
import { ActionCardView, SortableActionCard, type CardDragData } from './action-card';
import { BoardColumn, type ColumnDragData } from './board-column';

/** Cards shown per column before "Show more". */
export const COLUMN_PAGE_SIZE = 12;

type DragData = CardDragData | ColumnDragData;

/** While dragging (and until the cache shows the drop), the board shows this local state instead of the server's. */
type DragSession = { base: BoardState; state: BoardState; activeId: string | null };

function dataOf(item: { data: { current?: unknown } } | null | undefined): DragData | undefined {
  return item?.data.current as DragData | undefined;
}

/**
 * Prefer what is under the pointer (a card, else the column's closest card, else the column). A pointer outside
 * every column (above or below them) counts for the column it is in line with; the keyboard, which has no pointer,
 * uses closest corners.
 */
const collisionDetection: CollisionDetection = (args) => {
  let hits = pointerWithin(args);
  const pointer = args.pointerCoordinates;
  if (hits.length === 0 && pointer) {
    const inLine = args.droppableContainers.find((d) => {
      const rect = args.droppableRects.get(d.id);
      return d.data.current?.type === 'column' && rect && pointer.x >= rect.left && pointer.x <= rect.right;
    });
    hits = inLine ? [{ id: inLine.id }] : [];
  }
  if (hits.length === 0) return closestCorners(args);
  const cardHit = hits.find((h) => args.droppableContainers.find((d) => d.id === h.id)?.data.current?.type === 'card');
  if (cardHit) return [cardHit];
  const columnHit = hits[0];
  const columnId = (args.droppableContainers.find((d) => d.id === columnHit.id)?.data.current as ColumnDragData | undefined)?.columnId;
  const inColumn = args.droppableContainers.filter((d) => {
    const data = d.data.current as CardDragData | undefined;
    return data?.type === 'card' && d.data.current?.sortable?.containerId === columnId;
  });
  if (inColumn.length === 0) return [columnHit];
  const closest = closestCorners({ ...args, droppableContainers: inColumn });
  return closest.length ? [closest[0]] : [columnHit];
};

export function KanbanBoard({
  cards,
  campaignNames,
  authorNames,
  signals,
  canWrite,
  showCampaign,
  onMove,
  onRevertRequest,
  onOpen,
  onRevert,
  emptyColumnText,
}: {
  cards: ActionCardRow[];
  campaignNames: Map<string, string>;
  authorNames: Map<string, string>;
  signals: Record<string, CardSignal>;
  canWrite: boolean;
  showCampaign: boolean;
  onMove: (request: MoveRequest) => void;
  /** A card dropped in Reverted: ask which card reverts it. */
  onRevertRequest: (request: MoveRequest) => void;
  onOpen: (card: ActionCardRow) => void;
  onRevert: (card: ActionCardRow) => void;
  emptyColumnText: (column: BoardColumnId) => string;
}) {
  const cardsById = useMemo(() => new Map(cards.map((c) => [c.id, c])), [cards]);
  const derived = useMemo(() => buildBoardState(cards), [cards]);
  const [drag, setDrag] = useState<DragSession | null>(null);
  const [limits, setLimits] = useState<Record<BoardColumnId, number>>({
    planned: COLUMN_PAGE_SIZE,
    in_progress: COLUMN_PAGE_SIZE,
    completed: COLUMN_PAGE_SIZE,
    reverted: COLUMN_PAGE_SIZE,
  });

  // A finished drop keeps showing its result until the cache changes (the optimistic update), then the cache rules.
  const board = drag && (drag.activeId !== null || drag.base === derived) ? drag.state : derived;
  const activeId = drag?.activeId ?? null;

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

  const visibleIds = useCallback(
    (column: BoardColumnId, state: BoardState) => {
      const ids = state[column];
      const activeAt = activeId ? ids.indexOf(activeId) : -1;
      return ids.slice(0, Math.max(limits[column], activeAt + 1));
    },
    [activeId, limits],
  );

  const columnOf = (id: UniqueIdentifier, state: BoardState): BoardColumnId | null => {
    if (typeof id === 'string' && id.startsWith('column:')) return id.slice('column:'.length) as BoardColumnId;
    return findColumn(state, String(id));
  };

  const onDragStart = ({ active }: DragStartEvent) => {
    setDrag({ base: derived, state: derived, activeId: String(active.id) });
  };

  // Crossing into another column happens while dragging, so the card's new neighbours make room at once.
  const onDragOver = ({ active, over }: DragOverEvent) => {
    if (!over) return;
    const id = String(active.id);
    const overIsColumn = dataOf(over)?.type === 'column';
    const translated = active.rect.current.translated;
    const below = translated ? translated.top > over.rect.top + over.rect.height / 2 : false;
    setDrag((current) => {
      if (!current) return current;
      const state = current.state;
      const from = findColumn(state, id);
      const to = columnOf(over.id, state);
      if (!from || !to || from === to) return current;
      const overIndex = state[to].indexOf(String(over.id));
      const index = overIsColumn ? Math.min(limits[to], state[to].length) : overIndex < 0 ? state[to].length : overIndex + (below ? 1 : 0);
      return { ...current, state: moveCard(state, id, to, index) };
    });
  };

  const onDragEnd = ({ active, over }: DragEndEvent) => {
    if (!drag) return;
    const id = String(active.id);
    const column = findColumn(drag.state, id);
    if (!over || !column) {
      setDrag(null);
      return;
    }
    let final = drag.state;
    if (dataOf(over)?.type === 'card' && columnOf(over.id, drag.state) === column) {
      const overIndex = drag.state[column].indexOf(String(over.id));
      if (overIndex >= 0 && overIndex !== drag.state[column].indexOf(id)) final = moveCard(drag.state, id, column, overIndex);
    }
    const request = moveRequestFor(drag.base, final, id);
    if (!request) {
      setDrag(null);
      return;
    }
    if (request.status === 'reverted' && findColumn(drag.base, id) !== 'reverted') {
      setDrag(null);
      onRevertRequest(request);
      return;
    }
    setDrag({ base: drag.base, state: final, activeId: null });
    onMove(request);
  };

  // Announcements run before the render that applies a move, so they describe the target, not the board state.
  const titleOf = (id: UniqueIdentifier) => cardsById.get(String(id))?.title ?? 'card';
  const placeOf = (id: UniqueIdentifier) => {
    const column = findColumn(board, String(id));
    return column ? `${columnTitle(column)}, position ${board[column].indexOf(String(id)) + 1} of ${board[column].length}` : '';
  };
  const targetOf = (over: Over | null) => {
    if (!over) return null;
    const column = columnOf(over.id, board);
    if (!column) return null;
    return dataOf(over)?.type === 'card' ? `${columnTitle(column)}, at ${titleOf(over.id)}` : columnTitle(column);
  };
  const announcements: Announcements = {
    onDragStart: ({ active }) => `Picked up ${titleOf(active.id)} from ${placeOf(active.id)}.`,
    onDragOver: ({ active, over }) =>
      !over ? `${titleOf(active.id)} is not over a column.` : over.id === active.id ? undefined : `${titleOf(active.id)} is over ${targetOf(over)}.`,
    onDragEnd: ({ active, over }) =>
      over ? `Dropped ${titleOf(active.id)} in ${targetOf(over) ?? 'its column'}.` : `${titleOf(active.id)} was dropped outside the board and went back.`,
    onDragCancel: ({ active }) => `Move cancelled. ${titleOf(active.id)} went back to where it was.`,
  };

  const activeCard = activeId ? cardsById.get(activeId) : undefined;

  return (
    <DndContext
      sensors={canWrite ? sensors : []}
      collisionDetection={collisionDetection}
      onDragStart={onDragStart}
      onDragOver={onDragOver}
      onDragEnd={onDragEnd}
      onDragCancel={() => setDrag(null)}
      accessibility={{
        announcements,
        screenReaderInstructions: {
          draggable:
            'To move an action card, press space or enter to pick it up, use the arrow keys to move it between and within columns, then press space or enter to drop it, or escape to cancel.',
        },
      }}
    >
      <div className="flex gap-3 overflow-x-auto pb-2" data-testid="kanban-board">
        {BOARD_COLUMNS.map((column) => {
          const ids = visibleIds(column.id, board);
          return (
            <BoardColumn
              key={column.id}
              id={column.id}
              title={column.title}
              hint={column.hint}
              total={board[column.id].length}
              visibleIds={ids}
              hiddenCount={board[column.id].length - ids.length}
              onShowMore={() => setLimits((l) => ({ ...l, [column.id]: l[column.id] + COLUMN_PAGE_SIZE * 2 }))}
              emptyText={emptyColumnText(column.id)}
            >
              {ids.map((id) => {
                const card = cardsById.get(id);
                if (!card) return null;
                return (
                  <SortableActionCard
                    key={id}
                    card={card}
                    campaignName={showCampaign ? (campaignNames.get(card.campaign_id) ?? null) : null}
                    authorName={card.created_by ? (authorNames.get(card.created_by) ?? null) : null}
                    signal={signals[id]}
                    canWrite={canWrite}
                    onOpen={onOpen}
                    onRevert={onRevert}
                  />
                );
              })}
            </BoardColumn>
          );
        })}
      </div>
      <DragOverlay dropAnimation={{ duration: 160, easing: 'ease-out' }}>
        {activeCard ? (
          <ActionCardView
            card={activeCard}
            campaignName={showCampaign ? (campaignNames.get(activeCard.campaign_id) ?? null) : null}
            authorName={activeCard.created_by ? (authorNames.get(activeCard.created_by) ?? null) : null}
            signal={signals[activeCard.id]}
            canWrite={canWrite}
            overlay
          />
        ) : null}
      </DragOverlay>
    </DndContext>
  );
}
