/** Query keys of the Meta feature: connections per workspace, sync runs and Meta snapshots per campaign. */
export const metaKeys = {
  all: ['meta'] as const,
  config: () => [...metaKeys.all, 'config'] as const,
  connections: (workspaceId: string) => [...metaKeys.all, workspaceId, 'connections'] as const,
  campaign: (campaignId: string) => [...metaKeys.all, 'campaign', campaignId] as const,
  syncRuns: (campaignId: string) => [...metaKeys.campaign(campaignId), 'sync-runs'] as const,
  snapshots: (campaignId: string) => [...metaKeys.campaign(campaignId), 'snapshots'] as const,
};
