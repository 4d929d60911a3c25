import { BellRing } from 'lucide-react';
import { EmptyState } from '@/components/ui/empty-state';
import { PageHeader } from '@/components/ui/page-header';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** Placeholder: the alert dashboard (active and resolved AI alerts) slots in here. */
function AlertsRoute() {
  useDocumentTitle('Alerts');
  return (
    <>
      <PageHeader title="Alerts" description="When a metric moves after an action, the alert names the likely cause and the fix." />
      <EmptyState
        icon={BellRing}
        title="Alerts coming soon"
        description="Severity, before-and-after impact, the action → metric timeline and one-click reverts will show here."
      />
    </>
  );
}

export { AlertsRoute as Component };
