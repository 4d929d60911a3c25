/** Query keys of people (the workspace's members and their names), one factory for the board, ops and anyone else. */
export const peopleKeys = {
  all: ['people'] as const,
  workspace: (workspaceId: string) => [...peopleKeys.all, workspaceId] as const,
};
