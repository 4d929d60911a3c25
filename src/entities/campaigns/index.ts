export { campaignKeys } from './keys';
export { getWorkspaceCampaigns, useWorkspaceCampaigns, workspaceCampaignsQueryOptions, type WorkspaceCampaign } from './get-workspace-campaigns';
export { campaignsById, campaignsByName } from './views';
