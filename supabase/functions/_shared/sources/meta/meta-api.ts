/**
 * The Graph API calls of the Meta import, each returning validated, typed data: the token's owner and the ad
 * account (validation before a token is kept), daily Insights (paged, or as an async report run for long
 * back-fills), the tracked campaigns' ad sets and ads, and the account's activity log.
 */
import { z } from 'zod';
import { ACTIVITY_FIELDS, type MetaActivity, metaActivitySchema } from '../../domain/meta/activities.ts';
import { INSIGHTS_FIELDS, type MetaInsightsRow, metaInsightsRowSchema } from '../../domain/meta/insights.ts';
import { type GraphClient, GraphError } from './graph-client.ts';

export const adAccountSchema = z
  .object({
    id: z.string().regex(/^act_\d+$/),
    name: z.string().optional(),
    currency: z.string().regex(/^[A-Z]{3}$/).optional(),
    timezone_name: z.string().optional(),
    account_status: z.number().optional(),
  })
  .loose();
export type AdAccount = z.output<typeof adAccountSchema>;

/** Meta's account_status 1 is ACTIVE; the others (disabled, unsettled, closed …) still report history. */
export const ACCOUNT_ACTIVE = 1;

function invalid(what: string, error: z.ZodError): GraphError {
  return new GraphError('transient', `Meta sent ${what} this import cannot read: ${error.issues[0]?.message ?? 'invalid'}`, null, 200);
}

/** The token's user (`/me`) and the ad account it must reach (`/act_<id>`); throws GraphError when it cannot. */
export async function checkAccess(graph: GraphClient, adAccountId: string): Promise<{ me: { id: string; name?: string }; account: AdAccount }> {
  const me = z.object({ id: z.string(), name: z.string().optional() }).loose().safeParse(await graph.get('me', { fields: 'id,name' }));
  if (!me.success) throw invalid('a /me answer', me.error);
  const account = await getAdAccount(graph, adAccountId);
  return { me: me.data, account };
}

export async function getAdAccount(graph: GraphClient, adAccountId: string): Promise<AdAccount> {
  const parsed = adAccountSchema.safeParse(await graph.get(adAccountId, { fields: 'id,name,currency,timezone_name,account_status' }));
  if (!parsed.success) throw invalid('an ad account', parsed.error);
  return parsed.data;
}

/** When the token expires (`/debug_token`, needs the app's id and secret); null = never, or not knowable. */
export async function tokenExpiry(graph: GraphClient, token: string, appId: string, appSecret: string): Promise<string | null> {
  const parsed = z
    .object({ data: z.object({ is_valid: z.boolean(), expires_at: z.number().optional(), data_access_expires_at: z.number().optional() }).loose() })
    .safeParse(await graph.get('debug_token', { input_token: token, access_token: `${appId}|${appSecret}` }));
  if (!parsed.success) return null;
  if (!parsed.data.data.is_valid) throw new GraphError('expired_token', 'Meta says this token is not valid', 190, 400);
  const at = parsed.data.data.expires_at;
  return at && at > 0 ? new Date(at * 1000).toISOString() : null;
}

export interface InsightsRequest {
  adAccountId: string;
  level: 'campaign' | 'adset';
  /** Campaign ids (level campaign) or ad set ids (level adset). */
  ids: string[];
  since: string;
  until: string;
}

export interface InsightsOptions {
  /** Use an async report run when the request spans more than this many campaign-days (default 900). */
  asyncOverCells?: number;
  pollMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Progress of an async report, 0–100. */
  onProgress?: (pct: number) => void;
  /** Each page of rows as it arrives (the sync writes as it goes, so an error later loses nothing). */
  onPage?: (rows: MetaInsightsRow[]) => void | Promise<void>;
}

function insightsParams(req: InsightsRequest) {
  return {
    level: req.level,
    time_increment: 1,
    time_range: { since: req.since, until: req.until },
    filtering: [{ field: req.level === 'campaign' ? 'campaign.id' : 'adset.id', operator: 'IN', value: req.ids }],
    fields: INSIGHTS_FIELDS.join(','),
    limit: 500,
  };
}

const reportRunSchema = z.object({ report_run_id: z.string() }).loose();
const reportStatusSchema = z
  .object({ id: z.string(), async_status: z.string(), async_percent_completion: z.number().optional() })
  .loose();

