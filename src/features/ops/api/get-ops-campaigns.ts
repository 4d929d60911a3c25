import { campaignsByName, useWorkspaceCampaigns, type WorkspaceCampaign } from '@/entities/campaigns';
import type { RankingCampaign } from '../utils/ranking';

/** The ranking's view of the campaigns entity: every campaign with its phases (drift is computed in the browser), by name. */
const toOpsCampaigns = (campaigns: WorkspaceCampaign[]): RankingCampaign[] => campaignsByName(campaigns);

export function useOpsCampaigns(workspaceId: string) {
  return useWorkspaceCampaigns(workspaceId, toOpsCampaigns);
}
