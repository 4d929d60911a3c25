import { WORKSPACE_ROLES, type WorkspaceRole } from './db';

/** Narrows a role string from the database; unknown values fall back to the least-privileged `viewer`. */
export function toWorkspaceRole(value: unknown): WorkspaceRole {
  return (WORKSPACE_ROLES as readonly unknown[]).includes(value) ? (value as WorkspaceRole) : 'viewer';
}

/** Everyone but viewers may create and move action cards and log execution. */
export function canWrite(role: WorkspaceRole): boolean {
  return role !== 'viewer';
}

/** Ops heads (and admins) set decision gates, dismiss alerts and accept recommendations. */
export function isOpsHead(role: WorkspaceRole): boolean {
  return role === 'ops_head' || role === 'admin';
}

/** Only admins manage members and workspace settings. */
export function isAdmin(role: WorkspaceRole): boolean {
  return role === 'admin';
}

export const ROLE_LABELS: Record<WorkspaceRole, string> = {
  admin: 'Admin',
  ops_head: 'Ops head',
  marketer: 'Marketer',
  viewer: 'Viewer',
};
