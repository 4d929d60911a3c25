/**
 * The public ingest endpoint as a customer's website reaches it: plain fetch with the workspace's ingest key and no
 * Authorization at all (verify_jwt = false for this function), and the website snippet itself run against it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import vm from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient as anonClientFor, serviceClient, signUpUser, stack, type Client } from '../support/clients.ts';

async function must<T>(promise: PromiseLike<{ data: T; error: unknown }>): Promise<NonNullable<T>> {
  const { data, error } = await promise;
  if (error || data === null) throw new Error(`unexpected error: ${JSON.stringify(error)}`);
  return data as NonNullable<T>;
}

interface Tenant {
  client: Client;
  workspaceId: string;
  campaignId: string;
  promoCampaignId: string;
  keyId: string;
  key: string;
}

/** A workspace whose admin issued an ingest key, with two campaigns, one reached by the promo code `<LABEL>10`. */
async function seedTenant(label: string): Promise<Tenant> {
  const { client } = await signUpUser(`${label}-${crypto.randomUUID().slice(0, 8)}@example.com`);
  const ws = await must(client.from('workspaces').insert({ name: `${label} shop` }).select().single());
  const [campaign, promoCampaign] = await must(
    client
      .from('campaigns')
      .insert([
        { workspace_id: ws.id, name: `${label} spring sale`, objective: 'sales' },
        { workspace_id: ws.id, name: `${label} newsletter`, objective: 'sales' },
      ])
      .select()
      .order('name', { ascending: false }),
  );
  await must(client.from('promo_codes').insert({ workspace_id: ws.id, campaign_id: promoCampaign.id, code: `${label.toUpperCase()}10` }).select());
  const issued = (await must(client.rpc('create_ingest_key', { p_workspace_id: ws.id, p_label: 'Storefront' }))) as { id: string; key: string };
  return { client, workspaceId: ws.id, campaignId: campaign.id, promoCampaignId: promoCampaign.id, keyId: issued.id, key: issued.key };
}

function ingest(body: unknown, key?: string): Promise<Response> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (key) headers['x-ingest-key'] = key;
  return fetch(`${stack().url}/functions/v1/ingest-events`, { method: 'POST', headers, body: JSON.stringify(body) });
}

const event = (extra: Record<string, unknown> = {}) => ({
  event_id: crypto.randomUUID(),
  event_type: 'ViewContent',
  event_time: new Date().toISOString(),
  schema_version: 1,
  ...extra,
});

async function storedEvents(workspaceId: string, eventIds: string[]) {
  return must(
    serviceClient().from('tracking_events').select('event_id, campaign_id, event_type, value, currency, source, promo_code, workspace_id').eq('workspace_id', workspaceId).in('event_id', eventIds),
  );
}

let shop: Tenant;
let rival: Tenant;

beforeAll(async () => {
  [shop, rival] = await Promise.all([seedTenant('shop'), seedTenant('rival')]);
});

