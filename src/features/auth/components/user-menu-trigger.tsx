import { ChevronDown } from 'lucide-react';
import { Avatar, AvatarFallback } from '@/components/ui/avatar';
import { initials } from '@/lib/format';

export const userMenuTriggerClass =
  'flex items-center gap-2 rounded-full py-1 pl-1 pr-2 text-sm outline-none transition-colors hover:bg-accent focus-visible:ring-2 focus-visible:ring-ring';

/** The user menu's button face, the same before and after the menu's Radix code loads. */
export function UserMenuTriggerContent({ name }: { name: string }) {
  return (
    <>
      {/* Named by its content, "<name> (user menu)": a voice-control user says what they see. */}
      <Avatar className="size-8" aria-hidden>
        <AvatarFallback>{initials(name)}</AvatarFallback>
      </Avatar>
      <span className="sr-only md:hidden">{name}</span>
      <span className="hidden max-w-[10rem] truncate font-medium text-foreground md:inline">{name}</span>
      <span className="sr-only">(user menu)</span>
      <ChevronDown className="hidden size-4 text-muted-foreground md:inline" aria-hidden />
    </>
  );
}
