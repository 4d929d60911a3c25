/**
 * The website roll-up's job log (website_rollup_runs, migration 20261201086000) on the real stack: an ingest through
 * the real ingest-events function leaves a succeeded 'ingest' run with the roll-up's counts, including the purchases
 * that reached no campaign (a mistyped utm_campaign, no campaign at all); a member's and the schedule's roll-up-website
 * calls leave 'manual' and 'schedule' runs; a roll-up that fails is answered as before even when its run cannot be
 * logged; runs older than 30 days go. RLS: every role of the workspace reads the log and none can write it, members
 * of another workspace and anon see nothing, the service role writes.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { anonClient, serviceClient, stack, type Client } from '../support/clients.ts';
import { makeTeam, must, ROLES, type Team } from '../support/team.ts';
import { waitFor } from '../support/wait-for.ts';

const RUN_COLUMNS = 'id, trigger, status, days, rows_written, rows_unchanged, rows_quarantined, unattributed, other_currency, error, finished_at';
const YESTERDAY = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
const at = (hhmm: string) => `${YESTERDAY}T${hhmm}:00.000Z`;

let team: Team;
let other: Team;
let key: string;

function ingest(events: unknown[]): Promise<Response> {
  return fetch(`${stack().url}/functions/v1/ingest-events`, { method: 'POST', headers: { 'Content-Type': 'application/json', 'x-ingest-key': key }, body: JSON.stringify({ events }) });
}

async function runs(client: Client, workspaceId = team.workspaceId) {
  return must(client.from('website_rollup_runs').select(RUN_COLUMNS).eq('workspace_id', workspaceId).order('started_at'));
}

beforeAll(async () => {
  [team, other] = await Promise.all([makeTeam('Roll-up log'), makeTeam('Roll-up log outsider')]);
  const admin = team.members.admin.client;
  await must(admin.from('campaigns').insert({ workspace_id: team.workspaceId, name: 'Spring sale', objective: 'sales', utm_campaign: 'spring_sale' }).select());
  key = ((await must(admin.rpc('create_ingest_key', { p_workspace_id: team.workspaceId, p_label: 'Shop' }))) as { key: string }).key;
});

describe('website roll-up job log', () => {
  it('records the roll-up after an ingest, with the purchases that reached no campaign', async () => {
    const e = (event_type: string, time: string, extra: Record<string, unknown> = {}) => ({ event_id: crypto.randomUUID(), event_type, event_time: at(time), schema_version: 1, currency: 'USD', ...extra });
    const res = await ingest([
      e('PageView', '09:00', { metadata: { visitor_id: 'v1', utm: { utm_campaign: 'spring_sale' } } }),
      e('Purchase', '09:10', { value: 50, metadata: { visitor_id: 'v1', utm: { utm_campaign: 'spring_sale' } } }),
      // A mistyped utm_campaign and a purchase with nothing at all: neither reaches the campaign.
      e('PageView', '10:00', { metadata: { visitor_id: 'v2', utm: { utm_campaign: 'sprng_sale' } } }),
      e('Purchase', '10:10', { value: 70, metadata: { visitor_id: 'v2', utm: { utm_campaign: 'sprng_sale' } } }),
      e('Purchase', '11:00', { value: 20 }),
    ]);
    expect(res.status).toBe(202);
    const [run] = await waitFor(async () => {
      const done = (await runs(serviceClient())).filter((r) => r.trigger === 'ingest' && r.status !== 'running');
      return done.length > 0 && done;
    }, { what: 'the background roll-up to log its run', timeoutMs: 15_000 });
    expect(run).toMatchObject({ status: 'succeeded', days: [YESTERDAY], rows_written: 1, rows_unchanged: 0, rows_quarantined: 0, unattributed: 2, other_currency: 0, error: null });
    expect(run.finished_at).not.toBeNull();
  });

  it("logs a member's roll-up as manual and the schedule's as schedule, keeping the newest 500 runs", async () => {
    // 499 finished runs from last month next to the ingest's run: each of the two runs below pushes out the oldest.
    const month = Date.now() - 30 * 86_400_000;
    const stamp = (i: number) => new Date(month + i * 60_000).toISOString();
    const old = await must(
      serviceClient()
        .from('website_rollup_runs')
        .insert(Array.from({ length: 499 }, (_, i) => ({ workspace_id: team.workspaceId, trigger: 'schedule', status: 'succeeded', started_at: stamp(i), finished_at: stamp(i) })))
        .select('id, started_at')
        .order('started_at'),
    );
    const manual = await team.members.marketer.client.functions.invoke('roll-up-website', { body: { workspace_id: team.workspaceId, days: [YESTERDAY] } });
    expect(manual.error).toBeNull();
    const scheduled = await fetch(`${stack().url}/functions/v1/roll-up-website`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${stack().serviceRoleKey}` },
      body: JSON.stringify({ trigger: 'schedule', workspace_id: team.workspaceId, days: [YESTERDAY] }),
    });
    expect(scheduled.status).toBe(200);
    const log = await runs(serviceClient());
    expect(log).toHaveLength(500);
    const kept = new Set(log.map((r) => r.id));
    const dropped = old.filter((r) => !kept.has(r.id));
    expect(dropped.length).toBeGreaterThanOrEqual(2);
    expect(dropped).toEqual(old.slice(0, dropped.length));
    const counts = { status: 'succeeded', days: [YESTERDAY], rows_written: 0, rows_unchanged: 1, unattributed: 2, error: null };
    expect(log.filter((r) => r.trigger === 'manual')).toEqual([expect.objectContaining(counts)]);
    // The stack's own hourly schedule may also have run meanwhile (all recent days); this one asked for one day.
    expect(log.filter((r) => r.trigger === 'schedule' && r.days.length === 1)).toEqual([expect.objectContaining(counts)]);
  });

  it("answers a failed roll-up as before when its run cannot even be logged (the workspace does not exist)", async () => {
    const missing = crypto.randomUUID();
    const res = await fetch(`${stack().url}/functions/v1/roll-up-website`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${stack().serviceRoleKey}` },
      body: JSON.stringify({ trigger: 'schedule', workspace_id: missing }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ workspaces: [{ workspace_id: missing, error: 'Workspace not found' }] });
    expect(await runs(serviceClient(), missing)).toEqual([]);
  });
});

describe('RLS on website_rollup_runs', () => {
  let runId: string;
  beforeAll(async () => {
    // The service role writes the log (insert and update), as the functions do.
    runId = (await must(serviceClient().from('website_rollup_runs').insert({ workspace_id: team.workspaceId, trigger: 'manual' }).select('id').single())).id;
    await must(serviceClient().from('website_rollup_runs').update({ status: 'failed', error: 'test', finished_at: new Date().toISOString() }).eq('id', runId).select('id').single());
  });

  it.each(ROLES)('lets a %s of the workspace read the log', async (role) => {
    expect((await runs(team.members[role].client)).map((r) => r.id)).toContain(runId);
  });

  it.each(ROLES)('hides the log from a %s of another workspace', async (role) => {
    expect(await runs(other.members[role].client)).toEqual([]);
  });

  it('hides the log from anon', async () => {
    const { data } = await anonClient().from('website_rollup_runs').select('id').eq('workspace_id', team.workspaceId);
    expect(data ?? []).toEqual([]);
  });

  it.each(ROLES)('refuses a %s of the workspace inserting, updating or deleting a run', async (role) => {
    const client = team.members[role].client;
    const insert = await client.from('website_rollup_runs').insert({ workspace_id: team.workspaceId, trigger: 'manual', unattributed: 0 }).select('id');
    expect(insert.error?.code).toBe('42501');
    const update = await client.from('website_rollup_runs').update({ unattributed: 0, error: null }).eq('id', runId).select('id');
    expect(update.data ?? []).toEqual([]);
    const del = await client.from('website_rollup_runs').delete().eq('id', runId).select('id');
    expect(del.data ?? []).toEqual([]);
    expect(await must(serviceClient().from('website_rollup_runs').select('status, error').eq('id', runId).single())).toEqual({ status: 'failed', error: 'test' });
  });

  it('refuses an insert by a member of another workspace', async () => {
    const { error } = await other.members.admin.client.from('website_rollup_runs').insert({ workspace_id: team.workspaceId, trigger: 'manual' }).select('id');
    expect(error?.code).toBe('42501');
  });
});
