import { ClipboardList } from 'lucide-react';
import { Link } from 'react-router-dom';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** Placeholder: the campaign intent + blueprint form slots in here. */
function CampaignNewRoute() {
  useDocumentTitle('New campaign');
  return (
    <>
      <PageHeader
        eyebrow={<Link to="/campaigns" className="hover:text-foreground">Campaigns</Link>}
        title="New campaign"
        description="Capture the intent (objective, budget, KPI target) and the execution blueprint, phase by phase."
      />
      <EmptyState
        icon={ClipboardList}
        title="Campaign planner coming soon"
        description="You'll define intent, phases and the success definition here, then get a feasibility score and a decision gate."
        action={
          <Button variant="outline" asChild>
            <Link to="/campaigns">Back to campaigns</Link>
          </Button>
        }
      />
    </>
  );
}

export { CampaignNewRoute as Component };
