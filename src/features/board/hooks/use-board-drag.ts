import {
  closestCorners,
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
  columnTitle,
  findColumn,
  moveCard,
  moveRequestFor,
  type BoardColumnId,
  type BoardState,
  type MoveRequest,
} from '@domain/board.ts';
import { useState } from 'react';
import type { CardDragData } from '../components/action-card';
import type { ColumnDragData } from '../components/board-column';

type DragData = CardDragData | ColumnDragData;

/** While dragging (and until the cache shows the drop), the board shows this local state instead of the server's. */
type DragSession = { base: BoardState; state: BoardState; activeId: string | null };

function dataOf(item: { data: { current?: unknown } } | null | undefined): DragData | undefined {
  return item?.data.current as DragData | undefined;
}

function columnOf(id: UniqueIdentifier, state: BoardState): BoardColumnId | null {
  if (typeof id === 'string' && id.startsWith('column:')) return id.slice('column:'.length) as BoardColumnId;
  return findColumn(state, String(id));
}

/**
 * Prefer what is under the pointer (a card, else the column's closest card, else the column). A pointer outside
 * every column (above or below them) counts for the column it is in line with; the keyboard, which has no pointer,
 * uses closest corners.
 */
export const collisionDetection: CollisionDetection = (args) => {
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

/**
 * Drag and drop for the board in dnd-kit's MultipleContainers shape: a local board state follows the drag across
 * columns, and the drop becomes one move request built by the shared domain functions (so the optimistic cache
 * update and the server agree on the result).
 */
export function useBoardDrag({
  derived,
  limits,
  titleOf,
  onMove,
  onRevertRequest,
}: {
  /** The board as the cache has it. */
  derived: BoardState;
  /** Cards shown per column: a card dropped on a column lands after the last one shown. */
  limits: Record<BoardColumnId, number>;
  titleOf: (id: UniqueIdentifier) => string;
  onMove: (request: MoveRequest) => void;
  onRevertRequest: (request: MoveRequest) => void;
}) {
  const [drag, setDrag] = useState<DragSession | null>(null);

  // A finished drop keeps showing its result until the cache changes (the optimistic update), then the cache rules.
  const board = drag && (drag.activeId !== null || drag.base === derived) ? drag.state : derived;
  const activeId = drag?.activeId ?? null;

  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );

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

  // Cancelling restores the snapshot: the board falls back to the cache's state.
  const onDragCancel = () => setDrag(null);

  // Announcements run before the render that applies a move, so they describe the target, not the board state.
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

  return { board, activeId, sensors, announcements, handlers: { onDragStart, onDragOver, onDragEnd, onDragCancel } };
}
