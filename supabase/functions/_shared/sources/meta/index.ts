/**
 * The Meta Ads data source's public surface: the Graph client, the access checks the connection function makes,
 * and the sync (sync.ts: Insights, activity log, job log, then the analysis), which the sync-meta function runs.
 */

export { GraphClient, GraphError, META_GRAPH_VERSION, graphBaseUrl } from './graph-client.ts';
export { checkAccess, getAdAccount, tokenExpiry } from './meta-api.ts';
export { META_DATA_SOURCE, syncConnection, type SyncOptions, type SyncResult } from './sync.ts';
