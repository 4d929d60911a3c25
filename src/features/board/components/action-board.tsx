import { matchesFilters, type BoardColumnId, type MoveRequest } from '@domain/board.ts';
import { Eye, Megaphone, Plus, RotateCw } from 'lucide-react';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { toast } from 'sonner';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { useCurrentWorkspace } from '@/hooks/use-current-workspace';
import { userDisplayName, useUser } from '@/hooks/use-session';
import { errorMessage } from '@/lib/utils';
import { useBoardCampaigns } from '../api/get-board-campaigns';
import { useBoardCards } from '../api/get-board-cards';
import { useBoardPeople } from '../api/get-board-people';
import { useCardSignals } from '../api/get-card-signals';
import { useMoveCard } from '../api/move-card';
import { useRevertCard } from '../api/revert-card';
import { useBoardFilters } from '../hooks/use-board-filters';
import { useBoardRealtime } from '../hooks/use-board-realtime';
import type { ActionCardRow } from '../types';
import { localDay } from '../utils/format';
import { BoardFiltersBar } from './board-filters';
import { CardDialog, type CardDialogState } from './card-dialog';
import { KanbanBoard } from './kanban-board';
import { PresenceAvatars } from './presence-avatars';
import { QuickAddDialog } from './quick-add-dialog';
import { RevertDialog } from './revert-dialog';

const EMPTY_SIGNALS = {};

function BoardSkeleton() {
  return (
    <div className="flex gap-3" aria-busy="true" aria-label="Loading the board">
      {[0, 1, 2, 3].map((i) => (
        <div key={i} className="flex min-w-[16rem] flex-1 flex-col gap-2 rounded-xl border bg-slate-100/70 p-3">
          <Skeleton className="h-4 w-28" />
          {[0, 1, 2].map((j) => (
            <Skeleton key={j} className="h-28 w-full" />
          ))}
        </div>
      ))}
    </div>
  );
}

/**
 * The Kanban board of marketer actions, for the whole workspace (`campaignId` null) or one campaign: filters in
 * the URL, drag and drop with optimistic moves, quick-add from templates, revert, realtime and presence.
 */
