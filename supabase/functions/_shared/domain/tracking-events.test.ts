import { describe, expect, it } from 'vitest';
import { validateTrackingEvent } from './tracking-events.ts';

const now = new Date('2026-03-15T12:00:00Z');
const base = { event_id: 'evt-1', event_type: 'Purchase', event_time: '2026-03-15T11:00:00Z', schema_version: 1, value: 49.9, currency: 'usd' };
const reason = (raw: unknown) => {
  const result = validateTrackingEvent(raw, { now });
  return result.ok ? null : result.reason;
};

describe('validateTrackingEvent', () => {
  it('accepts a purchase and normalises currency, promo code and optional fields', () => {
    const result = validateTrackingEvent({ ...base, promo_code: ' spring10 ', event_time: '2026-03-15T13:00:00+02:00' }, { now });
    expect(result).toEqual({
      ok: true,
      event: {
        event_id: 'evt-1', event_type: 'Purchase', event_time: '2026-03-15T11:00:00.000Z', schema_version: 1, value: 49.9,
        currency: 'USD', source: null, campaign_id: null, promo_code: 'SPRING10', metadata: {},
      },
    });
  });

  it('refuses a purchase without a value', () => {
    expect(reason({ ...base, value: null })).toBe('value: a Purchase needs a value');
    expect(reason({ ...base, event_type: 'PageView', value: undefined })).toBeNull();
  });

  it('refuses unknown types, schema versions, negative values and bad currencies', () => {
    expect(reason({ ...base, event_type: 'Click' })).toMatch(/^event_type: event_type must be one of Purchase/);
    expect(reason({ ...base, schema_version: 2 })).toBe('schema_version: schema_version must be 1');
    expect(reason({ ...base, schema_version: undefined })).toBe('schema_version: schema_version must be 1');
    expect(reason({ ...base, value: -5 })).toBe('value: value must not be negative');
    expect(reason({ ...base, currency: 'dollars' })).toBe('currency: currency must be an ISO-4217 code such as USD');
    expect(reason({ ...base, campaign_id: 'abc' })).toBe('campaign_id: campaign_id must be a UUID');
    expect(reason({ ...base, metadata: ['x'] })).toBe('metadata: metadata must be an object');
    expect(reason('nope')).toBeTruthy();
  });

  it('refuses times that are not ISO, older than 7 days or more than 5 minutes ahead', () => {
    expect(reason({ ...base, event_time: 'yesterday' })).toMatch(/^event_time: event_time must be an ISO-8601/);
    expect(reason({ ...base, event_time: '2026-03-08T11:59:00Z' })).toBe('event_time: older than 7 days');
    expect(reason({ ...base, event_time: '2026-03-08T12:01:00Z' })).toBeNull();
    expect(reason({ ...base, event_time: '2026-03-15T12:04:59Z' })).toBeNull();
    expect(reason({ ...base, event_time: '2026-03-15T12:06:00Z' })).toBe('event_time: more than 5 minutes in the future');
  });
});
