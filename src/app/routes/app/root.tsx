import { LogOut } from 'lucide-react';
import { Outlet } from 'react-router-dom';
import { Button } from '@/components/ui/button';
import { RequireAuth, useSignOut } from '@/features/auth';
import { WorkspaceGate } from '@/features/workspaces';
import { AppShell } from '../../layout/app-shell';

function SignOutButton() {
  const signOut = useSignOut();
  return (
    <Button variant="ghost" onClick={() => signOut.mutate()} loading={signOut.isPending}>
      <LogOut aria-hidden />
      Sign out
    </Button>
  );
}

/** Every signed-in page: session required, a current workspace chosen, inside the app shell. */
function AppRoot() {
  return (
    <RequireAuth>
      <WorkspaceGate signOutButton={<SignOutButton />}>
        <AppShell>
          <Outlet />
        </AppShell>
      </WorkspaceGate>
    </RequireAuth>
  );
}

export { AppRoot as Component };
