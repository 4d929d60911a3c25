import { resolveThresholds } from '@domain/thresholds.ts';
import { CircleAlert, RotateCw } from 'lucide-react';
import { lazy, Suspense, useCallback, useMemo, useState, type ReactNode } from 'react';
import { Button } from '@/components/ui/button';
import { PageSpinner } from '@/components/ui/spinner';
import { CurrentWorkspaceContext, type CurrentWorkspace } from '@/hooks/use-current-workspace';
import { useUser } from '@/hooks/use-session';
import { canWrite, isAdmin, isOpsHead } from '@/lib/roles';
import { errorMessage } from '@/lib/utils';
import { useMemberships } from '../api/get-memberships';
import { pickCurrentMembership, readStoredWorkspaceId, storeWorkspaceId } from '../utils/current-workspace';

// Only a user without a workspace sees it (once), so it is not part of every page's first load.
const CreateWorkspaceScreen = lazy(() => import('./create-workspace-screen').then((m) => ({ default: m.CreateWorkspaceScreen })));

/**
 * Loads the signed-in user's workspaces and provides the current one (useCurrentWorkspace) to everything
 * below. With no workspace yet it shows "Create your workspace" instead of its children.
 */
export function WorkspaceGate({ children, signOutButton }: { children: ReactNode; signOutButton?: ReactNode }) {
  const user = useUser();
  const memberships = useMemberships(user.id);
  const [preferredId, setPreferredId] = useState(() => readStoredWorkspaceId(user.id));

  const selectWorkspace = useCallback(
    (workspaceId: string) => {
      storeWorkspaceId(user.id, workspaceId);
      setPreferredId(workspaceId);
    },
    [user.id],
  );

  const value = useMemo<CurrentWorkspace | null>(() => {
    const list = memberships.data ?? [];
    const current = pickCurrentMembership(list, preferredId);
    if (!current) return null;
    return {
      workspace: current.workspace,
      role: current.role,
      thresholds: resolveThresholds(current.workspace.thresholdOverrides),
      canWrite: canWrite(current.role),
      isOpsHead: isOpsHead(current.role),
      isAdmin: isAdmin(current.role),
      memberships: list,
      selectWorkspace,
    };
  }, [memberships.data, preferredId, selectWorkspace]);

  if (memberships.isPending) return <PageSpinner className="min-h-screen" label="Loading your workspaces" />;

  if (memberships.isError) {
    return (
      <div className="flex min-h-screen flex-col items-center justify-center gap-4 bg-slate-50 p-6 text-center">
        <div className="flex size-12 items-center justify-center rounded-full bg-red-50 text-red-600">
          <CircleAlert className="size-6" aria-hidden />
        </div>
        <div>
          <h1 className="text-lg font-semibold">We couldn't load your workspaces</h1>
          <p className="mt-1 max-w-md text-sm text-muted-foreground">{errorMessage(memberships.error)}</p>
        </div>
        <div className="flex gap-2">
          <Button variant="outline" onClick={() => void memberships.refetch()} loading={memberships.isFetching}>
            <RotateCw aria-hidden />
            Try again
          </Button>
          {signOutButton}
        </div>
      </div>
    );
  }

  if (!value) {
    return (
      <Suspense fallback={<PageSpinner className="min-h-screen" label="Loading your workspaces" />}>
        <CreateWorkspaceScreen onCreated={(workspace) => selectWorkspace(workspace.id)} onJoined={selectWorkspace} signOutButton={signOutButton} />
      </Suspense>
    );
  }

  return <CurrentWorkspaceContext.Provider value={value}>{children}</CurrentWorkspaceContext.Provider>;
}
