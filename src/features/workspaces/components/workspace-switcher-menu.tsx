import { Building2, Check, Plus } from 'lucide-react';
import { useRef } from 'react';
import {
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@/components/ui/dropdown-menu';
import { useCurrentWorkspace } from '@/hooks/use-current-workspace';
import { useFocusOnMount, type PopupActivation } from '@/hooks/use-deferred-popup';
import { ROLE_LABELS } from '@/lib/roles';
import { cn } from '@/lib/utils';
import { WorkspaceSwitcherTriggerContent, workspaceSwitcherTriggerClass } from './workspace-switcher-trigger';

/** WorkspaceSwitcher's real menu, loaded after first paint; starts as its stand-in was left. */
export function WorkspaceSwitcherMenu({
  className,
  activation,
  onSwitch,
  onCreate,
}: {
  className?: string;
  activation: PopupActivation | null;
  onSwitch: (workspaceId: string) => void;
  onCreate: () => void;
}) {
  const { workspace, role, memberships } = useCurrentWorkspace();
  const trigger = useRef<HTMLButtonElement>(null);
  useFocusOnMount(trigger, activation);

  return (
    <DropdownMenu defaultOpen={activation?.open}>
      <DropdownMenuTrigger ref={trigger} data-testid="workspace-switcher" className={workspaceSwitcherTriggerClass(className)}>
        <WorkspaceSwitcherTriggerContent name={workspace.name} role={role} />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="start" className="w-72">
        <DropdownMenuLabel>Workspaces</DropdownMenuLabel>
        {memberships.map((m) => (
          <DropdownMenuItem key={m.workspace.id} onSelect={() => onSwitch(m.workspace.id)}>
            <Building2 className="text-muted-foreground" aria-hidden />
            <span className="min-w-0 flex-1 truncate">{m.workspace.name}</span>
            <span className="text-xs text-muted-foreground">{ROLE_LABELS[m.role]}</span>
            <Check className={cn('text-primary', m.workspace.id === workspace.id ? 'opacity-100' : 'opacity-0')} aria-hidden />
          </DropdownMenuItem>
        ))}
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={onCreate}>
          <Plus aria-hidden />
          New workspace
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
