import { CircleAlert, Megaphone, Plus } from 'lucide-react';
import { Link } from 'react-router-dom';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { useWorkspaceCampaigns } from '@/entities/campaigns';
import { CampaignsTable } from '@/features/campaigns';
import { useCurrentWorkspace } from '@/hooks/use-current-workspace';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { errorMessage } from '@/lib/utils';

function CampaignsRoute() {
  useDocumentTitle('Campaigns');
  const { workspace, canWrite } = useCurrentWorkspace();
  const campaigns = useWorkspaceCampaigns(workspace.id);
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
      <PageHeader title="Campaigns" description="Every campaign's intent, decision gate and drift so far." actions={newButton} />
      {campaigns.isPending ? (
        <Skeleton className="h-48" />
      ) : campaigns.error ? (
        <Alert variant="destructive">
          <CircleAlert aria-hidden />
          <AlertDescription>Could not load campaigns: {errorMessage(campaigns.error)}</AlertDescription>
        </Alert>
      ) : campaigns.data.length === 0 ? (
        <EmptyState
          icon={Megaphone}
          title="No campaigns yet"
          description="Plan one with its intent, execution blueprint and success definition; the feasibility check and decision gate follow."
          action={newButton}
        />
      ) : (
        <CampaignsTable campaigns={campaigns.data} canWrite={canWrite} />
      )}
    </>
  );
}

export { CampaignsRoute as Component };
