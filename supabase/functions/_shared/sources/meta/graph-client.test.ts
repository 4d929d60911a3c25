// The Graph client against the fake Graph API (a real local HTTP server speaking Meta's protocol).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GraphClient, GraphError, META_GRAPH_VERSION } from './graph-client.ts';
import { fetchActivities, fetchDailyInsights } from './meta-api.ts';
import type { FakeAccount } from './sandbox/fixture.ts';
import { type FakeGraphServer, startFakeGraphServer } from './sandbox/server.ts';

let server: FakeGraphServer;
const slept: number[] = [];
const sleep = async (ms: number) => {
  slept.push(ms);
};

const account = (id: string, token: string, over: Partial<FakeAccount> = {}): FakeAccount => ({
  id,
  name: 'Unit account',
  currency: 'USD',
  timezone_name: 'UTC',
  account_status: 1,
  tokens: [token],
  campaigns: [{ id: '120290000000000001', name: 'C', adsets: [{ id: '120290000000000011', name: 'S', ads: [] }] }],
  generate: { seed: 1, until: '2026-11-20', days: 10 },
  activities: [],
  ...over,
});

beforeAll(async () => {
  server = await startFakeGraphServer();
});
afterAll(async () => {
  await server.close();
});

const client = (token: string) => new GraphClient({ accessToken: token, baseUrl: server.url, sleep, backoffBaseMs: 10 });

describe('GraphClient', () => {
  it('calls the versioned path with the token in the Authorization header, never in the URL', async () => {
    server.addAccount(account('act_901', 'EAAunit-901'));
    const graph = client('EAAunit-901');
    expect(await graph.get('act_901', { fields: 'id,name' })).toMatchObject({ id: 'act_901', name: 'Unit account' });
    const [req] = server.requests({ token: 'EAAunit-901' });
    expect(req.path).toBe('/act_901');
    expect(req.query.access_token).toBeUndefined();
    expect(META_GRAPH_VERSION).toMatch(/^v\d+\.\d+$/);
  });

  it('throws an expired-token error for code 190 at once, without retrying', async () => {
    const graph = client('EAAnobody-knows-me');
    const error = await graph.get('me').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(GraphError);
    expect(error).toMatchObject({ kind: 'expired_token', code: 190 });
    expect(graph.stats).toMatchObject({ requests: 1, retries: 0 });
  });

  it('retries a transient error, a rate limit and a malformed body with growing backoff', async () => {
    server.addAccount(account('act_902', 'EAAunit-902', { scenario: { failInsightsWith: [2, 17], malformedOnce: true } }));
    const graph = client('EAAunit-902');
    slept.length = 0;
    const result = await fetchDailyInsights(graph, { adAccountId: 'act_902', level: 'campaign', ids: ['120290000000000001'], since: '2026-11-11', until: '2026-11-20' });
    expect(result).toMatchObject({ rows: 10, invalid: 0, async: false });
    expect(graph.stats.retries).toBe(3);
    // malformed (transient, 10 ms), code 2 (20 ms), code 17 (rate limit: 4 × base × 4 = 160 ms)
    expect(slept).toEqual([10, 20, 160]);
  });

  it('gives up after its retries with the last error', async () => {
    server.addAccount(account('act_903', 'EAAunit-903', { scenario: { failInsightsWith: [80000, 80000, 80000] } }));
    const graph = new GraphClient({ accessToken: 'EAAunit-903', baseUrl: server.url, sleep, backoffBaseMs: 1, maxRetries: 2 });
    await expect(graph.get('act_903/insights')).rejects.toMatchObject({ kind: 'rate_limited', code: 80000 });
  });

  it('pauses before the next call when the usage headers pass 75 %', async () => {
    server.addAccount(account('act_904', 'EAAunit-904', { scenario: { pageSize: 3, throttle: { fromRequest: 1, pct: 90 } } }));
    const graph = client('EAAunit-904');
    slept.length = 0;
    await fetchDailyInsights(graph, { adAccountId: 'act_904', level: 'campaign', ids: ['120290000000000001'], since: '2026-11-11', until: '2026-11-20' });
    // 10 rows in pages of 3: 4 calls, a pause before each of the 3 after the first.
    expect(graph.stats.pauses).toBe(3);
    expect(slept).toEqual([64, 64, 64]);
    expect(graph.stats.lastPauseReason).toBe('x-business-use-case-usage ads_insights call_count 90 %');
  });

  it('runs an async report when the range is long, and pages its results', async () => {
    server.addAccount(account('act_905', 'EAAunit-905', { scenario: { pageSize: 4, asyncPolls: 3 } }));
    const graph = client('EAAunit-905');
    const progress: number[] = [];
    const pages: number[] = [];
    const result = await fetchDailyInsights(
      graph,
      { adAccountId: 'act_905', level: 'adset', ids: ['120290000000000011'], since: '2026-11-11', until: '2026-11-20' },
      { asyncOverCells: 5, sleep, onProgress: (p) => progress.push(p), onPage: async (rows) => void pages.push(rows.length) },
    );
    expect(result).toMatchObject({ rows: 10, async: true });
    expect(progress).toEqual([33, 67, 100]);
    expect(pages).toEqual([4, 4, 2]);
  });

  it('reads the activity log through its pages', async () => {
    const activities = Array.from({ length: 5 }, (_, i) => ({ event_type: 'update_ad_set_budget', event_time: `2026-11-1${i}T10:00:00+0000`, object_id: '120290000000000011' }));
    server.addAccount(account('act_906', 'EAAunit-906', { activities, scenario: { pageSize: 2 } }));
    const result = await fetchActivities(client('EAAunit-906'), 'act_906', new Date('2026-11-01T00:00:00Z'), new Date('2026-11-30T00:00:00Z'));
    expect(result.activities.map((a) => a.event_time)).toEqual(activities.map((a) => a.event_time).reverse());
  });
});
