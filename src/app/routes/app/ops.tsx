import { Gauge } from 'lucide-react';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** Placeholder: the ops dashboard (KPIs, ranking, funnel, recommendations, job and audit logs) slots in here. */
function OpsRoute() {
  useDocumentTitle('Ops');
  return (
    <>
      <PageHeader title="Ops" description="Drift and performance across campaigns, recommendations and the decision log." />
      <EmptyState
        icon={Gauge}
        title="Ops dashboard coming soon"
        description="KPI tiles, campaign ranking and drilldown, the funnel, recommendations with accept/reject, analysis runs and the audit log."
      />
    </>
  );
}

export { OpsRoute as Component };
