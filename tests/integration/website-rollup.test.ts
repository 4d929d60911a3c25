/**
 * The website roll-up end to end: events reach the real ingest-events function with a workspace key, which answers
 * once they are stored and then rolls the touched days up into 'website' snapshots in the workspace's time zone in
 * the background; the result is exactly the expected snapshot. Replaying the batch, or re-running the roll-up, changes nothing (same rows, no audit entries).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { serviceClient, signUpUser, stack, type Client } from '../support/clients.ts';
import { waitFor } from '../support/wait-for.ts';

async function must<T>(promise: PromiseLike<{ data: T; error: unknown }>): Promise<NonNullable<T>> {
  const { data, error } = await promise;
  if (error || data === null) throw new Error(`unexpected error: ${JSON.stringify(error)}`);
  return data as NonNullable<T>;
}

const TZ = 'Europe/Berlin';
/** The calendar day `offset` days from today in Berlin. */
function berlinDay(offset: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: TZ, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  return new Date(Date.parse(`${today}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
}
/** A Berlin wall-clock time on `day` as an instant (offset found by asking Intl, so DST is right). */
function berlinTime(day: string, hhmm: string): string {
  const guess = Date.parse(`${day}T${hhmm}:00Z`);
  const shown = new Intl.DateTimeFormat('en-GB', { timeZone: TZ, hour: '2-digit', minute: '2-digit', hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(new Date(guess));
  const get = (t: string) => Number(shown.find((p) => p.type === t)?.value);
  const asUtc = Date.UTC(get('year'), get('month') - 1, get('day'), get('hour'), get('minute'));
  return new Date(guess - (asUtc - guess)).toISOString();
}

function ingest(events: unknown[], key: string): Promise<Response> {
  return fetch(`${stack().url}/functions/v1/ingest-events`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-ingest-key': key }, body: JSON.stringify({ events }) });
}

function rollUp(client: Client, body: Record<string, unknown>) {
  return client.functions.invoke('roll-up-website', { body });
}

const COLUMNS = 'id, campaign_id, date, data_source, sales, revenue, conversions, add_to_carts, leads, spend, impressions, clicks, updated_at';

let admin: Client;
let workspaceId: string;
let spring: string;
let newsletter: string;
let key: string;
const D = berlinDay(-2);
const D1 = berlinDay(-1);
let batch: Record<string, unknown>[];

beforeAll(async () => {
  const owner = await signUpUser();
  admin = owner.client;
  const ws = await must(admin.from('workspaces').insert({ name: 'Roll-up shop' }).select().single());
  workspaceId = ws.id;
  await must(admin.from('workspaces').update({ time_zone: TZ }).eq('id', ws.id).select());
  const [a, b] = await must(
    admin
      .from('campaigns')
      .insert([
        { workspace_id: ws.id, name: 'A spring sale', objective: 'sales', utm_campaign: 'spring_sale' },
        { workspace_id: ws.id, name: 'B newsletter', objective: 'sales' },
      ])
      .select()
      .order('name'),
  );
  spring = a.id;
  newsletter = b.id;
  await must(admin.from('promo_codes').insert({ workspace_id: ws.id, campaign_id: newsletter, code: 'BSALE10' }).select());
  key = ((await must(admin.rpc('create_ingest_key', { p_workspace_id: ws.id, p_label: 'Shop' }))) as { key: string }).key;

  const e = (event_type: string, at: string, extra: Record<string, unknown> = {}) => ({ event_id: crypto.randomUUID(), event_type, event_time: at, schema_version: 1, currency: 'USD', ...extra });
  batch = [
    e('PageView', berlinTime(D, '09:00'), { metadata: { visitor_id: 'v1', utm: { utm_campaign: 'spring_sale' } } }),
    e('Purchase', berlinTime(D, '09:20'), { value: 120, metadata: { visitor_id: 'v1', utm: { utm_campaign: 'spring_sale' } } }),
    e('AddToCart', berlinTime(D, '11:00'), { campaign_id: spring }),
    e('Purchase', berlinTime(D, '12:00'), { value: 45.5, promo_code: 'bsale10' }),
    e('Lead', berlinTime(D, '13:00'), { campaign_id: newsletter }),
    // Visitor v5 landed from A, bought through B's link: last touch gives B the sale, first touch A.
    e('PageView', berlinTime(D, '08:00'), { campaign_id: spring, metadata: { visitor_id: 'v5' } }),
    e('Purchase', berlinTime(D, '15:00'), { value: 100, campaign_id: newsletter, metadata: { visitor_id: 'v5' } }),
    e('Purchase', berlinTime(D, '23:30'), { value: 30, campaign_id: spring }),
    // 00:30 in Berlin is still the previous day in UTC: it counts for D+1 here.
    e('Purchase', berlinTime(D1, '00:30'), { value: 10, campaign_id: spring }),
    e('Purchase', berlinTime(D, '14:00'), { value: 99 }), // reaches no campaign
  ];
});

async function websiteRows() {
  return must(admin.from('performance_snapshots').select(COLUMNS).eq('workspace_id', workspaceId).eq('data_source', 'website').order('campaign_id').order('date'));
}
async function auditCount() {
  const { count } = await serviceClient().from('audit_log').select('id', { count: 'exact', head: true }).eq('workspace_id', workspaceId).eq('table_name', 'performance_snapshots');
  return count ?? 0;
}

describe('website roll-up', () => {
  it('refuses a time zone that is not an IANA name', async () => {
    const { error } = await admin.from('workspaces').update({ time_zone: 'Mars/Olympus' }).eq('id', workspaceId);
    expect(error?.code).toBe('23514');
  });

  it('turns an ingested batch into exactly the expected daily snapshots, in the workspace time zone', async () => {
    const res = await ingest(batch, key);
    expect(res.status).toBe(202);
    expect(await res.json()).toEqual({ accepted: batch.length, duplicates: 0, rejected: [] });
    const none = { spend: null, impressions: null, clicks: null };
    const expected = [
      { campaign_id: spring, date: D, data_source: 'website', sales: 150, revenue: 150, conversions: 2, add_to_carts: 1, leads: 0, ...none },
      { campaign_id: spring, date: D1, data_source: 'website', sales: 10, revenue: 10, conversions: 1, add_to_carts: 0, leads: 0, ...none },
      { campaign_id: newsletter, date: D, data_source: 'website', sales: 145.5, revenue: 145.5, conversions: 2, add_to_carts: 0, leads: 1, ...none },
      { campaign_id: newsletter, date: D1, data_source: 'website', sales: 0, revenue: 0, conversions: 0, add_to_carts: 0, leads: 0, ...none },
    ].sort((x, y) => x.campaign_id.localeCompare(y.campaign_id) || x.date.localeCompare(y.date));
    // The roll-up runs after the answer: wait for its rows, then compare them exactly.
    const rows = await waitFor(async () => {
      const current = (await websiteRows()).map(({ id: _id, updated_at: _u, ...r }) => r);
      return current.length === expected.length && current;
    }, { what: 'the background roll-up to write the website snapshots' });
    expect(rows).toEqual(expected);
  });

  it('changes nothing when the batch is replayed or the roll-up re-runs', async () => {
    const before = await websiteRows();
    const audits = await auditCount();
    const replay = await ingest(batch, key);
    expect(await replay.json()).toEqual({ accepted: 0, duplicates: batch.length, rejected: [] });
    const { data, error } = await rollUp(admin, { workspace_id: workspaceId, days: [D, D1] });
    expect(error).toBeNull();
    expect(data.workspaces[0]).toMatchObject({ rows: 4, written: 0, unchanged: 4, quarantined: 0, unattributed: 1 });
    expect(await websiteRows()).toEqual(before);
    expect(await auditCount()).toBe(audits);
  });

  it("re-credits the visitor's purchase when the workspace switches to first-touch attribution", async () => {
    await must(admin.from('workspaces').update({ attribution_model: 'first_touch' }).eq('id', workspaceId).select());
    const { data } = await rollUp(admin, { workspace_id: workspaceId, days: [D] });
    expect(data.workspaces[0]).toMatchObject({ written: 2 });
    const rows = await websiteRows();
    expect(rows.filter((r) => r.date === D).map((r) => [r.campaign_id, r.sales, r.conversions])).toEqual(
      [
        [spring, 250, 3],
        [newsletter, 45.5, 1],
      ].sort((x, y) => String(x[0]).localeCompare(String(y[0]))),
    );
    const { error } = await admin.from('workspaces').update({ attribution_model: 'most_clicks' as never }).eq('id', workspaceId);
    expect(error?.code).toBe('23514');
  });

  it('refuses a viewer and hides the workspace from another one', async () => {
    const viewer = await signUpUser();
    await must(serviceClient().from('workspace_members').insert({ workspace_id: workspaceId, user_id: viewer.user.id, role: 'viewer' }).select());
    const asViewer = await rollUp(viewer.client, { workspace_id: workspaceId });
    expect(asViewer.error).not.toBeNull();
    expect((asViewer.error as { context?: Response }).context?.status).toBe(403);
    const outsider = await signUpUser();
    const asOutsider = await rollUp(outsider.client, { workspace_id: workspaceId });
    expect((asOutsider.error as { context?: Response }).context?.status).toBe(404);
  });

  it('rolls up every workspace on the schedule, with the service key', async () => {
    const res = await fetch(`${stack().url}/functions/v1/roll-up-website`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${stack().serviceRoleKey}` },
      body: JSON.stringify({ trigger: 'schedule' }),
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as { workspaces: { workspace_id: string; written: number; days: string[] }[] };
    const mine = body.workspaces.find((w) => w.workspace_id === workspaceId);
    // The recent days now include today: zero rows for both tracked campaigns are the only new writes.
    expect(mine?.days.at(-1)).toBe(berlinDay(0));
    expect(mine?.written).toBe(2);
  });
});

