import { matchesFilters, type BoardColumnId, type MoveRequest } from '@domain/board.ts';
import { Suspense, useCallback, useEffect, useMemo, type ReactNode } from 'react';
import { PageHeader } from '@/components/ui/page-header';
import { useCurrentWorkspace } from '@/hooks/use-current-workspace';
import { useOpenedOnce } from '@/hooks/use-opened-once';
import { userDisplayName, useUser } from '@/hooks/use-session';
import { useBoardCampaigns } from '../api/get-board-campaigns';
import { useBoardCards } from '../api/get-board-cards';
import { useBoardPeople } from '../api/get-board-people';
import { useCardSignals } from '../api/get-card-signals';
import { useMoveCard } from '../api/move-card';
import { useBoardDialogs } from '../hooks/use-board-dialogs';
import { useBoardFilters } from '../hooks/use-board-filters';
import { useBoardRealtime } from '../hooks/use-board-realtime';
import { localDay } from '../utils/format';
import { BoardFiltersBar } from './board-filters';
import { BoardHeaderActions } from './board-header-actions';
import { BoardLoadError, BoardSkeleton, CampaignNotFound, NoCampaignsYet } from './board-states';
import { KanbanBoard } from './kanban-board';
import { LazyCardDialog, LazyRevertDialog, preloadBoardDialogs } from './lazy-dialogs';

const EMPTY_SIGNALS = {};

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

  const campaignList = useMemo(() => campaigns.data ?? [], [campaigns.data]);
  const campaignNames = useMemo(() => new Map(campaignList.map((c) => [c.id, c.name])), [campaignList]);
  const authorNames = useMemo(() => new Map((people.data ?? []).map((p) => [p.id, p.name])), [people.data]);
  const allCards = useMemo(() => cards.data ?? [], [cards.data]);
  const effectiveFilters = useMemo(() => (campaignId ? { ...filters, campaignId: null } : filters), [campaignId, filters]);
  const visibleCards = useMemo(() => allCards.filter((c) => matchesFilters(c, effectiveFilters, localDay)), [allCards, effectiveFilters]);
  const campaign = campaignId ? campaignList.find((c) => c.id === campaignId) : undefined;
  const dialogs = useBoardDialogs(workspaceId, allCards);
  const cardDialogMounted = useOpenedOnce(dialogs.dialog !== null);
  const revertDialogMounted = useOpenedOnce(dialogs.revertTarget !== null);
  const cardsShown = cards.isSuccess;
  useEffect(() => {
    if (cardsShown) return preloadBoardDialogs();
  }, [cardsShown]);

  const onMove = useCallback((request: MoveRequest) => move.mutate(request), [move]);
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

  const defaultCampaignId = campaignId ?? filters.campaignId;
  const header = (
    <PageHeader
      eyebrow={eyebrow}
      title={title ?? campaign?.name ?? 'Board'}
      description={description ?? 'Every change marketers make, from planned to live to reverted, with the alerts it triggered.'}
      actions={
        <BoardHeaderActions
          viewers={viewers}
          meId={me.userId}
          live={live}
          canWrite={canWrite}
          workspaceId={workspaceId}
          campaigns={campaignList}
          lockedCampaignId={campaignId}
          defaultCampaignId={defaultCampaignId}
          onNewAction={dialogs.onCreate}
        />
      }
    />
  );

  const blocked =
    cards.isError || campaigns.isError ? (
      <BoardLoadError error={cards.error ?? campaigns.error} onRetry={() => void Promise.all([cards.refetch(), campaigns.refetch()])} />
    ) : cards.isPending || campaigns.isPending ? (
      <BoardSkeleton />
    ) : campaignList.length === 0 ? (
      <NoCampaignsYet canWrite={canWrite} />
    ) : campaignId && !campaign ? (
      <CampaignNotFound />
    ) : null;
  if (blocked) {
    return (
      <>
        {header}
        {blocked}
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
        onRevertRequest={dialogs.onRevertRequest}
        onOpen={dialogs.onOpen}
        onRevert={dialogs.onRevert}
        emptyColumnText={emptyColumnText}
      />
      {/* Separate boundaries: one dialog's chunk loading never hides the other. */}
      <Suspense fallback={null}>
        {cardDialogMounted ? (
          <LazyCardDialog
            state={dialogs.dialog}
            onClose={dialogs.closeDialog}
            workspaceId={workspaceId}
            campaigns={campaignList}
            lockedCampaignId={campaignId}
            defaultCampaignId={defaultCampaignId}
            canWrite={canWrite}
            authorName={(card) => (card.created_by ? (authorNames.get(card.created_by) ?? null) : null)}
            revertsTitle={(card) => (card.reverts_action_id ? (dialogs.byId.get(card.reverts_action_id)?.title ?? 'another card') : null)}
            onRevert={dialogs.revertFromDialog}
          />
        ) : null}
      </Suspense>
      <Suspense fallback={null}>
        {revertDialogMounted ? (
          <LazyRevertDialog
            key={dialogs.revertTarget?.card.id ?? 'none'}
            card={dialogs.revertTarget?.card ?? null}
            candidates={dialogs.revertCandidates}
            pending={dialogs.revertPending}
            onClose={dialogs.closeRevert}
            onConfirm={dialogs.confirmRevert}
          />
        ) : null}
      </Suspense>
    </>
  );
}
