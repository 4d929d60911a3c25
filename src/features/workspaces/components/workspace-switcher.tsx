import { Building2, Check, ChevronsUpDown, Plus } from 'lucide-react';
import { lazy, Suspense, useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { useCurrentWorkspace } from '@/hooks/use-current-workspace';
import { useOpenedOnce } from '@/hooks/use-opened-once';
import { ROLE_LABELS } from '@/lib/roles';
import { cn } from '@/lib/utils';

// Rarely opened, so its chunk (the Radix dialog) stays out of every page's first load.
const CreateWorkspaceDialog = lazy(() => import('./create-workspace-dialog').then((m) => ({ default: m.CreateWorkspaceDialog })));

/** Top-bar control to see and change the current workspace, or create another one. */
export function WorkspaceSwitcher({ className }: { className?: string }) {
  const { workspace, role, memberships, selectWorkspace } = useCurrentWorkspace();
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
      <DropdownMenu>
        <DropdownMenuTrigger
          data-testid="workspace-switcher"
          className={cn(
            'flex h-9 min-w-0 max-w-[22rem] items-center gap-2 rounded-md border border-input bg-background px-2.5 text-left text-sm shadow-sm outline-none transition-colors hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring',
            className,
          )}
        >
          <span className="flex size-5 shrink-0 items-center justify-center rounded bg-primary text-[10px] font-bold uppercase text-primary-foreground">
            {workspace.name.slice(0, 1)}
          </span>
          <span className="min-w-0 flex-1 truncate font-medium">{workspace.name}</span>
          <span className="hidden text-xs text-muted-foreground sm:inline">{ROLE_LABELS[role]}</span>
          <ChevronsUpDown className="size-4 shrink-0 text-muted-foreground" aria-hidden />
        </DropdownMenuTrigger>
        <DropdownMenuContent align="start" className="w-72">
          <DropdownMenuLabel>Workspaces</DropdownMenuLabel>
          {memberships.map((m) => (
            <DropdownMenuItem key={m.workspace.id} onSelect={() => switchTo(m.workspace.id)}>
              <Building2 className="text-muted-foreground" aria-hidden />
              <span className="min-w-0 flex-1 truncate">{m.workspace.name}</span>
              <span className="text-xs text-muted-foreground">{ROLE_LABELS[m.role]}</span>
              <Check className={cn('text-primary', m.workspace.id === workspace.id ? 'opacity-100' : 'opacity-0')} aria-hidden />
            </DropdownMenuItem>
          ))}
          <DropdownMenuSeparator />
          <DropdownMenuItem onSelect={() => setCreating(true)}>
            <Plus aria-hidden />
            New workspace
          </DropdownMenuItem>
        </DropdownMenuContent>
      </DropdownMenu>
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
