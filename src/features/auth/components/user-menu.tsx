import { ChevronDown, LogOut } from 'lucide-react';
import { Avatar, AvatarFallback } from '@/components/ui/avatar';
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
import { userDisplayName, useUser } from '@/hooks/use-session';
import { initials } from '@/lib/format';
import { ROLE_LABELS } from '@/lib/roles';
import { useSignOut } from '../api/sign-out';

/** Avatar button in the top bar: who is signed in, their role here, and sign out. */
export function UserMenu() {
  const user = useUser();
  const { role, workspace } = useCurrentWorkspace();
  const signOut = useSignOut();
  const name = userDisplayName(user);

  return (
    <DropdownMenu>
      <DropdownMenuTrigger
        className="flex items-center gap-2 rounded-full py-1 pl-1 pr-2 text-sm outline-none transition-colors hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring"
        data-testid="user-menu"
      >
        {/* Named by its content, "<name> (user menu)": a voice-control user says what they see. */}
        <Avatar className="size-8" aria-hidden>
          <AvatarFallback>{initials(name)}</AvatarFallback>
        </Avatar>
        <span className="sr-only md:hidden">{name}</span>
        <span className="hidden max-w-[10rem] truncate font-medium text-foreground md:inline">{name}</span>
        <span className="sr-only">(user menu)</span>
        <ChevronDown className="hidden size-4 text-muted-foreground md:inline" aria-hidden />
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
