import { PageHeader } from '@/components/ui/page-header';
import { OpsDashboard } from '@/features/ops';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** The ops head's review: KPIs, campaign ranking and drilldown, alerts, recommendations, job and audit logs. */
function OpsRoute() {
  useDocumentTitle('Ops');
  return (
    <>
      <PageHeader title="Ops" description="Drift and performance across campaigns, recommendations and the decision log." />
      <OpsDashboard />
    </>
  );
}

export { OpsRoute as Component };
