import { BellRing } from 'lucide-react';
import { Link, useParams } from 'react-router-dom';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** Placeholder: one alert with its correlation evidence and suggested action slots in here. */
function AlertRoute() {
  useDocumentTitle('Alert');
  const { id = '' } = useParams<{ id: string }>();
  return (
    <>
      <PageHeader
        eyebrow={<Link to="/alerts" className="hover:text-foreground">Alerts</Link>}
        title="Alert"
        description={<span className="font-mono text-xs">{id}</span>}
      />
      <EmptyState
        icon={BellRing}
        title="Alert detail coming soon"
        description="The correlated action, the metric's counterfactual, confidence and the suggested next step."
      />
    </>
  );
}

export { AlertRoute as Component };
