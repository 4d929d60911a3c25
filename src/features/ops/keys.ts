/** Query keys of the ops feature. `workspace(id)` prefixes every query, so one invalidation refreshes the page. */
export const opsKeys = {
  all: ['ops'] as const,
  workspace: (workspaceId: string) => [...opsKeys.all, workspaceId] as const,
  snapshots: (workspaceId: string, from: string) => [...opsKeys.workspace(workspaceId), 'snapshots', from] as const,
  dailyMetrics: (workspaceId: string, campaignId: string, from: string) =>
    [...opsKeys.workspace(workspaceId), 'daily-metrics', campaignId, from] as const,
  recommendations: (workspaceId: string) => [...opsKeys.workspace(workspaceId), 'recommendations'] as const,
  decisionLog: (workspaceId: string) => [...opsKeys.workspace(workspaceId), 'decision-log'] as const,
  analysisRuns: (workspaceId: string) => [...opsKeys.workspace(workspaceId), 'analysis-runs'] as const,
  metaSyncRuns: (workspaceId: string) => [...opsKeys.workspace(workspaceId), 'meta-sync-runs'] as const,
  auditLog: (workspaceId: string) => [...opsKeys.workspace(workspaceId), 'audit-log'] as const,
};
