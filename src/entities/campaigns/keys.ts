/**
 * Query keys of campaigns, the one factory every feature reads campaigns through: invalidating `list(ws)` refreshes
 * the campaign list, the board's labels, the ops ranking, the alert labels and the import picker at once.
 */
export const campaignKeys = {
  all: ['campaigns'] as const,
  list: (workspaceId: string) => [...campaignKeys.all, 'list', workspaceId] as const,
  detail: (campaignId: string) => [...campaignKeys.all, 'detail', campaignId] as const,
};
