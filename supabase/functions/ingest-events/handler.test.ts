import { describe, expect, it } from 'vitest';
import { handler, hashIngestKey, MAX_BODY_BYTES, RowRejectedError, type IngestCandidate, type IngestStore } from './handler.ts';

const WS = 'ws-1';
const CAMPAIGN = '6f1c2a9e-3b7d-4c1e-9a51-1d2e3f4a5b6c';
const PROMO_CAMPAIGN = '7a2d3b0f-4c8e-4d2f-8b62-2e3f4a5b6c7d';
const FOREIGN_CAMPAIGN = '8b3e4c1a-5d9f-4e3a-9c73-3f4a5b6c7d8e';
const KEY = 'mot_test_key';
const REVOKED = 'mot_revoked_key';
const now = () => new Date('2026-03-15T12:00:00Z');

interface StoredRow extends IngestCandidate {
  workspace_id: string;
}

/** An in-memory store with the semantics of `ingest_tracking_events`: key, own campaigns, promo codes, idempotency. */
async function memoryStore(options: { refuse?: (event: IngestCandidate) => string | null } = {}) {
  const keys = new Map([
    [await hashIngestKey(KEY), { workspace_id: WS, revoked_at: null as string | null }],
    [await hashIngestKey(REVOKED), { workspace_id: WS, revoked_at: '2026-03-01T00:00:00Z' }],
  ]);
  const rows: StoredRow[] = [];
  const calls: number[] = [];
  const store: IngestStore = {
    ingest: async (hash, batch) => {
      calls.push(batch.length);
      const key = keys.get(hash);
      if (!key || key.revoked_at) return null;
      for (const event of batch) {
        const reason = options.refuse?.(event);
        if (reason) throw new RowRejectedError(reason);
      }
      const own = (id: string | null) => id !== null && [CAMPAIGN, PROMO_CAMPAIGN].includes(id);
      const foreignCampaign = batch.filter((e) => e.campaign_id !== null && !own(e.campaign_id)).map((e) => e.event_id);
      const inserted: string[] = [];
      for (const e of batch) {
        if (foreignCampaign.includes(e.event_id) || rows.some((r) => r.workspace_id === key.workspace_id && r.event_id === e.event_id)) continue;
        const promo = e.promo_code === 'SPRING10' ? PROMO_CAMPAIGN : null;
        rows.push({ ...e, workspace_id: key.workspace_id, campaign_id: e.campaign_id ?? promo, source: e.source ?? (!e.campaign_id && promo ? 'promo_code' : 'website') });
        inserted.push(e.event_id);
      }
      return { workspaceId: key.workspace_id, inserted, foreignCampaign };
    },
  };
  return { store, rows, calls };
}

