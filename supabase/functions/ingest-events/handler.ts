// Public ingest for website, pixel and promo-code events (docs/domain-rules.md, Tracking events).
// Browsers on customer sites are anonymous, so this function runs without a user JWT (verify_jwt = false) and
// authenticates the site by a workspace's ingest key instead (header `x-ingest-key`, or `key` in the body for
// navigator.sendBeacon, which cannot set headers). Every event is judged on its own: bad ones come back in
// `rejected` with a reason, good ones land. Writes go through the service client because no user is involved;
// the key decides the workspace, and every campaign an event names or reaches by promo code must belong to it.
// Ingest is idempotent: (workspace_id, event_id) is unique and duplicates are skipped, so a retried batch is safe.
// A batch is one database call (`ingest_tracking_events`: key, campaigns, promo codes and the insert in one
// statement). Browsers send at most 50 events; servers (no Origin header) up to 1,000.
// The answer comes as soon as the events are stored; the days they fall on are then rolled up into 'website'
// snapshots in the background (sources/website/roll-up-queue.ts: coalesced per workspace, at most one run a second),
// so a KPI reflects a sale about a second after its beacon is accepted. Each roll-up is a row in website_rollup_runs
// (trigger 'ingest'). A failed roll-up is logged and never fails the ingest; the hourly schedule recounts the recent days.
import type { SupabaseClient } from '@supabase/supabase-js';
import { DEFAULT_THRESHOLDS } from '../_shared/domain/thresholds.ts';
import { validateTrackingEvent, type TrackingEvent, type TrackingEventSource } from '../_shared/domain/tracking-events.ts';
import { HttpError, corsHeaders, errorResponse, json } from '../_shared/http.ts';
import { rollUpWebsite } from '../_shared/sources/website/roll-up.ts';
import { createRollUpQueue } from '../_shared/sources/website/roll-up-queue.ts';
import { withRollUpRun } from '../_shared/sources/website/rollup-run-log.ts';
import { createServiceClient } from '../_shared/supabase.ts';

/** A browser's batch body larger than this is refused with 413 before parsing. */
export const MAX_BODY_BYTES = 256 * 1024;
/** A server's batch body (no Origin header) larger than this is refused with 413. */
export const MAX_SERVER_BODY_BYTES = 1024 * 1024;

/** Browsers send the key in a custom header, so preflights must allow it. */
const ingestCors: Record<string, string> = {
  'Access-Control-Allow-Headers': `${corsHeaders['Access-Control-Allow-Headers']}, x-ingest-key`,
  'Access-Control-Max-Age': '86400',
};

/** A validated event as the store receives it; the store adds the workspace and resolves the campaign. */
export interface IngestCandidate {
  event_id: string;
  event_type: string;
  event_time: string;
  value: number | null;
  currency: string | null;
  /** Null lets the store decide: promo_code when only a promo code names the campaign, else website. */
  source: TrackingEventSource | null;
  promo_code: string | null;
  schema_version: number;
  metadata: Record<string, unknown>;
  campaign_id: string | null;
}

/** What one batch did: the event ids stored now, and those naming a campaign outside the key's workspace. */
export interface IngestOutcome {
  /** The ingest key's workspace. */
  workspaceId: string;
  inserted: string[];
  foreignCampaign: string[];
}

/** A write the database refused because of the data (a constraint, a bad value), not because it was unreachable. */
export class RowRejectedError extends Error {}

/** Where the function stores events. */
export interface IngestStore {
  /**
   * In one statement: resolves the key (null when unknown or revoked), drops events naming another workspace's
   * campaign, attributes promo codes, and inserts the rest, skipping (workspace_id, event_id) already stored.
   */
  ingest(keyHash: string, events: IngestCandidate[]): Promise<IngestOutcome | null>;
}

export interface IngestEventsDeps {
  store?: IngestStore;
  /** The moment of ingest (default: the clock). */
  now?: () => Date;
  /**
   * Asks for the workspace's days of these event times to be rolled up, without waiting for it (default: the
   * background queue below, on the service client).
   */
  rollUp?: ((workspaceId: string, eventTimes: string[]) => void) | null;
}

/** One service client per worker: the key, not a user, decides the workspace, so every request can share it. */
let sharedServiceClient: SupabaseClient | null = null;
function serviceClient(): SupabaseClient {
  return (sharedServiceClient ??= createServiceClient());
}

