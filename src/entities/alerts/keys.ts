/**
 * Query keys of alerts, the one factory every feature reads alerts through. `workspace(id)` prefixes every list and
 * detail, so one invalidation (a status change, a realtime event) refreshes the alerts page, the ops page and the
 * board's badges together.
 */
export const alertKeys = {
  all: ['alerts'] as const,
  workspace: (workspaceId: string) => [...alertKeys.all, workspaceId] as const,
  list: (workspaceId: string, view: 'active' | 'history') => [...alertKeys.workspace(workspaceId), 'list', view] as const,
  detail: (workspaceId: string, alertId: string) => [...alertKeys.workspace(workspaceId), 'detail', alertId] as const,
};
