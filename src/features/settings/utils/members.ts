import { WORKSPACE_ROLES, type WorkspaceRole } from '@/lib/db';

type Sortable = { role: WorkspaceRole; fullName: string | null; email: string | null };

/** Name to show for a member: the profile's full name, else the email, else a placeholder. */
export function memberDisplayName(member: Pick<Sortable, 'fullName' | 'email'>): string {
  return member.fullName?.trim() || member.email || 'Unknown member';
}

/** Strongest role first (admins on top), then alphabetically by display name. */
export function sortMembers<T extends Sortable>(members: T[]): T[] {
  return [...members].sort(
    (a, b) => WORKSPACE_ROLES.indexOf(a.role) - WORKSPACE_ROLES.indexOf(b.role) || memberDisplayName(a).localeCompare(memberDisplayName(b)),
  );
}

/** How many admins the list holds: the UI warns before the last one is demoted or removed (the database refuses). */
export function adminCount(members: readonly { role: WorkspaceRole }[]): number {
  return members.filter((m) => m.role === 'admin').length;
}
