import { AlertsDashboard } from '@/features/alerts';
import { PageHeader } from '@/components/ui/page-header';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** The alert dashboard: active alerts by severity with their one-click fixes, and the history of closed ones. */
function AlertsRoute() {
  useDocumentTitle('Alerts');
  return (
    <>
      <PageHeader title="Alerts" description="When a metric moves after an action, the alert names the likely cause and the fix." />
      <AlertsDashboard />
    </>
  );
}

export { AlertsRoute as Component };
