/** Query keys of the settings feature, prefixed by workspace so switching workspaces never mixes lists. */
export const settingsKeys = {
  all: ['settings'] as const,
  workspace: (workspaceId: string) => [...settingsKeys.all, workspaceId] as const,
  members: (workspaceId: string) => [...settingsKeys.workspace(workspaceId), 'members'] as const,
  invitations: (workspaceId: string) => [...settingsKeys.workspace(workspaceId), 'invitations'] as const,
  ingestKeys: (workspaceId: string) => [...settingsKeys.workspace(workspaceId), 'ingest-keys'] as const,
};
