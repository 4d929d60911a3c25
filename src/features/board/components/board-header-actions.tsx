import { Eye, Plus, Zap } from 'lucide-react';
import { Suspense, useRef, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { BoardCampaign, BoardViewer } from '../types';
import { PresenceAvatars } from './presence-avatars';
import { useOpenedOnce } from '@/hooks/use-opened-once';
import { LazyQuickAddDialog } from './lazy-dialogs';

/** Who else is here, and for writers the ways to add a card; readers see that the board is view only. */
export function BoardHeaderActions({
  viewers,
  meId,
  live,
  canWrite,
  workspaceId,
  campaigns,
  lockedCampaignId,
  defaultCampaignId,
  onNewAction,
}: {
  viewers: BoardViewer[];
  meId: string;
  live: boolean;
  canWrite: boolean;
  workspaceId: string;
  campaigns: BoardCampaign[];
  lockedCampaignId: string | null;
  defaultCampaignId: string | null;
  onNewAction: () => void;
}) {
  return (
    <>
      <PresenceAvatars viewers={viewers} meId={meId} live={live} />
      {canWrite ? (
        <>
          <Button variant="outline" onClick={onNewAction} disabled={campaigns.length === 0}>
            <Plus aria-hidden />
            New action
          </Button>
          {campaigns.length > 0 ? (
            <QuickAdd workspaceId={workspaceId} campaigns={campaigns} lockedCampaignId={lockedCampaignId} defaultCampaignId={defaultCampaignId} />
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
}

/** The Quick add button; its dialog (templates and the card form) loads on first use. */
function QuickAdd(props: { workspaceId: string; campaigns: BoardCampaign[]; lockedCampaignId: string | null; defaultCampaignId: string | null }) {
  const [open, setOpen] = useState(false);
  const mounted = useOpenedOnce(open);
  const button = useRef<HTMLButtonElement>(null);
  return (
    <>
      <Button ref={button} onClick={() => setOpen(true)} aria-haspopup="dialog" aria-expanded={open}>
        <Zap aria-hidden />
        Quick add
      </Button>
      {mounted ? (
        <Suspense fallback={null}>
          <LazyQuickAddDialog {...props} open={open} onOpenChange={setOpen} returnFocusTo={button} />
        </Suspense>
      ) : null}
    </>
  );
}
