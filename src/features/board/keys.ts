/** Query keys of the board. `cards(workspaceId)` prefixes both the workspace board and each campaign's board. */
export const boardKeys = {
  all: ['board'] as const,
  cards: (workspaceId: string) => [...boardKeys.all, 'cards', workspaceId] as const,
  cardList: (workspaceId: string, campaignId: string | null) => [...boardKeys.cards(workspaceId), campaignId ?? 'all'] as const,
  signals: (workspaceId: string) => [...boardKeys.all, 'signals', workspaceId] as const,
};
