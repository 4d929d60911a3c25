import { SquareKanban } from 'lucide-react';
import { Link, useParams } from 'react-router-dom';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** Placeholder: one campaign's Kanban of marketer actions slots in here. */
function CampaignKanbanRoute() {
  useDocumentTitle('Action board');
  const { id = '' } = useParams<{ id: string }>();
  return (
    <>
      <PageHeader
        eyebrow={<Link to={`/campaigns/${id}`} className="hover:text-foreground">Campaign</Link>}
        title="Action board"
        description="Drag action cards as work moves: planned, in progress, completed, reverted."
      />
      <EmptyState
        icon={SquareKanban}
        title="Campaign board coming soon"
        description="Creative changes, budget moves and targeting updates for this campaign, timestamped, with alerts on the cards that hurt performance."
      />
    </>
  );
}

export { CampaignKanbanRoute as Component };