/** Supabase's Edge Runtime (hosted): keeps the worker alive after the response for promises handed to waitUntil. */
interface EdgeRuntimeGlobal {
  EdgeRuntime?: { waitUntil?: (work: Promise<unknown>) => void };
}

const rollUpQueue = createRollUpQueue({
  run: async (workspaceId, instants) => {
    const client = serviceClient();
    await withRollUpRun(client, workspaceId, 'ingest', () => rollUpWebsite(client, { workspaceId, instants, runId: 'website:ingest' }));
  },
  // The local runner's worker is a long-lived process (see scripts/local-stack/functions-runner.ts), so there the
  // background promise simply runs on; hosted, waitUntil stops the runtime from recycling the worker under it.
  keepAlive: (work) => (globalThis as EdgeRuntimeGlobal).EdgeRuntime?.waitUntil?.(work),
});

function defaultRollUp(workspaceId: string, eventTimes: string[]): void {
  void rollUpQueue.request(workspaceId, eventTimes);
}

export interface IngestResult {
  accepted: number;
  duplicates: number;
  rejected: { index: number; reason: string }[];
}

/** SHA-256 of the key as lowercase hex: what ingest_keys.key_hash stores. */
export async function hashIngestKey(key: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(key));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

function failed(action: string, error: { message: string; code?: string }): never {
  if (error.code && /^(22|23)/.test(error.code)) throw new RowRejectedError(error.message);
  throw new Error(`Could not ${action}: ${error.message}`);
}

/** The store on the service client: the key, not a user, decides the workspace. */
export function serviceStore(client: SupabaseClient = serviceClient()): IngestStore {
  return {
    async ingest(keyHash, events) {
      const { data, error } = await client.rpc('ingest_tracking_events', { p_key_hash: keyHash, p_events: events });
      if (error) failed('store events', error);
      if (data === null) return null;
      const outcome = data as { workspace_id: string; inserted: string[]; foreign_campaign: string[] };
      return { workspaceId: outcome.workspace_id, inserted: outcome.inserted, foreignCampaign: outcome.foreign_campaign };
    },
  };
}

/** Batch limits: a browser (its requests carry Origin) sends small batches; a server may send larger ones. */
function limitsFor(req: Request): { maxBytes: number; maxEvents: number } {
  return req.headers.has('origin')
    ? { maxBytes: MAX_BODY_BYTES, maxEvents: DEFAULT_THRESHOLDS.tracking.maxBatchEvents }
    : { maxBytes: MAX_SERVER_BODY_BYTES, maxEvents: DEFAULT_THRESHOLDS.tracking.maxServerBatchEvents };
}

/** The body as text, refusing (413) anything over maxBytes whether declared or actual. */
async function readLimitedBody(req: Request, maxBytes: number): Promise<string> {
  const declared = Number(req.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    throw new HttpError(413, `Request body too large: at most ${maxBytes} bytes`);
  }
  const text = await req.text();
  if (new TextEncoder().encode(text).length > maxBytes) throw new HttpError(413, `Request body too large: at most ${maxBytes} bytes`);
  return text;
}

function parseBatch(text: string, maxEvents: number): { key: string | null; events: unknown[] } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Malformed JSON body: expected { "events": [ … ] }');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'Request body must be a JSON object { "events": [ … ] }');
  const { events, key } = body as { events?: unknown; key?: unknown };
  if (!Array.isArray(events) || events.length === 0) throw new HttpError(400, 'events must be a non-empty array');
  if (events.length > maxEvents) throw new HttpError(413, `Too many events: at most ${maxEvents} per batch, got ${events.length}`);
  return { key: typeof key === 'string' && key.trim() !== '' ? key.trim() : null, events };
}

