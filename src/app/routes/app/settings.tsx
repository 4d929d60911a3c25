import { PageHeader } from '@/components/ui/page-header';
import { MetaConnectionsSection } from '@/features/meta';
import { SettingsPage } from '@/features/settings';
import { useCurrentWorkspace } from '@/hooks/use-current-workspace';
import { useDocumentTitle } from '@/hooks/use-document-title';

/** Workspace settings: members and roles (admins manage them), website tracking keys, Meta ad accounts. */
function SettingsRoute() {
  useDocumentTitle('Settings');
  const { workspace } = useCurrentWorkspace();
  return (
    <>
      <PageHeader title="Settings" description={`Members, Meta Ads and website tracking for ${workspace.name}.`} />
      <div className="grid gap-6">
        <SettingsPage />
        <MetaConnectionsSection />
      </div>
    </>
  );
}

export { SettingsRoute as Component };
