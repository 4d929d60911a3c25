// Public ingest for website, pixel and promo-code events (docs/domain-rules.md, Tracking events).
// Browsers on customer sites are anonymous, so this function runs without a user JWT (verify_jwt = false) and
// authenticates the site by a workspace's ingest key instead (header `x-ingest-key`, or `key` in the body for
// navigator.sendBeacon, which cannot set headers). Every event is judged on its own: bad ones come back in
// `rejected` with a reason, good ones land. Writes go through the service client because no user is involved;
// the key decides the workspace, and every campaign an event names or reaches by promo code must belong to it.
// Ingest is idempotent: (workspace_id, event_id) is unique and duplicates are skipped, so a retried batch is safe.
import type { SupabaseClient } from '@supabase/supabase-js';
import { DEFAULT_THRESHOLDS } from '../_shared/domain/thresholds.ts';
import { validateTrackingEvent, type TrackingEvent, type TrackingEventSource } from '../_shared/domain/tracking-events.ts';
import { HttpError, corsHeaders, errorResponse, json } from '../_shared/http.ts';
import { createServiceClient } from '../_shared/supabase.ts';

/** A batch body larger than this is refused with 413 before parsing. */
export const MAX_BODY_BYTES = 256 * 1024;
const MAX_EVENTS = DEFAULT_THRESHOLDS.tracking.maxBatchEvents;
/** Promo codes as promo_codes stores them; anything else cannot match one. */
const PROMO_CODE_PATTERN = /^[A-Z0-9_-]{3,32}$/;

/** Browsers send the key in a custom header, so preflights must allow it. */
const ingestCors: Record<string, string> = {
  'Access-Control-Allow-Headers': `${corsHeaders['Access-Control-Allow-Headers']}, x-ingest-key`,
  'Access-Control-Max-Age': '86400',
};

export interface IngestKeyRecord {
  workspace_id: string;
  revoked_at: string | null;
}

export interface TrackingEventRow {
  workspace_id: string;
  campaign_id: string | null;
  event_id: string;
  event_type: string;
  event_time: string;
  value: number | null;
  currency: string | null;
  source: TrackingEventSource;
  promo_code: string | null;
  schema_version: number;
  metadata: Record<string, unknown>;
}

/** A write the database refused because of the data (a constraint, a bad value), not because it was unreachable. */
export class RowRejectedError extends Error {}

/** Where the function reads keys, campaigns and promo codes, and writes events. */
export interface IngestStore {
  findKey(keyHash: string): Promise<IngestKeyRecord | null>;
  /** Which of `ids` are campaigns of the workspace. */
  campaignsInWorkspace(workspaceId: string, ids: string[]): Promise<Set<string>>;
  /** code → campaign id for the workspace's active promo codes among `codes`. */
  activePromoCodes(workspaceId: string, codes: string[]): Promise<Map<string, string>>;
  /** Inserts rows, skipping (workspace_id, event_id) already stored; returns the event ids actually inserted. */
  insertEvents(rows: TrackingEventRow[]): Promise<string[]>;
}

