import { LineChart, SquareKanban } from 'lucide-react';
import { Link, useParams } from 'react-router-dom';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** Placeholder: campaign detail (phases, drift timeline, feasibility, performance, correlations) slots in here. */
function CampaignRoute() {
  useDocumentTitle('Campaign');
  const { id = '' } = useParams<{ id: string }>();
  return (
    <>
      <PageHeader
        eyebrow={<Link to="/campaigns" className="hover:text-foreground">Campaigns</Link>}
        title="Campaign"
        description={<span className="font-mono text-xs">{id}</span>}
        actions={
          <Button variant="outline" asChild>
            <Link to={`/campaigns/${id}/kanban`}>
              <SquareKanban aria-hidden />
              Action board
            </Link>
          </Button>
        }
      />
      <EmptyState
        icon={LineChart}
        title="Campaign detail coming soon"
        description="Phases against plan, drift and the first point of failure, feasibility, performance and the actions that moved it."
      />
    </>
  );
}

export { CampaignRoute as Component };
