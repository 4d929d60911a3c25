import { DndContext, DragOverlay, type UniqueIdentifier } from '@dnd-kit/core';
import { BOARD_COLUMNS, buildBoardState, type BoardColumnId, type BoardState, type MoveRequest } from '@domain/board.ts';
import { useCallback, useMemo, useState } from 'react';
import { collisionDetection, useBoardDrag } from '../hooks/use-board-drag';
import type { ActionCardRow, CardSignal } from '../types';
import { ActionCardView, SortableActionCard } from './action-card';
import { BoardColumn } from './board-column';

/** Cards shown per column before "Show more". */
export const COLUMN_PAGE_SIZE = 12;

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
  const [limits, setLimits] = useState<Record<BoardColumnId, number>>({
    planned: COLUMN_PAGE_SIZE,
    in_progress: COLUMN_PAGE_SIZE,
    completed: COLUMN_PAGE_SIZE,
    reverted: COLUMN_PAGE_SIZE,
  });
  const titleOf = (id: UniqueIdentifier) => cardsById.get(String(id))?.title ?? 'card';
  const { board, activeId, sensors, announcements, handlers } = useBoardDrag({ derived, limits, titleOf, onMove, onRevertRequest });

  const visibleIds = useCallback(
    (column: BoardColumnId, state: BoardState) => {
      const ids = state[column];
      const activeAt = activeId ? ids.indexOf(activeId) : -1;
      return ids.slice(0, Math.max(limits[column], activeAt + 1));
    },
    [activeId, limits],
  );

  const activeCard = activeId ? cardsById.get(activeId) : undefined;

  return (
    <DndContext
      sensors={canWrite ? sensors : []}
      collisionDetection={collisionDetection}
      {...handlers}
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