/** A request as a browser sends it (with Origin) unless `headers` says otherwise. */
function post(body: unknown, headers: Record<string, string> = { 'x-ingest-key': KEY, origin: 'https://shop.example' }) {
  return new Request('http://x/ingest-events', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const event = (id: string, extra: Record<string, unknown> = {}) => ({
  event_id: id, event_type: 'PageView', event_time: '2026-03-15T11:59:00Z', schema_version: 1, ...extra,
});

describe('ingest-events handler', () => {
  it('accepts a valid batch with 202 and stores it once even when sent twice', async () => {
    const { store, rows } = await memoryStore();
    const batch = { events: [event('e1'), event('e2', { event_type: 'Purchase', value: 49.9, currency: 'usd', campaign_id: CAMPAIGN })] };
    const first = await handler(post(batch), { store, now });
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    const second = await handler(post(batch), { store, now });
    expect(await second.json()).toEqual({ accepted: 0, duplicates: 2, rejected: [] });
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatchObject({ workspace_id: WS, campaign_id: CAMPAIGN, currency: 'USD', value: 49.9, source: 'website' });
  });

  it('answers once the events are stored, without waiting for the roll-up, and asks it only for stored events', async () => {
    const { store, rows } = await memoryStore();
    const asked: [string, string[]][] = [];
    // A roll-up that never finishes: the answer must not depend on it.
    const rollUp = (workspaceId: string, times: string[]) => {
      asked.push([workspaceId, times]);
      return new Promise<void>(() => undefined);
    };
    await handler(post({ events: [event('seen', { event_time: '2026-03-14T10:00:00Z' })] }), { store, now, rollUp });
    const res = await handler(post({ events: [event('seen'), event('new', { event_time: '2026-03-15T08:30:00Z' }), event('bad', { event_type: 'Purchase' })] }), { store, now, rollUp });
    expect(res.status).toBe(202);
    expect(await res.json()).toMatchObject({ accepted: 1, duplicates: 1 });
    expect(rows).toHaveLength(2);
    expect(asked).toEqual([
      [WS, ['2026-03-14T10:00:00.000Z']],
      [WS, ['2026-03-15T08:30:00.000Z']],
    ]);
    // A batch of duplicates only asks for nothing.
    await handler(post({ events: [event('new')] }), { store, now, rollUp });
    expect(asked).toHaveLength(2);
  });

  it('still answers 202 when the roll-up cannot even be queued', async () => {
    const { store, rows } = await memoryStore();
    const res = await handler(post({ events: [event('q1')] }), { store, now, rollUp: () => { throw new Error('queue broken'); } });
    expect(res.status).toBe(202);
    expect(rows).toHaveLength(1);
  });

  it('counts a repeated event_id inside one batch as a duplicate', async () => {
    const { store, rows } = await memoryStore();
    const res = await handler(post({ events: [event('same'), event('same')] }), { store, now });
    expect(await res.json()).toEqual({ accepted: 1, duplicates: 1, rejected: [] });
    expect(rows).toHaveLength(1);
  });

  it('attributes an event to the campaign of an active promo code', async () => {
    const { store, rows } = await memoryStore();
    await handler(post({ events: [event('p1', { event_type: 'Purchase', value: 20, promo_code: 'spring10' }), event('p2', { promo_code: 'UNKNOWN' })] }), { store, now });
    expect(rows.map((r) => [r.event_id, r.campaign_id, r.source, r.promo_code])).toEqual([
      ['p1', PROMO_CAMPAIGN, 'promo_code', 'SPRING10'],
      ['p2', null, 'website', 'UNKNOWN'],
    ]);
  });

  it('rejects bad events individually with their reasons and lands the rest', async () => {
    const { store, rows } = await memoryStore();
    const res = await handler(
      post({
        events: [
          event('ok-1'),
          event('no-value', { event_type: 'Purchase' }),
          event('foreign', { campaign_id: FOREIGN_CAMPAIGN }),
          event('old', { event_time: '2026-03-01T00:00:00Z' }),
          event('ok-2', { value: 3 }),
          { event_type: 'Lead' },
        ],
      }),
      { store, now },
    );
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({
      accepted: 2,
      duplicates: 0,
      rejected: [
        { index: 1, reason: 'value: a Purchase needs a value' },
        { index: 2, reason: 'campaign_id: no such campaign in this workspace' },
        { index: 3, reason: 'event_time: older than 7 days' },
        { index: 5, reason: 'event_id: event_id is required' },
      ],
    });
    expect(rows.map((r) => r.event_id)).toEqual(['ok-1', 'ok-2']);
  });

  it('stores a batch in one store call', async () => {
    const { store, calls } = await memoryStore();
    await handler(post({ events: [event('one'), event('two'), event('three', { campaign_id: FOREIGN_CAMPAIGN })] }), { store, now });
    expect(calls).toEqual([3]);
  });

  it('takes up to 1,000 events from a server (no Origin) but 50 from a browser', async () => {
    const { store, rows } = await memoryStore();
    const events = (n: number, p: string) => Array.from({ length: n }, (_, i) => event(`${p}${i}`));
    const server = await handler(post({ events: events(1000, 's') }, { 'x-ingest-key': KEY }), { store, now });
    expect(server.status).toBe(202);
    expect((await server.json()).accepted).toBe(1000);
    const tooMany = await handler(post({ events: events(1001, 't') }, { 'x-ingest-key': KEY }), { store, now });
    expect(tooMany.status).toBe(413);
    expect((await tooMany.json()).error).toBe('Too many events: at most 1000 per batch, got 1001');
    expect(rows).toHaveLength(1000);
  });

  it('falls back to one insert per event when the database refuses the batch', async () => {
    const { store, rows, calls } = await memoryStore({ refuse: (row) => (row.event_id === 'bad' ? 'violates check constraint' : null) });
    const res = await handler(post({ events: [event('a'), event('bad'), event('c')] }), { store, now });
    expect(await res.json()).toEqual({ accepted: 2, duplicates: 0, rejected: [{ index: 1, reason: 'refused by the database: violates check constraint' }] });
    expect(rows.map((r) => r.event_id)).toEqual(['a', 'c']);
    expect(calls).toEqual([3, 1, 1, 1]);
  });

  it('answers 401 for a missing, unknown or revoked key and stores nothing', async () => {
    const { store, rows } = await memoryStore();
    const batch = { events: [event('e1')] };
    for (const headers of [{}, { 'x-ingest-key': 'mot_nope' }, { 'x-ingest-key': REVOKED }] as Record<string, string>[]) {
      headers.origin = 'https://shop.example';
      const res = await handler(post(batch, headers), { store, now });
      expect(res.status).toBe(401);
      expect((await res.json()).error).toMatch(/ingest key/);
    }
    expect(rows).toHaveLength(0);
  });

  it('takes the key from the body when the header is absent (sendBeacon cannot set headers)', async () => {
    const { store, rows } = await memoryStore();
    const req = new Request('http://x/ingest-events', { method: 'POST', headers: { 'Content-Type': 'text/plain' }, body: JSON.stringify({ key: KEY, events: [event('b1')] }) });
    const res = await handler(req, { store, now });
    expect(res.status).toBe(202);
    expect(rows).toHaveLength(1);
  });

  it('answers 400 for malformed bodies and 413 for oversized ones', async () => {
    const { store } = await memoryStore();
    const malformed = await handler(post('{"events": ['), { store, now });
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error).toMatch(/Malformed JSON/);
    expect((await handler(post({ events: [] }), { store, now })).status).toBe(400);
    expect((await handler(post({ events: 'x' }), { store, now })).status).toBe(400);
    expect((await handler(post([event('a')]), { store, now })).status).toBe(400);

    const tooMany = await handler(post({ events: Array.from({ length: 51 }, (_, i) => event(`e${i}`)) }), { store, now });
    expect(tooMany.status).toBe(413);
    expect((await tooMany.json()).error).toBe('Too many events: at most 50 per batch, got 51');
    const huge = await handler(post({ events: [event('a', { metadata: { blob: 'x'.repeat(MAX_BODY_BYTES) } })] }), { store, now });
    expect(huge.status).toBe(413);
  });

  it('answers preflights allowing the key header, and 405 to other methods', async () => {
    const preflight = await handler(new Request('http://x/ingest-events', { method: 'OPTIONS' }));
    expect(preflight.status).toBe(200);
    expect(preflight.headers.get('Access-Control-Allow-Headers')).toContain('x-ingest-key');
    expect(preflight.headers.get('Access-Control-Allow-Origin')).toBe('*');
    expect((await handler(new Request('http://x/ingest-events'))).status).toBe(405);
  });

  it('answers 502 when the store is unreachable', async () => {
    const { store } = await memoryStore();
    const res = await handler(post({ events: [event('e1')] }), { store: { ...store, ingest: async () => { throw new Error('connection refused'); } }, now });
    expect(res.status).toBe(502);
  });
});