function parseRows(data: unknown[]): { rows: MetaInsightsRow[]; invalid: number } {
  const rows: MetaInsightsRow[] = [];
  let bad = 0;
  for (const item of data) {
    const parsed = metaInsightsRowSchema.safeParse(item);
    if (parsed.success) rows.push(parsed.data);
    else bad++;
  }
  return { rows, invalid: bad };
}

/**
 * Daily Insights rows for the request. Short ranges page through `GET /act_<id>/insights`; long back-fills start
 * an async report run (`POST …/insights` → `report_run_id`), poll `GET /<run>` until "Job Completed", then page
 * through `GET /<run>/insights`. Answers how many rows Meta sent that could not be read.
 */
export async function fetchDailyInsights(
  graph: GraphClient,
  req: InsightsRequest,
  opts: InsightsOptions = {},
): Promise<{ rows: number; invalid: number; async: boolean }> {
  const days = Math.round((Date.parse(req.until) - Date.parse(req.since)) / 86_400_000) + 1;
  const useAsync = days * req.ids.length > (opts.asyncOverCells ?? 900);
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  let path = `${req.adAccountId}/insights`;
  let params: Record<string, unknown> = insightsParams(req);
  if (useAsync) {
    const run = reportRunSchema.safeParse(await graph.post(`${req.adAccountId}/insights`, insightsParams(req)));
    if (!run.success) throw invalid('a report run', run.error);
    for (let polls = 0; ; polls++) {
      const status = reportStatusSchema.safeParse(await graph.get(run.data.report_run_id, { fields: 'id,async_status,async_percent_completion' }));
      if (!status.success) throw invalid('a report status', status.error);
      opts.onProgress?.(status.data.async_percent_completion ?? 0);
      if (status.data.async_status === 'Job Completed') break;
      if (status.data.async_status === 'Job Failed' || status.data.async_status === 'Job Skipped') {
        throw new GraphError('transient', `Meta's async report ${run.data.report_run_id} ended "${status.data.async_status}"`, null, 200);
      }
      if (polls > 600) throw new GraphError('transient', `Meta's async report ${run.data.report_run_id} did not finish`, null, 200);
      await sleep(opts.pollMs ?? 1000);
    }
    path = `${run.data.report_run_id}/insights`;
    params = { limit: 500 };
  }
  let rows = 0;
  let bad = 0;
  for await (const page of graph.pages<unknown>(path, params as never)) {
    const parsed = parseRows(page);
    rows += parsed.rows.length;
    bad += parsed.invalid;
    await opts.onPage?.(parsed.rows);
  }
  return { rows, invalid: bad, async: useAsync };
}

const objectSchema = z.object({ id: z.string(), name: z.string().optional(), campaign_id: z.string().optional(), adset_id: z.string().optional() }).loose();
export type MetaObject = z.output<typeof objectSchema>;

/** The ad sets and ads of the given campaigns (to place activity on an ad set or ad under its campaign). */
export async function fetchCampaignObjects(graph: GraphClient, adAccountId: string, campaignIds: string[]): Promise<{ adSets: MetaObject[]; ads: MetaObject[] }> {
  const filtering = [{ field: 'campaign.id', operator: 'IN', value: campaignIds }];
  const collect = async (edge: 'adsets' | 'ads', fields: string) => {
    const out: MetaObject[] = [];
    for await (const page of graph.pages<unknown>(`${adAccountId}/${edge}`, { fields, filtering, limit: 200 })) {
      for (const item of page) {
        const parsed = objectSchema.safeParse(item);
        if (parsed.success) out.push(parsed.data);
      }
    }
    return out;
  };
  return { adSets: await collect('adsets', 'id,name,campaign_id'), ads: await collect('ads', 'id,name,campaign_id,adset_id') };
}

/** The account's activity log between two instants (unix seconds), oldest pages last as Meta sends them. */
export async function fetchActivities(
  graph: GraphClient,
  adAccountId: string,
  since: Date,
  until: Date,
): Promise<{ activities: MetaActivity[]; invalid: number }> {
  const activities: MetaActivity[] = [];
  let bad = 0;
  const params = { fields: ACTIVITY_FIELDS.join(','), since: Math.floor(since.getTime() / 1000), until: Math.floor(until.getTime() / 1000), limit: 100 };
  for await (const page of graph.pages<unknown>(`${adAccountId}/activities`, params)) {
    for (const item of page) {
      const parsed = metaActivitySchema.safeParse(item);
      if (parsed.success) activities.push(parsed.data);
      else bad++;
    }
  }
  return { activities, invalid: bad };
}
