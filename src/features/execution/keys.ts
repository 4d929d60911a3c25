export const executionKeys = {
  all: ['execution'] as const,
  phases: (campaignId: string) => [...executionKeys.all, 'phases', campaignId] as const,
  drift: (campaignId: string, version: string) => [...executionKeys.all, 'drift', campaignId, version] as const,
};