describe('ingest-events', () => {
  it('stores a batch sent without any Authorization once, even when it is sent twice', async () => {
    const batch = {
      events: [
        event({ event_type: 'Purchase', value: 59.5, currency: 'eur', campaign_id: shop.campaignId }),
        event({ event_type: 'AddToCart', campaign_id: shop.campaignId }),
      ],
    };
    const first = await ingest(batch, shop.key);
    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
    const again = await ingest(batch, shop.key);
    expect(await again.json()).toEqual({ accepted: 0, duplicates: 2, rejected: [] });

    const rows = await storedEvents(shop.workspaceId, batch.events.map((e) => e.event_id));
    expect(rows).toHaveLength(2);
    expect(rows.find((r) => r.event_type === 'Purchase')).toMatchObject({ campaign_id: shop.campaignId, value: 59.5, currency: 'EUR', source: 'website' });
    // Members of the workspace see them through RLS, as the app would.
    const { data: visible } = await shop.client.from('tracking_events').select('event_id').in('event_id', batch.events.map((e) => e.event_id));
    expect(visible).toHaveLength(2);
  });

  it('stores overlapping batches sent at the same time exactly once each, and a server batch of 1,000', async () => {
    const events = Array.from({ length: 120 }, () => event({ campaign_id: shop.campaignId }));
    // Four senders, each with an overlapping window of the same events.
    const windows = [0, 20, 40, 70].map((start) => events.slice(start, start + 50));
    const results = (await Promise.all(windows.map(async (w) => (await ingest({ events: w }, shop.key)).json()))) as { accepted: number; duplicates: number }[];
    expect(results.reduce((n, r) => n + r.accepted, 0)).toBe(120);
    expect(results.reduce((n, r) => n + r.accepted + r.duplicates, 0)).toBe(200);
    expect(await storedEvents(shop.workspaceId, events.map((e) => e.event_id))).toHaveLength(120);

    const server = Array.from({ length: 1000 }, () => event());
    const res = await ingest({ events: server }, shop.key);
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: 1000, duplicates: 0, rejected: [] });
  });

  it('refuses the batch function to every client role: only the ingest endpoint (service role) may call it', async () => {
    const { error: anon } = await anonClientFor().rpc('ingest_tracking_events', { p_key_hash: 'x', p_events: [] });
    expect(anon?.code).toBe('42501');
    const { error: member } = await shop.client.rpc('ingest_tracking_events', { p_key_hash: 'x', p_events: [] });
    expect(member?.code).toBe('42501');
  });

  it('attributes a purchase to the campaign of its promo code', async () => {
    const purchase = event({ event_type: 'Purchase', value: 20, currency: 'USD', promo_code: 'shop10' });
    const res = await ingest({ events: [purchase] }, shop.key);
    expect(await res.json()).toEqual({ accepted: 1, duplicates: 0, rejected: [] });
    const [row] = await storedEvents(shop.workspaceId, [purchase.event_id]);
    expect(row).toMatchObject({ campaign_id: shop.promoCampaignId, promo_code: 'SHOP10', source: 'promo_code' });

    // Another workspace's promo code reaches nothing here.
    const foreignCode = event({ promo_code: 'RIVAL10' });
    await ingest({ events: [foreignCode] }, shop.key);
    const [unattributed] = await storedEvents(shop.workspaceId, [foreignCode.event_id]);
    expect(unattributed.campaign_id).toBeNull();
  });

  it("rejects an event naming another workspace's campaign and lands the rest of the batch", async () => {
    const good = event({ campaign_id: shop.campaignId });
    const foreign = event({ campaign_id: rival.campaignId });
    const noValue = event({ event_type: 'Purchase' });
    const res = await ingest({ events: [good, foreign, noValue] }, shop.key);
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({
      accepted: 1,
      duplicates: 0,
      rejected: [
        { index: 1, reason: 'campaign_id: no such campaign in this workspace' },
        { index: 2, reason: 'value: a Purchase needs a value' },
      ],
    });
    expect((await storedEvents(shop.workspaceId, [good.event_id, foreign.event_id, noValue.event_id])).map((r) => r.event_id)).toEqual([good.event_id]);
    expect(await storedEvents(rival.workspaceId, [foreign.event_id])).toHaveLength(0);
  });

  it('answers 401 to a missing, unknown or revoked key and stores nothing', async () => {
    const { client, workspaceId } = shop;
    const issued = (await must(client.rpc('create_ingest_key', { p_workspace_id: workspaceId, p_label: 'Old site' }))) as { id: string; key: string };
    await must(client.from('ingest_keys').update({ revoked_at: new Date().toISOString() }).eq('id', issued.id).select());

    const attempt = event();
    for (const key of [undefined, 'mot_not-a-real-key', issued.key]) {
      const res = await ingest({ events: [attempt] }, key);
      expect(res.status).toBe(401);
      expect((await res.json()).error).toMatch(/ingest key/);
    }
    expect(await storedEvents(workspaceId, [attempt.event_id])).toHaveLength(0);
  });

  it('answers 400 to malformed JSON and 413 to an oversized batch', async () => {
    const malformed = await fetch(`${stack().url}/functions/v1/ingest-events`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-ingest-key': shop.key },
      body: '{"events": [',
    });
    expect(malformed.status).toBe(400);
    expect(JSON.stringify(await malformed.json())).toMatch(/Malformed JSON/);
    // A browser (it sends Origin) is held to 50 events; a server to 1,000.
    const tooMany = await fetch(`${stack().url}/functions/v1/ingest-events`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-ingest-key': shop.key, Origin: 'https://shop.example' },
      body: JSON.stringify({ events: Array.from({ length: 51 }, () => event()) }),
    });
    expect(tooMany.status).toBe(413);
    expect((await tooMany.json()).error).toMatch(/at most 50/);
    const tooManyForServer = await ingest({ events: Array.from({ length: 1001 }, () => event()) }, shop.key);
    expect(tooManyForServer.status).toBe(413);
    expect((await tooManyForServer.json()).error).toMatch(/at most 1000/);
  });

  it('lets members read key labels while only admins issue keys, and keeps plain keys out of the table', async () => {
    const { data: keys } = await shop.client.from('ingest_keys').select('label, key_hash, revoked_at').eq('id', shop.keyId);
    expect(keys).toEqual([{ label: 'Storefront', key_hash: expect.stringMatching(/^[0-9a-f]{64}$/), revoked_at: null }]);
    expect(keys?.[0].key_hash).not.toContain(shop.key);
    const { error } = await rival.client.rpc('create_ingest_key', { p_workspace_id: shop.workspaceId, p_label: 'squat' });
    expect(error?.code).toBe('42501');
  });

  it('accepts what the website snippet sends, with promo and campaign captured from the landing URL', async () => {
    const beacons: Promise<Response>[] = [];
    const storage = new Map<string, string>();
    const window: Record<string, unknown> = {
      location: { search: `?promo=shop10&utm_source=newsletter&mot_campaign=${shop.campaignId}`, pathname: '/checkout' },
      document: { referrer: '', visibilityState: 'visible', addEventListener: () => undefined },
      navigator: {
        // What a browser's beacon does: POST the blob as is, with no Authorization.
        sendBeacon: (url: string, blob: Blob) => {
          beacons.push(blob.text().then((body) => fetch(url, { method: 'POST', headers: { 'Content-Type': blob.type }, body })));
          return true;
        },
      },
      localStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) },
      crypto: globalThis.crypto,
      addEventListener: () => undefined,
      fetch,
    };
    const source = readFileSync(path.resolve(import.meta.dirname, '../../public/tracker.js'), 'utf8');
    expect(Buffer.byteLength(source)).toBeLessThan(4096);
    vm.runInNewContext(source, { window, URLSearchParams, Blob, Date, JSON, Object, Array, Uint8Array, Number, String, Error, setTimeout, clearTimeout });

    const mot = window.MOT as { init(o: unknown): unknown; track(t: string, o?: unknown): string; flush(): void };
    mot.init({ endpoint: `${stack().url}/functions/v1/ingest-events`, workspaceKey: shop.key, pageView: false });
    const ids = [mot.track('AddToCart'), mot.track('Purchase', { value: 80, currency: 'usd', metadata: { order: 'A-1' } })];
    mot.flush();
    expect(beacons).toHaveLength(1);
    const res = await beacons[0];
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: 2, duplicates: 0, rejected: [] });

    const rows = await storedEvents(shop.workspaceId, ids);
    expect(rows.find((r) => r.event_type === 'Purchase')).toMatchObject({ campaign_id: shop.campaignId, promo_code: 'SHOP10', value: 80, currency: 'USD' });
    const { data: meta } = await serviceClient().from('tracking_events').select('metadata').eq('event_id', ids[1]).single();
    expect(meta?.metadata).toMatchObject({ order: 'A-1', page: '/checkout', utm: { utm_source: 'newsletter' } });
  });
});
