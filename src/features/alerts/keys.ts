/** Query keys of the alerts feature. `workspace(id)` prefixes every list, so one invalidation refreshes them all. */
export const alertKeys = {
  all: ['alerts'] as const,
  workspace: (workspaceId: string) => [...alertKeys.all, workspaceId] as const,
  list: (workspaceId: string, view: 'active' | 'history') => [...alertKeys.workspace(workspaceId), 'list', view] as const,
  campaigns: (workspaceId: string) => [...alertKeys.workspace(workspaceId), 'campaigns'] as const,
  detail: (workspaceId: string, alertId: string) => [...alertKeys.workspace(workspaceId), 'detail', alertId] as const,
};
