import { ChevronsUpDown } from 'lucide-react';
import type { WorkspaceRole } from '@/lib/db';
import { ROLE_LABELS } from '@/lib/roles';
import { cn } from '@/lib/utils';

export function workspaceSwitcherTriggerClass(className?: string): string {
  return cn(
    'flex h-9 min-w-0 max-w-[22rem] items-center gap-2 rounded-md border border-input bg-background px-2.5 text-left text-sm shadow-sm outline-none transition-colors hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring',
    className,
  );
}

/** The switcher's button face, the same before and after the menu's Radix code loads. */
export function WorkspaceSwitcherTriggerContent({ name, role }: { name: string; role: WorkspaceRole }) {
  return (
    <>
      <span className="flex size-5 shrink-0 items-center justify-center rounded bg-primary text-[10px] font-bold uppercase text-primary-foreground">
        {name.slice(0, 1)}
      </span>
      <span className="min-w-0 flex-1 truncate font-medium">{name}</span>
      <span className="hidden text-xs text-muted-foreground sm:inline">{ROLE_LABELS[role]}</span>
      <ChevronsUpDown className="size-4 shrink-0 text-muted-foreground" aria-hidden />
    </>
  );
}
