import { PageHeader } from '@/components/ui/page-header';
import { SettingsPage } from '@/features/settings';
import { useCurrentWorkspace } from '@/hooks/use-current-workspace';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** Workspace settings: members and roles (admins manage them), website tracking keys. */
function SettingsRoute() {
  useDocumentTitle('Settings');
  const { workspace } = useCurrentWorkspace();
  return (
    <>
      <PageHeader title="Settings" description={`Members and website tracking for ${workspace.name}.`} />
      <SettingsPage />
    </>
  );
}

export { SettingsRoute as Component };
