export const campaignKeys = {
  all: ['campaigns'] as const,
  list: (workspaceId: string) => [...campaignKeys.all, 'list', workspaceId] as const,
  detail: (campaignId: string) => [...campaignKeys.all, 'detail', campaignId] as const,
  latestAssessment: (campaignId: string) => [...campaignKeys.all, 'assessment', campaignId] as const,
};
