import type { MoveRequest } from '@domain/board.ts';
import { useCallback, useMemo, useState } from 'react';
import { toast } from '@/components/ui/toast';
import { errorMessage } from '@/lib/utils';
import { useRevertCard } from '../api/revert-card';
import type { CardDialogState } from '../components/card-dialog';
import type { ActionCardRow } from '../types';

/** A card being reverted, and where it lands in Reverted when it came there by a drop (`beforeId`). */
type RevertTarget = { card: ActionCardRow; beforeId: string | null };

/**
 * Which of the board's dialogs is open: the card dialog (create or edit) and the revert dialog, which asks which
 * card undoes the one being reverted. A drop in Reverted opens the revert dialog instead of moving the card.
 */
export function useBoardDialogs(workspaceId: string, allCards: ActionCardRow[]) {
  const revert = useRevertCard(workspaceId);
  const [dialog, setDialog] = useState<CardDialogState>(null);
  const [revertTarget, setRevertTarget] = useState<RevertTarget | null>(null);

  const byId = useMemo(() => new Map(allCards.map((c) => [c.id, c])), [allCards]);
  const onRevertRequest = useCallback(
    (request: MoveRequest) => {
      const card = byId.get(request.cardId);
      if (card) setRevertTarget({ card, beforeId: request.beforeId });
    },
    [byId],
  );
  const onOpen = useCallback((card: ActionCardRow) => setDialog({ kind: 'edit', card }), []);
  const onRevert = useCallback((card: ActionCardRow) => setRevertTarget({ card, beforeId: null }), []);
  const onCreate = useCallback(() => setDialog({ kind: 'create' }), []);
  const closeDialog = useCallback(() => setDialog(null), []);
  // Reverting from the open card dialog swaps one dialog for the other.
  const revertFromDialog = useCallback((card: ActionCardRow) => {
    setDialog(null);
    setRevertTarget({ card, beforeId: null });
  }, []);
  const closeRevert = useCallback(() => setRevertTarget(null), []);

  const revertCandidates = useMemo(
    () =>
      revertTarget
        ? allCards.filter(
            (c) => c.campaign_id === revertTarget.card.campaign_id && c.id !== revertTarget.card.id && c.status !== 'reverted' && !c.reverts_action_id,
          )
        : [],
    [allCards, revertTarget],
  );

  const confirmRevert = (revertingCardId: string | null) => {
    if (!revertTarget) return;
    revert.mutate(
      { cardId: revertTarget.card.id, revertingCardId, beforeId: revertTarget.beforeId },
      {
        onSuccess: () => {
          toast.success('Action reverted', { description: revertTarget.card.title });
          setRevertTarget(null);
        },
        onError: (error) => toast.error('Could not revert the action', { description: errorMessage(error) }),
      },
    );
  };

  return {
    byId,
    dialog,
    onCreate,
    onOpen,
    closeDialog,
    revertFromDialog,
    revertTarget,
    revertCandidates,
    revertPending: revert.isPending,
    onRevert,
    onRevertRequest,
    closeRevert,
    confirmRevert,
  };
}
