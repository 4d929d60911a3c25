/**
 * A local HTTP server that answers as Meta's Graph API does, for the tests, the bench and the demo's "Meta sandbox"
 * (never Meta itself). It speaks the documented protocol: `/me`, `/me/adaccounts`, `/debug_token`, `/oauth/access_token`
 * (code exchange and `fb_exchange_token`), `/dialog/oauth` (stands in for Facebook Login and redirects straight back),
 * `/act_<id>` (name, currency, timezone_name), `/act_<id>/insights` (time_increment=1, level campaign/adset,
 * filtering, paging with cursors and `paging.next`), async report runs (`POST …/insights` → report_run_id, `GET /<id>`
 * with async_status and async_percent_completion, `GET /<id>/insights`), `/act_<id>/adsets|ads`, `/act_<id>/activities`
 * with extra_data; usage headers `x-business-use-case-usage` and `x-fb-ads-insights-throttle`; errors with Meta's
 * body `{ error: { message, type, code, error_subcode, fbtrace_id } }` (190 invalid/expired token, 100 unknown object,
 * 17/80000 rate limits, 2 transient) and a malformed body on demand. Tests arrange it through `/__sandbox/*`.
 * Node only (node:http); the edge functions never import it.
 */
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { campaignRowFrom, type FakeAccount, type FakeInsightsRow, type FakeScenario, type FakeToken, generatedRow } from './fixture.ts';

interface ReportRun {
  id: string;
  accountId: string;
  rows: FakeInsightsRow[];
  polls: number;
  pollsNeeded: number;
}

export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  token: string | null;
}

export interface FakeGraphServer {
  url: string;
  /** Adds or replaces an account (its tokens become valid, never expiring, unless `addToken` says otherwise). */
  addAccount(account: FakeAccount): void;
  addToken(token: FakeToken): void;
  setScenario(accountId: string, scenario: FakeScenario): void;
  requests(filter?: { token?: string; accountId?: string }): RecordedRequest[];
  /** The OAuth app the fake accepts at /oauth/access_token. */
  setApp(app: { id: string; secret: string }): void;
  close(): Promise<void>;
}

const VERSIONED = /^\/v\d+\.\d+(\/.*)$/;

function graphError(res: ServerResponse, status: number, code: number, message: string, subcode?: number, type = 'OAuthException') {
  send(res, status, { error: { message, type, code, ...(subcode ? { error_subcode: subcode } : {}), fbtrace_id: `Fake${Math.random().toString(36).slice(2, 10)}` } });
}

function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=UTF-8', ...headers });
  res.end(JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.on('data', (c: Buffer) => (data += c.toString()));
    req.on('end', () => resolve(data));
    req.on('error', reject);
  });
}

function parseJsonParam<T>(value: string | undefined, fallback: T): T {
  if (!value) return fallback;
  try {
    return JSON.parse(value) as T;
  } catch {
    return fallback;
  }
}

function dayList(until: string, days: number): string[] {
  const end = Date.parse(`${until}T00:00:00Z`);
  return Array.from({ length: days }, (_, i) => new Date(end - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10));
}

/** Every ad set row of the account (explicit or generated). */
function adsetRows(account: FakeAccount): FakeInsightsRow[] {
  if (account.insights) return account.insights.filter((r) => r.adset_id);
  const g = account.generate;
  if (!g) return [];
  const until = g.until ?? new Date().toISOString().slice(0, 10);
  const rows: FakeInsightsRow[] = [];
  for (const c of account.campaigns) {
    for (const s of c.adsets) {
      for (const d of dayList(until, g.days)) {
        const lift = g.effects?.find((e) => e.adsetId === s.id && d >= e.from)?.lift ?? 1;
        rows.push({ ...generatedRow(g.seed, c.id, s.id, d, lift), account_currency: account.currency });
      }
    }
  }
  return rows;
}

