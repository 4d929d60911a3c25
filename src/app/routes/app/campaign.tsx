import { CircleAlert, Pencil, SquareKanban } from 'lucide-react';
import { Link, useParams } from 'react-router-dom';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { PageHeader } from '@/components/ui/page-header';
import { Skeleton } from '@/components/ui/skeleton';
import { CampaignSummary, FeasibilityPanel, useCampaign } from '@/features/campaigns';
import { CampaignEffects } from '@/features/effects';
import { ExecutionSection } from '@/features/execution';
import { CampaignMetaPanel } from '@/features/meta';
import { useCurrentWorkspace } from '@/hooks/use-current-workspace';
import { useDocumentTitle } from '@/hooks/use-document-title';
import { DECISION_LABELS, DECISION_VARIANTS, STATUS_LABELS, STATUS_VARIANTS } from '@/lib/campaign-labels';
import { errorMessage } from '@/lib/utils';

/** A campaign: intent, feasibility and decision gate, execution tracker, drift, intent vs execution. */
function CampaignRoute() {
  const { id = '' } = useParams<{ id: string }>();
  const campaign = useCampaign(id);
  const { workspace, canWrite, isOpsHead } = useCurrentWorkspace();
  useDocumentTitle(campaign.data?.name ?? 'Campaign');

  if (campaign.isPending) return <Skeleton className="h-96" />;
  if (campaign.error || !campaign.data) {
    return (
      <Alert variant="destructive">
        <CircleAlert aria-hidden />
        <AlertDescription>{campaign.error ? errorMessage(campaign.error) : 'Campaign not found in this workspace.'}</AlertDescription>
      </Alert>
    );
  }
  const c = campaign.data;
  return (
    <>
      <PageHeader
        eyebrow={<Link to="/campaigns" className="hover:text-foreground">Campaigns</Link>}
        title={c.name}
        description={
          <span className="flex flex-wrap items-center gap-2">
            <Badge variant={STATUS_VARIANTS[c.status]} data-testid="campaign-status">
              {STATUS_LABELS[c.status] ?? c.status}
            </Badge>
            {c.decision ? (
              <Badge variant={DECISION_VARIANTS[c.decision]} data-testid="campaign-decision">
                Gate: {DECISION_LABELS[c.decision]}
              </Badge>
            ) : (
              <span>Awaiting the decision gate</span>
            )}
          </span>
        }
        actions={
          <>
            {c.status === 'draft' && canWrite ? (
              <Button variant="outline" asChild>
                <Link to={`/campaigns/new?draft=${c.id}`}>
                  <Pencil aria-hidden />
                  Edit plan
                </Link>
              </Button>
            ) : null}
            <Button variant="outline" asChild>
              <Link to={`/campaigns/${c.id}/kanban`}>
                <SquareKanban aria-hidden />
                Action board
              </Link>
            </Button>
          </>
        }
      />
      <div className="grid gap-6">
        <CampaignSummary campaign={c} />
        <CampaignMetaPanel campaign={c} canWrite={canWrite} />
        <FeasibilityPanel campaignId={c.id} canAssess={canWrite} isOpsHead={isOpsHead} />
        <ExecutionSection campaign={c} canWrite={canWrite} />
        <CampaignEffects workspaceId={workspace.id} campaignId={c.id} />
      </div>
    </>
  );
}

export { CampaignRoute as Component };
