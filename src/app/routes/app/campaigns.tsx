import { Megaphone, Plus } from 'lucide-react';
import { Link } from 'react-router-dom';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { useCurrentWorkspace } from '@/hooks/use-current-workspace';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** Placeholder: the campaigns feature (list with status, drift and feasibility) slots in here. */
function CampaignsRoute() {
  useDocumentTitle('Campaigns');
  const { canWrite } = useCurrentWorkspace();
  const newButton = canWrite ? (
    <Button asChild>
      <Link to="/campaigns/new">
        <Plus aria-hidden />
        New campaign
      </Link>
    </Button>
  ) : null;

  return (
    <>
      <PageHeader title="Campaigns" description="Every campaign's intent, execution blueprint, feasibility and drift." actions={newButton} />
      <EmptyState
        icon={Megaphone}
        title="Campaign list coming soon"
        description="Campaigns with their objective, primary KPI, launch date, status and drift will be listed here."
      />
    </>
  );
}

export { CampaignsRoute as Component };
