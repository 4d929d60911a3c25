import { campaignsById, useWorkspaceCampaigns, type WorkspaceCampaign } from '@/entities/campaigns';

export type AlertCampaign = Pick<WorkspaceCampaign, 'id' | 'name' | 'currency'>;

const toAlertCampaigns = (campaigns: WorkspaceCampaign[]): Record<string, AlertCampaign> => campaignsById(campaigns);

/** Campaign names and currencies of the workspace, keyed by id, to label alerts (a view of the campaigns entity). */
export function useAlertCampaigns(workspaceId: string) {
  return useWorkspaceCampaigns(workspaceId, toAlertCampaigns);
}
