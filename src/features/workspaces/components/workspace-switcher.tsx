import { lazy, Suspense, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { MenuTriggerStandIn } from '@/components/ui/menu-trigger-stand-in';
import { useCurrentWorkspace } from '@/hooks/use-current-workspace';
import { useDeferredPopup } from '@/hooks/use-deferred-popup';
import { useOpenedOnce } from '@/hooks/use-opened-once';
import { WorkspaceSwitcherTriggerContent, workspaceSwitcherTriggerClass } from './workspace-switcher-trigger';

// The menu's Radix code loads after first paint (useDeferredPopup).
const loadMenu = () => import('./workspace-switcher-menu');
// Rarely opened, so its chunk (the Radix dialog) stays out of every page's first load.
const CreateWorkspaceDialog = lazy(() => import('./create-workspace-dialog').then((m) => ({ default: m.CreateWorkspaceDialog })));

/** Top-bar control to see and change the current workspace, or create another one. */
export function WorkspaceSwitcher({ className }: { className?: string }) {
  const { workspace, role, selectWorkspace } = useCurrentWorkspace();
  const { module, activation, standInProps } = useDeferredPopup(loadMenu);
  const [creating, setCreating] = useState(false);
  const dialogMounted = useOpenedOnce(creating);
  const navigate = useNavigate();
  const { pathname } = useLocation();

  function switchTo(workspaceId: string) {
    if (workspaceId === workspace.id) return;
    selectWorkspace(workspaceId);
    // A campaign or alert id belongs to the old workspace: go back to the section's list.
    const section = pathname.split('/')[1];
    if (pathname.split('/').length > 2) navigate(section ? `/${section}` : '/');
  }

  return (
    <>
      {module ? (
        <module.WorkspaceSwitcherMenu className={className} activation={activation} onSwitch={switchTo} onCreate={() => setCreating(true)} />
      ) : (
        <MenuTriggerStandIn data-testid="workspace-switcher" className={workspaceSwitcherTriggerClass(className)} {...standInProps}>
          <WorkspaceSwitcherTriggerContent name={workspace.name} role={role} />
        </MenuTriggerStandIn>
      )}
      {dialogMounted ? (
        <Suspense fallback={null}>
          <CreateWorkspaceDialog
            open={creating}
            onOpenChange={setCreating}
            onCreated={(created) => {
              selectWorkspace(created.id);
              navigate('/');
            }}
          />
        </Suspense>
      ) : null}
    </>
  );
}
