import { LogOut } from 'lucide-react';
import { useRef } from 'react';
import { Badge } from '@/components/ui/badge';
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
import { userDisplayName, useUser } from '@/hooks/use-session';
import { ROLE_LABELS } from '@/lib/roles';
import { useSignOut } from '../api/sign-out';
import { UserMenuTriggerContent, userMenuTriggerClass } from './user-menu-trigger';

/** UserMenu's real menu, loaded after first paint; starts as its stand-in was left. */
export function UserMenuPopup({ activation }: { activation: PopupActivation | null }) {
  const user = useUser();
  const { role, workspace } = useCurrentWorkspace();
  const signOut = useSignOut();
  const name = userDisplayName(user);
  const trigger = useRef<HTMLButtonElement>(null);
  useFocusOnMount(trigger, activation);

  return (
    <DropdownMenu defaultOpen={activation?.open}>
      <DropdownMenuTrigger ref={trigger} className={userMenuTriggerClass} data-testid="user-menu">
        <UserMenuTriggerContent name={name} />
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="w-64">
        <DropdownMenuLabel className="font-normal">
          <p className="truncate text-sm font-medium text-foreground">{name}</p>
          <p className="truncate text-xs text-muted-foreground">{user.email}</p>
          <div className="mt-2 flex items-center gap-1.5 text-xs text-muted-foreground">
            <Badge variant="secondary">{ROLE_LABELS[role]}</Badge>
            <span className="truncate">in {workspace.name}</span>
          </div>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem
          variant="destructive"
          disabled={signOut.isPending}
          onSelect={() => signOut.mutate()}
          data-testid="sign-out"
        >
          <LogOut aria-hidden />
          Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