export interface IngestEventsDeps {
  store?: IngestStore;
  /** The moment of ingest (default: the clock). */
  now?: () => Date;
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
export function serviceStore(client: SupabaseClient = createServiceClient()): IngestStore {
  return {
    async findKey(keyHash) {
      const { data, error } = await client.from('ingest_keys').select('workspace_id, revoked_at').eq('key_hash', keyHash).maybeSingle();
      if (error) failed('look up the ingest key', error);
      return (data as IngestKeyRecord | null) ?? null;
    },
    async campaignsInWorkspace(workspaceId, ids) {
      if (ids.length === 0) return new Set();
      const { data, error } = await client.from('campaigns').select('id').eq('workspace_id', workspaceId).in('id', ids);
      if (error) failed('look up campaigns', error);
      return new Set(((data ?? []) as { id: string }[]).map((c) => c.id));
    },
    async activePromoCodes(workspaceId, codes) {
      if (codes.length === 0) return new Map();
      const { data, error } = await client
        .from('promo_codes')
        .select('code, campaign_id')
        .eq('workspace_id', workspaceId)
        .eq('active', true)
        .in('code', codes);
      if (error) failed('look up promo codes', error);
      return new Map(((data ?? []) as { code: string; campaign_id: string }[]).map((p) => [p.code, p.campaign_id]));
    },
    async insertEvents(rows) {
      const { data, error } = await client
        .from('tracking_events')
        .upsert(rows, { onConflict: 'workspace_id,event_id', ignoreDuplicates: true })
        .select('event_id');
      if (error) failed('store events', error);
      return ((data ?? []) as { event_id: string }[]).map((r) => r.event_id);
    },
  };
}

/** The body as text, refusing (413) anything over MAX_BODY_BYTES whether declared or actual. */
async function readLimitedBody(req: Request): Promise<string> {
  const declared = Number(req.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > MAX_BODY_BYTES) {
    throw new HttpError(413, `Request body too large: at most ${MAX_BODY_BYTES} bytes`);
  }
  const text = await req.text();
  if (new TextEncoder().encode(text).length > MAX_BODY_BYTES) throw new HttpError(413, `Request body too large: at most ${MAX_BODY_BYTES} bytes`);
  return text;
}

function parseBatch(text: string): { key: string | null; events: unknown[] } {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Malformed JSON body: expected { "events": [ … ] }');
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new HttpError(400, 'Request body must be a JSON object { "events": [ … ] }');
  const { events, key } = body as { events?: unknown; key?: unknown };
  if (!Array.isArray(events) || events.length === 0) throw new HttpError(400, 'events must be a non-empty array');
  if (events.length > MAX_EVENTS) throw new HttpError(413, `Too many events: at most ${MAX_EVENTS} per batch, got ${events.length}`);
  return { key: typeof key === 'string' && key.trim() !== '' ? key.trim() : null, events };
}

/** Inserts the rows; if the database refuses the batch for its data, inserts one by one so only the bad rows fail. */
async function insertWithFallback(store: IngestStore, rows: TrackingEventRow[]): Promise<{ inserted: Set<string>; refused: Map<string, string> }> {
  try {
    return { inserted: new Set(await store.insertEvents(rows)), refused: new Map() };
  } catch (error) {
    if (!(error instanceof RowRejectedError)) throw error;
  }
  const inserted = new Set<string>();
  const refused = new Map<string, string>();
  for (const row of rows) {
    try {
      for (const id of await store.insertEvents([row])) inserted.add(id);
    } catch (error) {
      if (!(error instanceof RowRejectedError)) throw error;
      refused.set(row.event_id, `refused by the database: ${error.message}`);
    }
  }
  return { inserted, refused };
}

async function ingest(req: Request, store: IngestStore, now: Date): Promise<IngestResult> {
  const batch = parseBatch(await readLimitedBody(req));
  const key = req.headers.get('x-ingest-key')?.trim() || batch.key;
  if (!key) throw new HttpError(401, 'Missing ingest key: send it in the x-ingest-key header');
  const record = key.length <= 200 ? await store.findKey(await hashIngestKey(key)) : null;
  if (!record || record.revoked_at !== null) throw new HttpError(401, 'Invalid or revoked ingest key');
  const workspaceId = record.workspace_id;

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

  const campaignIds = [...new Set(valid.flatMap((v) => (v.event.campaign_id ? [v.event.campaign_id] : [])))];
  const codes = [...new Set(valid.flatMap((v) => (v.event.promo_code && PROMO_CODE_PATTERN.test(v.event.promo_code) ? [v.event.promo_code] : [])))];
  const [ownCampaigns, promoCampaigns] = await Promise.all([
    store.campaignsInWorkspace(workspaceId, campaignIds),
    store.activePromoCodes(workspaceId, codes),
  ]);

  const rows: { index: number; row: TrackingEventRow }[] = [];
  for (const { index, event } of valid) {
    if (event.campaign_id && !ownCampaigns.has(event.campaign_id)) {
      rejected.push({ index, reason: 'campaign_id: no such campaign in this workspace' });
      continue;
    }
    const promoCampaign = event.promo_code ? promoCampaigns.get(event.promo_code) : undefined;
    rows.push({
      index,
      row: {
        workspace_id: workspaceId,
        campaign_id: event.campaign_id ?? promoCampaign ?? null,
        event_id: event.event_id,
        event_type: event.event_type,
        event_time: event.event_time,
        value: event.value,
        currency: event.currency,
        source: event.source ?? (!event.campaign_id && promoCampaign ? 'promo_code' : 'website'),
        promo_code: event.promo_code,
        schema_version: event.schema_version,
        metadata: event.metadata,
      },
    });
  }

  const { inserted, refused } = rows.length > 0 ? await insertWithFallback(store, rows.map((r) => r.row)) : { inserted: new Set<string>(), refused: new Map<string, string>() };
  for (const { index, row } of rows) {
    const reason = refused.get(row.event_id);
    if (reason) rejected.push({ index, reason });
    else if (!inserted.has(row.event_id)) duplicates += 1;
  }
  return { accepted: inserted.size, duplicates, rejected: rejected.sort((a, b) => a.index - b.index) };
}

export async function handler(req: Request, deps: IngestEventsDeps = {}): Promise<Response> {
  if (req.method === 'OPTIONS') return new Response('ok', { status: 200, headers: { ...corsHeaders, ...ingestCors } });
  if (req.method !== 'POST') return json({ error: `Method ${req.method} not allowed; POST { "events": [ … ] }` }, 405, ingestCors);
  try {
    const result = await ingest(req, deps.store ?? serviceStore(), (deps.now ?? (() => new Date()))());
    return json(result, 202, ingestCors);
  } catch (error) {
    if (error instanceof HttpError) return json(error.details === undefined ? { error: error.message } : { error: error.message, details: error.details }, error.status, ingestCors);
    return errorResponse(502, 'Could not ingest events', (error as Error).message);
  }
}
