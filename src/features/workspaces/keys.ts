export const workspaceKeys = {
  all: ['workspaces'] as const,
  memberships: (userId: string) => [...workspaceKeys.all, 'memberships', userId] as const,
  invitations: (userId: string) => [...workspaceKeys.all, 'invitations', userId] as const,
};
