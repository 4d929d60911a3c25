/**
 * The tracking event schema, version 1 (docs/domain-rules.md, Tracking events: schemas versioned and enforced at ingestion): what the website
 * snippet, a pixel relay or a promo-code import may send, and the rule that judges one event. Each event is judged
 * on its own so one bad event never sinks the rest of a batch.
 */
import { z } from 'zod';
import { DEFAULT_THRESHOLDS } from './thresholds.ts';

export const TRACKING_EVENT_TYPES = ['Purchase', 'AddToCart', 'ViewContent', 'Lead', 'InitiateCheckout', 'PageView', 'CompleteRegistration'] as const;
export type TrackingEventType = (typeof TRACKING_EVENT_TYPES)[number];
export const TRACKING_EVENT_SOURCES = ['pixel', 'website', 'promo_code'] as const;
export type TrackingEventSource = (typeof TRACKING_EVENT_SOURCES)[number];
export const TRACKING_SCHEMA_VERSION = 1;
/** Serialized metadata larger than this (characters) is refused: events carry context, not payloads. */
export const MAX_METADATA_CHARS = 4000;

const issueText = (issue: z.core.$ZodIssue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ${issue.message}` : issue.message);

export const trackingEventSchema = z
  .object({
    event_id: z.string({ error: 'event_id is required' }).trim().min(1, 'event_id is required').max(128, 'event_id is longer than 128 characters'),
    event_type: z.enum(TRACKING_EVENT_TYPES, { error: `event_type must be one of ${TRACKING_EVENT_TYPES.join(', ')}` }),
    event_time: z.iso.datetime({ offset: true, error: 'event_time must be an ISO-8601 date-time with a time zone' }),
    schema_version: z.literal(TRACKING_SCHEMA_VERSION, { error: `schema_version must be ${TRACKING_SCHEMA_VERSION}` }),
    value: z.number({ error: 'value must be a number' }).finite().nonnegative('value must not be negative').nullish(),
    currency: z
      .string()
      .trim()
      .transform((c) => c.toUpperCase())
      .pipe(z.string().regex(/^[A-Z]{3}$/, 'currency must be an ISO-4217 code such as USD'))
      .nullish(),
    source: z.enum(TRACKING_EVENT_SOURCES, { error: `source must be one of ${TRACKING_EVENT_SOURCES.join(', ')}` }).optional(),
    campaign_id: z.uuid({ error: 'campaign_id must be a UUID' }).nullish(),
    promo_code: z
      .string()
      .trim()
      .max(64, 'promo_code is longer than 64 characters')
      .transform((c) => (c === '' ? null : c.toUpperCase()))
      .nullish(),
    metadata: z
      .record(z.string(), z.unknown(), { error: 'metadata must be an object' })
      .refine((m) => JSON.stringify(m).length <= MAX_METADATA_CHARS, `metadata is larger than ${MAX_METADATA_CHARS} characters`)
      .optional(),
  })
  .superRefine((event, ctx) => {
    if (event.event_type === 'Purchase' && (event.value === null || event.value === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: 'a Purchase needs a value' });
    }
  });

export type TrackingEventInput = z.input<typeof trackingEventSchema>;

/** A valid event, normalised: codes upper-cased, nullable fields null, metadata an object. */
export interface TrackingEvent {
  event_id: string;
  event_type: TrackingEventType;
  event_time: string;
  schema_version: number;
  value: number | null;
  currency: string | null;
  source: TrackingEventSource | null;
  campaign_id: string | null;
  promo_code: string | null;
  metadata: Record<string, unknown>;
}

export type EventValidation = { ok: true; event: TrackingEvent } | { ok: false; reason: string };

export interface EventWindow {
  /** The moment of ingest. */
  now: Date;
  /** Oldest accepted event, in days before `now`. Default DEFAULT_THRESHOLDS.tracking.maxEventAgeDays (7). */
  maxAgeDays?: number;
  /** Latest accepted event, in minutes after `now`. Default DEFAULT_THRESHOLDS.tracking.maxFutureSkewMinutes (5). */
  maxFutureMinutes?: number;
}

/**
 * Judges one raw event against schema version 1 and the time window (no older than `maxAgeDays`, no later than
 * `maxFutureMinutes` after `now`). Returns the normalised event, or the first reason it is refused.
 */
export function validateTrackingEvent(raw: unknown, window: EventWindow): EventValidation {
  const parsed = trackingEventSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, reason: issueText(parsed.error.issues[0]) };
  const e = parsed.data;
  const at = Date.parse(e.event_time);
  const now = window.now.getTime();
  const maxAgeDays = window.maxAgeDays ?? DEFAULT_THRESHOLDS.tracking.maxEventAgeDays;
  const maxFuture = window.maxFutureMinutes ?? DEFAULT_THRESHOLDS.tracking.maxFutureSkewMinutes;
  if (at < now - maxAgeDays * 86_400_000) return { ok: false, reason: `event_time: older than ${maxAgeDays} days` };
  if (at > now + maxFuture * 60_000) return { ok: false, reason: `event_time: more than ${maxFuture} minutes in the future` };
  return {
    ok: true,
    event: {
      event_id: e.event_id,
      event_type: e.event_type,
      event_time: new Date(at).toISOString(),
      schema_version: e.schema_version,
      value: e.value ?? null,
      currency: e.currency ?? null,
      source: e.source ?? null,
      campaign_id: e.campaign_id ?? null,
      promo_code: e.promo_code ?? null,
      metadata: e.metadata ?? {},
    },
  };
}
