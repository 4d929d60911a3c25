import { Link, useParams } from 'react-router-dom';
import { ActionBoard } from '@/features/board';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** One campaign's Kanban of marketer actions. */
function CampaignKanbanRoute() {
  useDocumentTitle('Action board');
  const { id = '' } = useParams<{ id: string }>();
  return (
    <ActionBoard
      key={id}
      campaignId={id}
      eyebrow={
        <>
          <Link to="/campaigns" className="hover:text-foreground">
            Campaigns
          </Link>
          {' / '}
          <Link to={`/campaigns/${id}`} className="hover:text-foreground">
            Campaign
          </Link>
          {' / Action board'}
        </>
      }
      description="Drag action cards as work moves: planned, in progress, completed, reverted."
    />
  );
}

export { CampaignKanbanRoute as Component };