export function ActionBoard({
  campaignId,
  title,
  description,
  eyebrow,
}: {
  campaignId: string | null;
  title?: ReactNode;
  description?: ReactNode;
  eyebrow?: ReactNode;
}) {
  const { workspace, canWrite } = useCurrentWorkspace();
  const user = useUser();
  const me = useMemo(() => ({ userId: user.id, name: userDisplayName(user) }), [user]);
  const workspaceId = workspace.id;

  const cards = useBoardCards(workspaceId, campaignId);
  const campaigns = useBoardCampaigns(workspaceId);
  const people = useBoardPeople(workspaceId);
  const signals = useCardSignals(workspaceId);
  const [filters, setFilters, clearFilters] = useBoardFilters();
  const { viewers, live } = useBoardRealtime(workspaceId, campaignId ?? 'all', me);
  const move = useMoveCard(workspaceId);
  const revert = useRevertCard(workspaceId);

  const [dialog, setDialog] = useState<CardDialogState>(null);
  const [revertTarget, setRevertTarget] = useState<{ card: ActionCardRow; beforeId: string | null } | null>(null);

  const campaignList = useMemo(() => campaigns.data ?? [], [campaigns.data]);
  const campaignNames = useMemo(() => new Map(campaignList.map((c) => [c.id, c.name])), [campaignList]);
  const authorNames = useMemo(() => new Map((people.data ?? []).map((p) => [p.id, p.name])), [people.data]);
  const allCards = useMemo(() => cards.data ?? [], [cards.data]);
  const effectiveFilters = useMemo(() => (campaignId ? { ...filters, campaignId: null } : filters), [campaignId, filters]);
  const visibleCards = useMemo(() => allCards.filter((c) => matchesFilters(c, effectiveFilters, localDay)), [allCards, effectiveFilters]);
  const campaign = campaignId ? campaignList.find((c) => c.id === campaignId) : undefined;

  const onMove = useCallback((request: MoveRequest) => move.mutate(request), [move]);
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
  const emptyColumnText = useCallback(
    (column: BoardColumnId) =>
      ({
        planned: canWrite ? 'Nothing planned. Use Quick add to queue a change.' : 'Nothing planned.',
        in_progress: 'Drag a card here when the change starts rolling out.',
        completed: 'Completed changes land here with the time they went live.',
        reverted: 'Changes that were undone end up here.',
      })[column],
    [canWrite],
  );

  const revertCandidates = useMemo(
    () =>
      revertTarget
        ? allCards.filter(
            (c) => c.campaign_id === revertTarget.card.campaign_id && c.id !== revertTarget.card.id && c.status !== 'reverted' && !c.reverts_action_id,
          )
        : [],
    [allCards, revertTarget],
  );

  const defaultCampaignId = campaignId ?? filters.campaignId;
  const headerActions = (
    <>
      <PresenceAvatars viewers={viewers} meId={me.userId} live={live} />
      {canWrite ? (
        <>
          <Button variant="outline" onClick={() => setDialog({ kind: 'create' })} disabled={campaignList.length === 0}>
            <Plus aria-hidden />
            New action
          </Button>
          {campaignList.length > 0 ? (
            <QuickAddDialog workspaceId={workspaceId} campaigns={campaignList} lockedCampaignId={campaignId} defaultCampaignId={defaultCampaignId} />
          ) : null}
        </>
      ) : (
        <Badge variant="neutral" className="h-7">
          <Eye aria-hidden />
          View only
        </Badge>
      )}
    </>
  );

  const header = (
    <PageHeader
      eyebrow={eyebrow}
      title={title ?? campaign?.name ?? 'Board'}
      description={description ?? 'Every change marketers make, from planned to live to reverted, with the alerts it triggered.'}
      actions={headerActions}
    />
  );

  if (cards.isError || campaigns.isError) {
    return (
      <>
        {header}
        <Alert variant="destructive">
          <AlertTitle>The board could not be loaded</AlertTitle>
          <AlertDescription className="flex items-center justify-between gap-4">
            {errorMessage(cards.error ?? campaigns.error)}
            <Button variant="outline" size="sm" onClick={() => void Promise.all([cards.refetch(), campaigns.refetch()])}>
              <RotateCw aria-hidden />
              Try again
            </Button>
          </AlertDescription>
        </Alert>
      </>
    );
  }

  if (cards.isPending || campaigns.isPending) {
    return (
      <>
        {header}
        <BoardSkeleton />
      </>
    );
  }

  if (campaignList.length === 0) {
    return (
      <>
        {header}
        <EmptyState
          icon={Megaphone}
          title="No campaigns yet"
          description="Action cards belong to a campaign. Create one, then log every creative, targeting and budget change here."
          action={
            canWrite ? (
              <Button asChild>
                <Link to="/campaigns/new">New campaign</Link>
              </Button>
            ) : null
          }
        />
      </>
    );
  }

  if (campaignId && !campaign) {
    return (
      <>
        {header}
        <EmptyState icon={Megaphone} title="Campaign not found" description="It may have been deleted, or it belongs to another workspace." />
      </>
    );
  }

  return (
    <>
      {header}
      <BoardFiltersBar
        filters={filters}
        onChange={setFilters}
        onClear={clearFilters}
        campaigns={campaignList}
        showCampaign={!campaignId}
        shown={visibleCards.length}
        total={allCards.length}
      />
      <KanbanBoard
        cards={visibleCards}
        campaignNames={campaignNames}
        authorNames={authorNames}
        signals={signals.data ?? EMPTY_SIGNALS}
        canWrite={canWrite}
        showCampaign={!campaignId}
        onMove={onMove}
        onRevertRequest={onRevertRequest}
        onOpen={onOpen}
        onRevert={onRevert}
        emptyColumnText={emptyColumnText}
      />
      <CardDialog
        state={dialog}
        onClose={() => setDialog(null)}
        workspaceId={workspaceId}
        campaigns={campaignList}
        lockedCampaignId={campaignId}
        defaultCampaignId={defaultCampaignId}
        canWrite={canWrite}
        authorName={(card) => (card.created_by ? (authorNames.get(card.created_by) ?? null) : null)}
        revertsTitle={(card) => (card.reverts_action_id ? (byId.get(card.reverts_action_id)?.title ?? 'another card') : null)}
        onRevert={(card) => {
          setDialog(null);
          setRevertTarget({ card, beforeId: null });
        }}
      />
      <RevertDialog
        key={revertTarget?.card.id ?? 'none'}
        card={revertTarget?.card ?? null}
        candidates={revertCandidates}
        pending={revert.isPending}
        onClose={() => setRevertTarget(null)}
        onConfirm={(revertingCardId) => {
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
        }}
      />
    </>
  );
}
