import { Eye, Plus } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import type { BoardCampaign, BoardViewer } from '../types';
import { PresenceAvatars } from './presence-avatars';
import { QuickAddDialog } from './quick-add-dialog';

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
            <QuickAddDialog workspaceId={workspaceId} campaigns={campaigns} lockedCampaignId={lockedCampaignId} defaultCampaignId={defaultCampaignId} />
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
