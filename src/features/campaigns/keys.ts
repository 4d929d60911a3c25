import { campaignKeys as campaignEntityKeys } from '@/entities/campaigns';

/** The campaigns entity's keys plus the feature's own: the latest feasibility assessment of a campaign. */
export const campaignKeys = {
  ...campaignEntityKeys,
  latestAssessment: (campaignId: string) => [...campaignEntityKeys.all, 'assessment', campaignId] as const,
};
