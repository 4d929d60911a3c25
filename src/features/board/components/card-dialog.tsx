import { actionTypeLabel, changeLines, changesFromMetadata, columnTitle, isActionType, isBoardColumnId, parseActionMetadata } from '@domain/board.ts';
import { ArrowRight, Trash, Undo2 } from 'lucide-react';
import { toast } from '@/components/ui/toast';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Dialog, DialogContent, DialogDescription, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { formatDateTime } from '@/lib/format';
import { errorMessage } from '@/lib/utils';
import { useCreateCard } from '../api/create-card';
import { useDeleteCard } from '../api/delete-card';
import { useUpdateCard } from '../api/update-card';
import type { ActionCardRow, BoardCampaign } from '../types';
import { CardForm, type CardFormValues } from './card-form';

export type CardDialogState = { kind: 'create' } | { kind: 'edit'; card: ActionCardRow } | null;

function valuesOf(card: ActionCardRow): CardFormValues {
  return {
    campaign_id: card.campaign_id,
    action_type: isActionType(card.action_type) ? card.action_type : 'other',
    title: card.title,
    description: card.description ?? '',
    occurred_at: card.occurred_at,
    status: isBoardColumnId(card.status) ? card.status : 'planned',
    impact: card.impact === 'positive' || card.impact === 'negative' ? card.impact : 'neutral',
    changes: changesFromMetadata(card.metadata),
    affected_ad_sets: parseActionMetadata(card.metadata).affected_ad_sets,
  };
}

/** The full create / edit dialog for any action (viewers get the read-only details). */
export function CardDialog({
  state,
  onClose,
  workspaceId,
  campaigns,
  lockedCampaignId,
  defaultCampaignId,
  canWrite,
  authorName,
  revertsTitle,
  onRevert,
}: {
  state: CardDialogState;
  onClose: () => void;
  workspaceId: string;
  campaigns: BoardCampaign[];
  lockedCampaignId: string | null;
  defaultCampaignId: string | null;
  canWrite: boolean;
  authorName: (card: ActionCardRow) => string | null;
  revertsTitle: (card: ActionCardRow) => string | null;
  /** Opens the revert dialog for a live card (completed or in progress). */
  onRevert: (card: ActionCardRow) => void;
}) {
  const create = useCreateCard();
  const update = useUpdateCard();
  const remove = useDeleteCard();
  const card = state?.kind === 'edit' ? state.card : null;
  const campaignName = card ? campaigns.find((c) => c.id === card.campaign_id)?.name : null;

  return (
    <Dialog open={state !== null} onOpenChange={(open) => (open ? undefined : onClose())}>
      <DialogContent className="max-w-2xl">
        <DialogHeader>
          <DialogTitle>{card ? (canWrite ? 'Edit action' : card.title) : 'New action'}</DialogTitle>
          <DialogDescription>
            {card
              ? `${actionTypeLabel(card.action_type)} · ${campaignName ?? 'Campaign'} · ${isBoardColumnId(card.status) ? columnTitle(card.status) : card.status}`
              : 'Record any change made to a campaign: what, when, and what it was before and after.'}
          </DialogDescription>
        </DialogHeader>

        {card ? (
          <dl className="grid grid-cols-2 gap-x-4 gap-y-1 rounded-md bg-slate-50 p-3 text-xs sm:grid-cols-4">
            <div>
              <dt className="text-muted-foreground">Logged by</dt>
              <dd className="font-medium">{authorName(card) ?? 'Unknown'}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Happened</dt>
              <dd className="font-medium">{formatDateTime(card.occurred_at)}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Completed</dt>
              <dd className="font-medium">{card.completed_at ? formatDateTime(card.completed_at) : '—'}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Reverts</dt>
              <dd className="truncate font-medium">{revertsTitle(card) ?? '—'}</dd>
            </div>
          </dl>
        ) : null}

        {card && !canWrite ? (
          <div className="grid gap-3 text-sm">
            {card.description ? <p className="text-muted-foreground">{card.description}</p> : null}
            <ul className="grid gap-1">
              {changeLines(card.metadata).map((line) => (
                <li key={line.field} className="flex flex-wrap items-center gap-1.5">
                  <span className="font-medium">{line.label}:</span> {line.from} <ArrowRight className="size-3.5" aria-hidden /> {line.to}
                </li>
              ))}
            </ul>
            <div className="flex flex-wrap gap-1">
              {parseActionMetadata(card.metadata).affected_ad_sets.map((s) => (
                <Badge key={s} variant="neutral">
                  {s}
                </Badge>
              ))}
            </div>
          </div>
        ) : state ? (
          <CardForm
            key={card?.id ?? 'new'}
            mode={card ? 'edit' : 'create'}
            initial={
              card
                ? valuesOf(card)
                : {
                    action_type: 'creative_change',
                    title: '',
                    description: '',
                    status: 'planned',
                    impact: 'neutral',
                    changes: [{ field: '', from: '', to: '' }],
                    affected_ad_sets: [],
                    campaign_id: lockedCampaignId ?? defaultCampaignId ?? campaigns[0]?.id ?? '',
                    occurred_at: new Date().toISOString(),
                  }
            }
            campaigns={campaigns}
            lockedCampaignId={card ? null : lockedCampaignId}
            submitLabel={card ? 'Save changes' : 'Add card'}
            pending={create.isPending || update.isPending}
            onCancel={onClose}
            extraActions={
              card ? (
                <div className="flex gap-1">
                  {card.status === 'completed' || card.status === 'in_progress' ? (
                    <Button type="button" variant="outline" onClick={() => onRevert(card)}>
                      <Undo2 aria-hidden />
                      Revert
                    </Button>
                  ) : null}
                  <Button
                    type="button"
                    variant="ghost"
                    className="text-red-700 hover:bg-red-50 hover:text-red-800"
                    loading={remove.isPending}
                    onClick={() =>
                      remove.mutate(
                        { id: card.id, workspaceId },
                        {
                          onSuccess: () => {
                            toast.success('Action deleted');
                            onClose();
                          },
                          onError: (error) => toast.error('Could not delete the action', { description: errorMessage(error) }),
                        },
                      )
                    }
                  >
                    <Trash aria-hidden />
                    Delete
                  </Button>
                </div>
              ) : null
            }
            onSubmit={(input) => {
              const done = {
                onSuccess: () => {
                  toast.success(card ? 'Action updated' : 'Action added');
                  onClose();
                },
                onError: (error: unknown) => toast.error(card ? 'Could not save the action' : 'Could not add the action', { description: errorMessage(error) }),
              };
              if (card) update.mutate({ id: card.id, input }, done);
              else create.mutate({ workspaceId, input }, done);
            }}
          />
        ) : null}
      </DialogContent>
    </Dialog>
  );
}
