/** Query keys of the insights feature. */
export const insightKeys = {
  all: ['insights'] as const,
  timeline: (campaignId: string) => [...insightKeys.all, 'timeline', campaignId] as const,
};