describe('a busy day', () => {
  it('counts every event past one page of 1,000, with many events at the same instant across page boundaries', async () => {
    const owner = await signUpUser();
    const ws = await must(owner.client.from('workspaces').insert({ name: 'Busy shop' }).select().single());
    const campaign = await must(owner.client.from('campaigns').insert({ workspace_id: ws.id, name: 'Flash sale', objective: 'sales' }).select().single());
    // 2,500 purchases of 1: 1,200 in the same millisecond (so the 1,000th and 1,001st read tie on event_time), the
    // rest a second apart; any event skipped or read twice at a page boundary shows in the total.
    const noon = Date.parse(`${D}T12:00:00Z`);
    const rows = Array.from({ length: 2500 }, (_, i) => ({
      workspace_id: ws.id,
      campaign_id: campaign.id,
      event_id: `busy-${i}`,
      event_type: 'Purchase' as const,
      event_time: new Date(i < 1200 ? noon : noon + (i - 1199) * 1000).toISOString(),
      value: 1,
      currency: 'USD',
      source: 'website' as const,
    }));
    for (let i = 0; i < rows.length; i += 1000) await must(serviceClient().from('tracking_events').insert(rows.slice(i, i + 1000)).select('id'));

    const { data, error } = await rollUp(owner.client, { workspace_id: ws.id, days: [D] });
    expect(error).toBeNull();
    expect(data.workspaces[0]).toMatchObject({ rows: 1, written: 1 });
    const snapshot = await must(owner.client.from('performance_snapshots').select('sales, conversions').eq('campaign_id', campaign.id).eq('date', D).eq('data_source', 'website').single());
    expect(snapshot).toEqual({ sales: 2500, conversions: 2500 });
  });
});
