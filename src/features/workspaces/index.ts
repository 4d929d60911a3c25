export { WorkspaceGate } from './components/workspace-gate';
export { WorkspaceSwitcher } from './components/workspace-switcher';
export { useMemberships, membershipsQueryOptions } from './api/get-memberships';
export { workspaceKeys } from './keys';
export { useCurrentWorkspace, useWorkspaceId } from '@/hooks/use-current-workspace';
export type { CurrentWorkspace, WorkspaceMembership } from '@/hooks/use-current-workspace';
