import type { WorkspaceMembership } from '@/hooks/use-current-workspace';

const storageKey = (userId: string) => `mot:current-workspace:${userId}`;

/** The workspace this user last worked in on this browser, if any. */
export function readStoredWorkspaceId(userId: string): string | null {
  try {
    return globalThis.localStorage?.getItem(storageKey(userId)) ?? null;
  } catch {
    return null; // storage disabled (private mode, sandboxed iframe)
  }
}

export function storeWorkspaceId(userId: string, workspaceId: string): void {
  try {
    globalThis.localStorage?.setItem(storageKey(userId), workspaceId);
  } catch {
    // Not remembering the choice is harmless.
  }
}

/** The remembered workspace if the user still belongs to it, else the first one (memberships come sorted). */
export function pickCurrentMembership(memberships: WorkspaceMembership[], preferredId: string | null): WorkspaceMembership | null {
  return memberships.find((m) => m.workspace.id === preferredId) ?? memberships[0] ?? null;
}
