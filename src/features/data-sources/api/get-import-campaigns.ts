import { campaignsByName, useWorkspaceCampaigns, type WorkspaceCampaign } from '@/entities/campaigns';

export type ImportCampaign = Pick<WorkspaceCampaign, 'id' | 'name' | 'utm_campaign'>;

/** The import's view of the campaigns entity, by name, to pick the one a file's rows belong to. */
const toImportCampaigns = (campaigns: WorkspaceCampaign[]): ImportCampaign[] => campaignsByName(campaigns);

export function useImportCampaigns(workspaceId: string) {
  return useWorkspaceCampaigns(workspaceId, toImportCampaigns);
}
