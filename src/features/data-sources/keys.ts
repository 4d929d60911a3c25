/** Query keys of the data-sources feature (CSV import, quarantine, per-campaign sources, data settings, website roll-up log). */
export const dataSourceKeys = {
  all: ['data-sources'] as const,
  workspace: (workspaceId: string) => [...dataSourceKeys.all, workspaceId] as const,
  quarantine: (workspaceId: string) => [...dataSourceKeys.workspace(workspaceId), 'quarantine'] as const,
  settings: (workspaceId: string) => [...dataSourceKeys.workspace(workspaceId), 'settings'] as const,
  websiteRollup: (workspaceId: string) => [...dataSourceKeys.workspace(workspaceId), 'website-rollup'] as const,
  campaignSources: (campaignId: string) => [...dataSourceKeys.all, 'campaign', campaignId] as const,
};
