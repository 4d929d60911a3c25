import { campaignsByName, useWorkspaceCampaigns, type WorkspaceCampaign } from '@/entities/campaigns';
import type { BoardCampaign } from '../types';

/** The board's view of the campaigns entity: id, name and status by name, for labels, the filter and the create dialog. */
export const toBoardCampaigns = (campaigns: WorkspaceCampaign[]): BoardCampaign[] =>
  campaignsByName(campaigns).map(({ id, name, status }) => ({ id, name, status }));

export function useBoardCampaigns(workspaceId: string) {
  return useWorkspaceCampaigns(workspaceId, toBoardCampaigns);
}