/** Stores the batch; if the database refuses it for its data, stores one event at a time so only the bad ones fail. */
async function ingestWithFallback(
  store: IngestStore,
  keyHash: string,
  events: IngestCandidate[],
): Promise<{ outcome: IngestOutcome; refused: Map<string, string> } | null> {
  try {
    const outcome = await store.ingest(keyHash, events);
    return outcome && { outcome, refused: new Map() };
  } catch (error) {
    if (!(error instanceof RowRejectedError)) throw error;
  }
  const outcome: IngestOutcome = { workspaceId: '', inserted: [], foreignCampaign: [] };
  const refused = new Map<string, string>();
  for (const event of events) {
    try {
      const one = await store.ingest(keyHash, [event]);
      if (!one) return null;
      outcome.workspaceId = one.workspaceId;
      outcome.inserted.push(...one.inserted);
      outcome.foreignCampaign.push(...one.foreignCampaign);
    } catch (error) {
      if (!(error instanceof RowRejectedError)) throw error;
      refused.set(event.event_id, `refused by the database: ${error.message}`);
    }
  }
  return { outcome, refused };
}

async function ingest(req: Request, store: IngestStore, now: Date, rollUp: IngestEventsDeps['rollUp']): Promise<IngestResult> {
  const limits = limitsFor(req);
  const batch = parseBatch(await readLimitedBody(req, limits.maxBytes), limits.maxEvents);
  const key = req.headers.get('x-ingest-key')?.trim() || batch.key;
  if (!key) throw new HttpError(401, 'Missing ingest key: send it in the x-ingest-key header');
  const invalidKey = new HttpError(401, 'Invalid or revoked ingest key');
  if (key.length > 200) throw invalidKey;

  const rejected: IngestResult['rejected'] = [];
  const valid: { index: number; event: TrackingEvent }[] = [];
  let duplicates = 0;
  const seen = new Set<string>();
  batch.events.forEach((raw, index) => {
    const result = validateTrackingEvent(raw, { now });
    if (!result.ok) rejected.push({ index, reason: result.reason });
    else if (seen.has(result.event.event_id)) duplicates += 1;
    else {
      seen.add(result.event.event_id);
      valid.push({ index, event: result.event });
    }
  });

  const candidates: IngestCandidate[] = valid.map(({ event }) => ({
    event_id: event.event_id,
    event_type: event.event_type,
    event_time: event.event_time,
    value: event.value,
    currency: event.currency,
    source: event.source ?? null,
    promo_code: event.promo_code,
    schema_version: event.schema_version,
    metadata: event.metadata,
    campaign_id: event.campaign_id ?? null,
  }));
  // An all-invalid batch still asks the store, so a bad key is told apart from bad events.
  const stored = await ingestWithFallback(store, await hashIngestKey(key), candidates);
  if (!stored) throw invalidKey;
  const inserted = new Set(stored.outcome.inserted);
  const foreign = new Set(stored.outcome.foreignCampaign);
  for (const { index, event } of valid) {
    const reason = foreign.has(event.event_id) ? 'campaign_id: no such campaign in this workspace' : stored.refused.get(event.event_id);
    if (reason) rejected.push({ index, reason });
    else if (!inserted.has(event.event_id)) duplicates += 1;
  }
  if (rollUp && inserted.size > 0) {
    const times = valid.filter(({ event }) => inserted.has(event.event_id)).map(({ event }) => event.event_time);
    try {
      rollUp(stored.outcome.workspaceId, times);
    } catch (error) {
      // The events are stored; the hourly roll-up recounts their days.
      console.error(`could not queue the website roll-up after ingest: ${(error as Error).message}`);
    }
  }
  return { accepted: inserted.size, duplicates, rejected: rejected.sort((a, b) => a.index - b.index) };
}

export async function handler(req: Request, deps: IngestEventsDeps = {}): Promise<Response> {
  if (req.method === 'OPTIONS') return new Response('ok', { status: 200, headers: { ...corsHeaders, ...ingestCors } });
  if (req.method !== 'POST') return json({ error: `Method ${req.method} not allowed; POST { "events": [ … ] }` }, 405, ingestCors);
  try {
    // A test's own store gets no roll-up unless it asks for one.
    const rollUp = deps.rollUp !== undefined ? deps.rollUp : deps.store ? null : defaultRollUp;
    const result = await ingest(req, deps.store ?? serviceStore(), (deps.now ?? (() => new Date()))(), rollUp);
    return json(result, 202, ingestCors);
  } catch (error) {
    if (error instanceof HttpError) return json(error.details === undefined ? { error: error.message } : { error: error.message, details: error.details }, error.status, ingestCors);
    return errorResponse(502, 'Could not ingest events', (error as Error).message);
  }
}