function campaignRows(account: FakeAccount): FakeInsightsRow[] {
  if (account.insights) return account.insights.filter((r) => !r.adset_id);
  const byKey = new Map<string, FakeInsightsRow[]>();
  for (const r of adsetRows(account)) {
    const k = `${r.campaign_id}|${r.date_start}`;
    byKey.set(k, [...(byKey.get(k) ?? []), r]);
  }
  return [...byKey].map(([k, rows]) => campaignRowFrom(k.split('|')[0], k.split('|')[1], rows));
}

const INSIGHT_KEYS_ALWAYS = ['date_start', 'date_stop'];

function selectFields(row: Record<string, unknown>, fields: string | undefined): Record<string, unknown> {
  if (!fields) return row;
  const wanted = new Set([...fields.split(','), ...INSIGHT_KEYS_ALWAYS]);
  return Object.fromEntries(Object.entries(row).filter(([k]) => wanted.has(k)));
}

/** Starts the fake on 127.0.0.1 (port 0 = any free port). */
export async function startFakeGraphServer(opts: { port?: number; log?: (m: string) => void } = {}): Promise<FakeGraphServer> {
  const accounts = new Map<string, FakeAccount>();
  const tokens = new Map<string, FakeToken>();
  const reports = new Map<string, ReportRun>();
  const codes = new Map<string, string>();
  const recorded: RecordedRequest[] = [];
  const tokenUse = new Map<string, number>();
  const insightsRequests = new Map<string, number>();
  let app = { id: 'sandbox-app', secret: 'sandbox-secret' };
  let nextId = 1;
  let baseUrl = '';

  const accountFor = (token: string | null) => [...accounts.values()].filter((a) => token && a.tokens.includes(token));

  const usageHeaders = (account: FakeAccount | undefined, insights: boolean): Record<string, string> => {
    if (!account) return {};
    const n = insightsRequests.get(account.id) ?? 0;
    const t = account.scenario?.throttle;
    const high = t && insights && n >= t.fromRequest;
    const pct = high ? t.pct : Math.min(20, n);
    const digits = account.id.replace('act_', '');
    return {
      'x-business-use-case-usage': JSON.stringify({
        [digits]: [{ type: 'ads_insights', call_count: pct, total_cputime: Math.max(1, pct - 5), total_time: Math.max(1, pct - 3), estimated_time_to_regain_access: high ? t.regainMinutes ?? 0 : 0, ads_api_access_tier: 'standard_access' }],
      }),
      'x-fb-ads-insights-throttle': JSON.stringify({ app_id_util_pct: Math.min(pct, 10), acc_id_util_pct: pct, ads_api_access_tier: 'standard_access' }),
    };
  };

  const page = <T>(res: ServerResponse, req: URL, items: T[], pageSize: number, headers: Record<string, string>) => {
    const offset = Math.max(0, Number(Buffer.from(req.searchParams.get('after') ?? '', 'base64').toString() || 0));
    const limit = Math.min(pageSize, Number(req.searchParams.get('limit') ?? pageSize) || pageSize);
    const slice = items.slice(offset, offset + limit);
    const paging: Record<string, unknown> = {
      cursors: { before: Buffer.from(String(offset)).toString('base64'), after: Buffer.from(String(offset + slice.length)).toString('base64') },
    };
    if (offset + slice.length < items.length) {
      const next = new URL(req.toString());
      next.searchParams.set('after', Buffer.from(String(offset + slice.length)).toString('base64'));
      paging.next = `${baseUrl}${next.pathname}${next.search}`;
    }
    send(res, 200, { data: slice, paging }, headers);
  };

  const insightsFor = (account: FakeAccount, url: URL): FakeInsightsRow[] => {
    const level = url.searchParams.get('level') ?? 'campaign';
    const range = parseJsonParam<{ since?: string; until?: string }>(url.searchParams.get('time_range') ?? undefined, {});
    const filtering = parseJsonParam<{ field: string; operator: string; value: string[] }[]>(url.searchParams.get('filtering') ?? undefined, []);
    const fields = url.searchParams.get('fields') ?? undefined;
    let rows = level === 'adset' ? adsetRows(account) : campaignRows(account);
    for (const f of filtering) {
      if (f.operator !== 'IN') continue;
      const key = f.field === 'adset.id' ? 'adset_id' : 'campaign_id';
      rows = rows.filter((r) => f.value.includes(String(r[key])));
    }
    if (range.since) rows = rows.filter((r) => r.date_start >= range.since!);
    if (range.until) rows = rows.filter((r) => r.date_start <= range.until!);
    rows.sort((a, b) => (a.date_start + String(a.campaign_id) + String(a.adset_id ?? '')).localeCompare(b.date_start + String(b.campaign_id) + String(b.adset_id ?? '')));
    return rows.map((r) => selectFields(r, fields) as FakeInsightsRow);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://fake');
    const raw = url.pathname;
    const path = VERSIONED.exec(raw)?.[1] ?? raw;
    const body = req.method === 'POST' ? await readBody(req) : '';
    if (req.method === 'POST' && body && !path.startsWith('/__sandbox')) {
      for (const [k, v] of new URLSearchParams(body)) url.searchParams.set(k, v);
    }
    const auth = /^(?:Bearer|OAuth)\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1] ?? url.searchParams.get('access_token');

    // Test control.
    if (path.startsWith('/__sandbox/')) {
      const payload = body ? JSON.parse(body) : {};
      if (path === '/__sandbox/accounts' && req.method === 'POST') {
        addAccount(payload as FakeAccount);
        return send(res, 200, { ok: true });
      }
      if (path === '/__sandbox/tokens' && req.method === 'POST') {
        tokens.set(payload.token, payload as FakeToken);
        return send(res, 200, { ok: true });
      }
      if (path === '/__sandbox/scenario' && req.method === 'POST') {
        const a = accounts.get(payload.accountId);
        if (!a) return send(res, 404, { error: 'unknown account' });
        a.scenario = payload.scenario as FakeScenario;
        insightsRequests.set(a.id, 0);
        return send(res, 200, { ok: true });
      }
      if (path === '/__sandbox/requests' && req.method === 'GET') {
        const token = url.searchParams.get('token');
        return send(res, 200, { requests: recorded.filter((r) => !token || r.token === token) });
      }
      return send(res, 404, { error: 'unknown control path' });
    }

    recorded.push({ method: req.method ?? 'GET', path, query: Object.fromEntries(url.searchParams), token: auth ?? null });
    opts.log?.(`${req.method} ${path}`);

    // Facebook Login stand-in: approve at once and go back with a code.
    if (path === '/dialog/oauth') {
      const redirect = url.searchParams.get('redirect_uri');
      if (!redirect || url.searchParams.get('client_id') !== app.id) return graphError(res, 400, 191, 'Invalid redirect_uri or client_id');
      const code = `code-${nextId++}`;
      codes.set(code, redirect);
      const back = new URL(redirect);
      back.searchParams.set('code', code);
      back.searchParams.set('state', url.searchParams.get('state') ?? '');
      res.writeHead(302, { Location: back.toString() });
      return res.end();
    }
    if (path === '/oauth/access_token') {
      if (url.searchParams.get('client_id') !== app.id || url.searchParams.get('client_secret') !== app.secret) return graphError(res, 400, 101, 'Error validating client secret.');
      if (url.searchParams.get('grant_type') === 'fb_exchange_token') {
        const short = tokens.get(url.searchParams.get('fb_exchange_token') ?? '');
        if (!short?.valid) return graphError(res, 400, 190, 'Invalid OAuth access token.');
        const long = { ...short, token: `${short.token}-long`, expires_at: Math.floor(Date.now() / 1000) + 60 * 86_400 };
        tokens.set(long.token, long);
        for (const a of accounts.values()) if (a.tokens.includes(short.token)) a.tokens.push(long.token);
        return send(res, 200, { access_token: long.token, token_type: 'bearer', expires_in: 60 * 86_400 });
      }
      const code = url.searchParams.get('code') ?? '';
      if (!codes.has(code) || codes.get(code) !== url.searchParams.get('redirect_uri')) return graphError(res, 400, 100, 'This authorization code has been used or does not match the redirect_uri.', 36009);
      codes.delete(code);
      // The code belongs to the sandbox's OAuth user, who can reach every account registered with an `oauth-user` token.
      const shortToken = `oauth-short-${nextId++}`;
      tokens.set(shortToken, { token: shortToken, user: { id: '900100', name: 'OAuth Sandbox User' }, expires_at: Math.floor(Date.now() / 1000) + 3600, valid: true });
      for (const a of accounts.values()) if (a.tokens.includes('oauth-user')) a.tokens.push(shortToken);
      return send(res, 200, { access_token: shortToken, token_type: 'bearer', expires_in: 3600 });
    }
    if (path === '/debug_token') {
      if (url.searchParams.get('access_token') !== `${app.id}|${app.secret}`) return graphError(res, 400, 190, 'Invalid app access token');
      const input = url.searchParams.get('input_token') ?? '';
      const t = tokens.get(input);
      const valid = t ? t.valid : accountFor(input).length > 0;
      return send(res, 200, { data: { app_id: app.id, type: t ? 'USER' : 'SYSTEM_USER', application: 'Sandbox', is_valid: valid, expires_at: t?.expires_at ?? 0, scopes: ['ads_read'], user_id: t?.user.id ?? '900000' } });
    }

    // Everything else needs a token that some account accepts.
    const known = auth ? tokens.get(auth) : undefined;
    const reachable = accountFor(auth);
    if (!auth || (!known && reachable.length === 0)) return graphError(res, 400, 190, 'Invalid OAuth access token - Cannot parse access token');
    if (known && !known.valid) return graphError(res, 400, 190, 'Error validating access token: The user has not authorized application.', 458);
    const used = (tokenUse.get(auth) ?? 0) + 1;
    tokenUse.set(auth, used);
    for (const a of reachable) {
      const limit = a.scenario?.expireTokenAfterRequests;
      if (limit !== undefined && used > limit) return graphError(res, 400, 190, 'Error validating access token: Session has expired on Tuesday, 01-Dec-26 09:00:00 PST.', 463);
    }

    if (path === '/me') return send(res, 200, { id: known?.user.id ?? '900000', name: known?.user.name ?? 'Sandbox System User' });
    if (path === '/me/adaccounts') {
      return page(res, url, reachable.map((a) => ({ id: a.id, account_id: a.id.replace('act_', ''), name: a.name, currency: a.currency, timezone_name: a.timezone_name })), 25, {});
    }

    const report = /^\/(\d+)(\/insights)?$/.exec(path);
    if (report && reports.has(report[1])) {
      const run = reports.get(report[1])!;
      if (!accountFor(auth).some((a) => a.id === run.accountId)) return graphError(res, 400, 100, `Unsupported get request. Object with ID '${run.id}' does not exist`, 33, 'GraphMethodException');
      const account = accounts.get(run.accountId)!;
      if (!report[2]) {
        run.polls++;
        const done = run.polls >= run.pollsNeeded;
        return send(res, 200, {
          id: run.id,
          account_id: run.accountId.replace('act_', ''),
          async_status: done ? 'Job Completed' : run.polls === 1 ? 'Job Started' : 'Job Running',
          async_percent_completion: done ? 100 : Math.round((run.polls / run.pollsNeeded) * 100),
        }, usageHeaders(account, true));
      }
      if (run.polls < run.pollsNeeded) return graphError(res, 400, 2601, 'Report not ready yet', undefined, 'GraphMethodException');
      return page(res, url, run.rows, account.scenario?.pageSize ?? 25, usageHeaders(account, true));
    }

    const match = /^\/(act_\d+)(?:\/(insights|activities|adsets|ads|campaigns))?$/.exec(path);
    if (!match) return graphError(res, 400, 100, `Unknown path components: ${path}`, 2500, 'OAuthException');
    const account = accounts.get(match[1]);
    if (!account || !account.tokens.includes(auth)) {
      return graphError(res, 400, 100, `Unsupported get request. Object with ID '${match[1]}' does not exist, cannot be loaded due to missing permissions, or does not support this operation.`, 33, 'GraphMethodException');
    }
    const scenario = account.scenario ?? {};
    const pageSize = scenario.pageSize ?? 25;
    const edge = match[2];
    if (!edge) {
      return send(res, 200, { id: account.id, account_id: account.id.replace('act_', ''), name: account.name, currency: account.currency, timezone_name: account.timezone_name, account_status: account.account_status }, usageHeaders(account, false));
    }
    if (edge === 'insights') {
      insightsRequests.set(account.id, (insightsRequests.get(account.id) ?? 0) + 1);
      const headers = usageHeaders(account, true);
      if (scenario.malformedOnce) {
        scenario.malformedOnce = false;
        res.writeHead(200, { 'Content-Type': 'application/json', ...headers });
        return res.end('{"data": [ {"date_start": "2026-');
      }
      const failure = scenario.failInsightsWith?.shift();
      if (failure !== undefined) {
        const messages: Record<number, string> = { 2: 'Service temporarily unavailable', 1: 'An unknown error occurred', 17: 'User request limit reached', 4: 'Application request limit reached', 80000: 'There have been too many calls from this ad-account. Wait a bit and try again.' };
        return graphError(res, failure === 2 || failure === 1 ? 500 : 400, failure, messages[failure] ?? 'Error', undefined, failure >= 80000 ? 'OAuthException' : 'OAuthException');
      }
      const rows = insightsFor(account, url);
      if (req.method === 'POST') {
        const id = String(6_000_000_000_000 + nextId++);
        reports.set(id, { id, accountId: account.id, rows, polls: 0, pollsNeeded: scenario.asyncPolls ?? 2 });
        return send(res, 200, { report_run_id: id }, headers);
      }
      return page(res, url, rows, pageSize, headers);
    }
    if (edge === 'activities') {
      const since = Number(url.searchParams.get('since') ?? 0);
      const until = Number(url.searchParams.get('until') ?? Number.MAX_SAFE_INTEGER);
      const items = account.activities
        .filter((a) => {
          const t = Date.parse(a.event_time.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) / 1000;
          return t >= since && t <= until;
        })
        .sort((a, b) => b.event_time.localeCompare(a.event_time));
      return page(res, url, items, pageSize, usageHeaders(account, false));
    }
    const filtering = parseJsonParam<{ field: string; value: string[] }[]>(url.searchParams.get('filtering') ?? undefined, []);
    const campaignFilter = filtering.find((f) => f.field === 'campaign.id')?.value;
    const campaigns = account.campaigns.filter((c) => !campaignFilter || campaignFilter.includes(c.id));
    if (edge === 'campaigns') return page(res, url, campaigns.map((c) => ({ id: c.id, name: c.name })), pageSize, {});
    if (edge === 'adsets') return page(res, url, campaigns.flatMap((c) => c.adsets.map((s) => ({ id: s.id, name: s.name, campaign_id: c.id }))), pageSize, {});
    return page(res, url, campaigns.flatMap((c) => c.adsets.flatMap((s) => s.ads.map((a) => ({ id: a.id, name: a.name, adset_id: s.id, campaign_id: c.id })))), pageSize, {});
  };

  function addAccount(account: FakeAccount) {
    accounts.set(account.id, structuredClone(account));
    insightsRequests.set(account.id, 0);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) graphError(res, 500, 1, `Fake Graph API failed: ${(error as Error).message}`);
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, '127.0.0.1', () => resolve());
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    url: baseUrl,
    addAccount,
    addToken: (t) => tokens.set(t.token, t),
    setScenario: (id, scenario) => {
      const a = accounts.get(id);
      if (a) a.scenario = scenario;
      insightsRequests.set(id, 0);
    },
    requests: (filter) => recorded.filter((r) => (!filter?.token || r.token === filter.token) && (!filter?.accountId || r.path.includes(filter.accountId))),
    setApp: (a) => {
      app = a;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}
