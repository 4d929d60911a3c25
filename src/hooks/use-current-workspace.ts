import type { ThresholdOverrides, Thresholds } from '@domain/thresholds.ts';
import { createContext, useContext } from 'react';
import type { WorkspaceRole } from '@/lib/db';

/** A workspace as the app carries it; `thresholdOverrides` are its `settings.thresholds` (null: the defaults). */
export type WorkspaceSummary = { id: string; name: string; thresholdOverrides?: ThresholdOverrides | null };

/** One workspace the user belongs to, with their role in it. */
export type WorkspaceMembership = { workspace: WorkspaceSummary; role: WorkspaceRole };

export type CurrentWorkspace = {
  workspace: WorkspaceSummary;
  role: WorkspaceRole;
  /** The domain thresholds with this workspace's overrides, so every view judges drift and confidence alike. */
  thresholds: Thresholds;
  /** Everyone but viewers: create and move action cards, log execution, edit campaigns. */
  canWrite: boolean;
  /** ops_head or admin: decision gates, dismiss alerts, accept recommendations. */
  isOpsHead: boolean;
  /** admin: members and workspace settings. */
  isAdmin: boolean;
  /** Every workspace the user belongs to (for switchers). */
  memberships: WorkspaceMembership[];
  /** Switches the current workspace (remembered per user in localStorage). */
  selectWorkspace: (workspaceId: string) => void;
};

/** Filled by the workspaces feature's WorkspaceGate (mounted by the protected layout route). */
export const CurrentWorkspaceContext = createContext<CurrentWorkspace | null>(null);

/** The workspace the user is working in. Only valid under the protected routes. */
export function useCurrentWorkspace(): CurrentWorkspace {
  const value = useContext(CurrentWorkspaceContext);
  if (!value) throw new Error('useCurrentWorkspace must be used inside <WorkspaceGate>');
  return value;
}

/** Shorthand for query keys and inserts: the current workspace id. */
export function useWorkspaceId(): string {
  return useCurrentWorkspace().workspace.id;
}
