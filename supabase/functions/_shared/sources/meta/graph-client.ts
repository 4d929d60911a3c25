/**
 * A small typed client for the parts of Meta's Graph API the import uses. Not Meta's facebook-nodejs-business-sdk:
 * that SDK keeps one access token in a process-wide default (`FacebookAdsApi.init`), which is wrong for a function
 * serving many workspaces at once (objects built without an explicit api fall back to it, and its crash reporter,
 * hooked on Node's `process` events, reads it: facebook/facebook-nodejs-business-sdk#228); it is CommonJS built on
 * axios and Node built-ins, which Deno's edge runtime loads only through compatibility shims; and its cursor objects
 * hide the response headers that carry Meta's usage figures, which the sync must read to slow down before the limit.
 * Plain `fetch` does all that is needed here.
 *
 * Every call: bearer token in the Authorization header (never in a URL we build), JSON parsed defensively (a
 * malformed answer is a transient error), usage headers read after each answer and the next call paused when
 * usage nears the limit, transient and rate-limit errors retried with backoff, an invalid token (190) thrown at once.
 */
import { getEnv } from '../../env.ts';
import { backoffMs, classifyGraphError, type GraphErrorKind, readUsage, throttlePauseMs } from '../../domain/meta/graph-limits.ts';

/** The one place the Graph API version is named. */
export const META_GRAPH_VERSION = 'v25.0';
export const DEFAULT_GRAPH_URL = 'https://graph.facebook.com';

/** The Graph base URL from META_GRAPH_URL (default Meta's), without a trailing slash. */
export function graphBaseUrl(): string {
  return (getEnv('META_GRAPH_URL') ?? DEFAULT_GRAPH_URL).replace(/\/+$/, '');
}

export class GraphError extends Error {
  constructor(
    readonly kind: GraphErrorKind,
    message: string,
    readonly code: number | null,
    readonly status: number,
    readonly subcode: number | null = null,
  ) {
    super(message);
    this.name = 'GraphError';
  }
}

/** What the client did, for the job log. */
export interface GraphStats {
  requests: number;
  retries: number;
  pauses: number;
  waitMs: number;
  /** The last usage header that caused a pause ("x-fb-ads-insights-throttle acc_id_util_pct 92 %"). */
  lastPauseReason: string | null;
}

export interface GraphClientOptions {
  accessToken: string;
  baseUrl?: string;
  version?: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Base of pauses and backoff, ms (default META_BACKOFF_BASE_MS or 1000). */
  backoffBaseMs?: number;
  /** Retries per call for transient and rate-limit errors (default 4). */
  maxRetries?: number;
}

export interface GraphPage<T> {
  data: T[];
  paging?: { cursors?: { before?: string; after?: string }; next?: string; previous?: string };
}

type Params = Record<string, string | number | boolean | object | undefined>;

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

function encodeParams(params: Params): URLSearchParams {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined) continue;
    search.set(k, typeof v === 'object' ? JSON.stringify(v) : String(v));
  }
  return search;
}

export class GraphClient {
  readonly stats: GraphStats = { requests: 0, retries: 0, pauses: 0, waitMs: 0, lastPauseReason: null };
  private readonly base: string;
  private readonly doFetch: typeof fetch;
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly backoffBase: number;
  private readonly maxRetries: number;
  private pendingPauseMs = 0;

  constructor(private readonly opts: GraphClientOptions) {
    this.base = `${(opts.baseUrl ?? graphBaseUrl()).replace(/\/+$/, '')}/${opts.version ?? META_GRAPH_VERSION}`;
    this.doFetch = opts.fetch ?? fetch;
    this.sleep = opts.sleep ?? defaultSleep;
    const envBase = Number(getEnv('META_BACKOFF_BASE_MS'));
    this.backoffBase = opts.backoffBaseMs ?? (Number.isFinite(envBase) && envBase >= 0 ? envBase : 1000);
    this.maxRetries = opts.maxRetries ?? 4;
  }

  /** GET `/<path>` with query parameters. */
  get<T>(path: string, params: Params = {}): Promise<T> {
    return this.call<T>('GET', `${this.base}/${path.replace(/^\//, '')}?${encodeParams(params)}`);
  }

  /** POST `/<path>` with form parameters (how Graph takes them). */
  post<T>(path: string, params: Params = {}): Promise<T> {
    return this.call<T>('POST', `${this.base}/${path.replace(/^\//, '')}`, encodeParams(params));
  }

  /** Every page of an edge, following `paging.next` until Meta stops giving one. */
  async *pages<T>(path: string, params: Params = {}): AsyncGenerator<T[]> {
    let page = await this.get<GraphPage<T>>(path, params);
    for (;;) {
      yield Array.isArray(page.data) ? page.data : [];
      const next = page.paging?.next;
      if (!next) return;
      page = await this.call<GraphPage<T>>('GET', next);
    }
  }

  private async call<T>(method: 'GET' | 'POST', url: string, body?: URLSearchParams): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      if (this.pendingPauseMs > 0) {
        this.stats.pauses++;
        this.stats.waitMs += this.pendingPauseMs;
        await this.sleep(this.pendingPauseMs);
        this.pendingPauseMs = 0;
      }
      this.stats.requests++;
      let failure: GraphError;
      try {
        const res = await this.doFetch(url, {
          method,
          headers: {
            // The OAuth code exchange carries the app's credentials instead of a token.
            ...(this.opts.accessToken ? { Authorization: `Bearer ${this.opts.accessToken}` } : {}),
            ...(body ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
          },
          body,
        });
        const usage = readUsage(res.headers);
        const pause = throttlePauseMs(usage, this.backoffBase);
        if (pause > 0) {
          this.pendingPauseMs = pause;
          this.stats.lastPauseReason = `${usage.source ?? 'usage'} ${usage.pct} %${usage.regainMinutes ? `, access back in ${usage.regainMinutes} min` : ''}`;
        }
        const text = await res.text();
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        const error = (parsed as { error?: { message?: string; code?: number; error_subcode?: number } } | undefined)?.error;
        if (res.ok && parsed !== undefined && !error) return parsed as T;
        if (parsed === undefined) {
          failure = new GraphError(res.ok ? 'transient' : classifyGraphError(null, res.status), `Meta answered HTTP ${res.status} with a body that is not JSON`, null, res.status);
        } else {
          const code = typeof error?.code === 'number' ? error.code : null;
          failure = new GraphError(classifyGraphError(code, res.status), error?.message ?? `Meta answered HTTP ${res.status}`, code, res.status, error?.error_subcode ?? null);
        }
      } catch (e) {
        failure = new GraphError('transient', `Could not reach Meta: ${(e as Error).message}`, null, 0);
      }
      if ((failure.kind !== 'transient' && failure.kind !== 'rate_limited') || attempt > this.maxRetries) throw failure;
      this.stats.retries++;
      // Rate limits clear in minutes, not seconds: back off harder than for a blip.
      const wait = backoffMs(attempt, failure.kind === 'rate_limited' ? this.backoffBase * 4 : this.backoffBase);
      this.stats.waitMs += wait;
      await this.sleep(wait);
    }
  }
}
