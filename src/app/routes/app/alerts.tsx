import { AlertsDashboard } from '@/features/alerts';
import { EffectLibrary } from '@/features/effects';
import { useCurrentWorkspace } from '@/hooks/use-current-workspace';
import { PageHeader } from '@/components/ui/page-header';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** The alert dashboard: active alerts by severity with their one-click fixes, and the history of closed ones. */
function AlertsRoute() {
  useDocumentTitle('Alerts');
  const { workspace } = useCurrentWorkspace();
  return (
    <>
      <PageHeader title="Alerts" description="When a metric moves after an action, the alert names the likely cause and the fix." />
      <AlertsDashboard />
      <div className="mt-8">
        <EffectLibrary workspaceId={workspace.id} />
      </div>
    </>
  );
}

export { AlertsRoute as Component };
