/**
 * The quarantine table and its resolution, attacked as every role of two workspaces: members read their own
 * workspace's rows only; marketers (and up) may quarantine; only admins fix or discard, directly or through
 * resolve-quarantine; a fix is re-validated (still bad → 422, nothing changes) and then written as a snapshot.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { serviceClient, signUpUser, type Client } from '../support/clients.ts';

async function must<T>(promise: PromiseLike<{ data: T; error: unknown }>): Promise<NonNullable<T>> {
  const { data, error } = await promise;
  if (error || data === null) throw new Error(`unexpected error: ${JSON.stringify(error)}`);
  return data as NonNullable<T>;
}

const ROLES = ['admin', 'ops_head', 'marketer', 'viewer'] as const;
type Role = (typeof ROLES)[number];
interface Tenant {
  workspaceId: string;
  campaignId: string;
  as: Record<Role, Client>;
}

async function tenant(label: string): Promise<Tenant> {
  const owner = await signUpUser();
  const ws = await must(owner.client.from('workspaces').insert({ name: `${label} quarantine` }).select().single());
  const campaign = await must(owner.client.from('campaigns').insert({ workspace_id: ws.id, name: `${label} campaign`, objective: 'sales' }).select().single());
  const as = { admin: owner.client } as Record<Role, Client>;
  for (const role of ['ops_head', 'marketer', 'viewer'] as const) {
    const u = await signUpUser();
    await must(serviceClient().from('workspace_members').insert({ workspace_id: ws.id, user_id: u.user.id, role }).select());
    as[role] = u.client;
  }
  return { workspaceId: ws.id, campaignId: campaign.id, as };
}

let day = 0;
/** A fresh open entry (written as the service, as a schedule would). */
async function entry(t: Tenant, metrics: Record<string, number> = { impressions: 10, clicks: 40 }) {
  day += 1;
  const date = `2026-02-${String(day).padStart(2, '0')}`;
  return must(
    serviceClient()
      .from('quarantined_snapshots')
      .insert({ workspace_id: t.workspaceId, campaign_id: t.campaignId, date, data_source: 'csv', metrics, reasons: [{ check: 'clicks_above_impressions', metric: 'clicks', message: 'x' }] })
      .select()
      .single(),
  );
}

const resolve = (client: Client, body: Record<string, unknown>) => client.functions.invoke('resolve-quarantine', { body });
const status = (e: unknown) => (e as { context?: Response } | null)?.context?.status;

let alpha: Tenant;
let beta: Tenant;

beforeAll(async () => {
  [alpha, beta] = await Promise.all([tenant('alpha'), tenant('beta')]);
});

describe('quarantined_snapshots RLS', () => {
  it('lets every role read its own workspace and none read the other, both ways', async () => {
    const a = await entry(alpha);
    const b = await entry(beta);
    for (const role of ROLES) {
      for (const [me, mine, theirs] of [
        [alpha, a, b],
        [beta, b, a],
      ] as const) {
        expect((await me.as[role].from('quarantined_snapshots').select('id').eq('id', mine.id)).data, `${role} reads own`).toHaveLength(1);
        expect((await me.as[role].from('quarantined_snapshots').select('id').eq('id', theirs.id)).data, `${role} reads other`).toHaveLength(0);
      }
    }
  });

  it('lets marketers and up quarantine in their workspace only; a viewer never', async () => {
    for (const role of ROLES) {
      day += 1;
      const row = { workspace_id: alpha.workspaceId, campaign_id: alpha.campaignId, date: `2026-01-${String(day % 28 + 1).padStart(2, '0')}`, data_source: `r_${role}`, metrics: {}, reasons: [{ check: 'future_date' }] };
      const own = await alpha.as[role].from('quarantined_snapshots').insert(row).select();
      if (role === 'viewer') expect(own.error, 'viewer insert').not.toBeNull();
      else expect(own.error, `${role} insert`).toBeNull();
      const foreign = await beta.as[role].from('quarantined_snapshots').insert(row).select();
      expect(foreign.error, `${role} inserts into the other workspace`).not.toBeNull();
    }
    // An entry cannot be born resolved.
    const { error } = await alpha.as.marketer.from('quarantined_snapshots').insert({ workspace_id: alpha.workspaceId, campaign_id: alpha.campaignId, date: '2026-01-30', data_source: 'csv', metrics: {}, reasons: [{ check: 'x' }], status: 'fixed' });
    expect(error).not.toBeNull();
  });

  it('lets only an admin of the workspace discard or delete, directly; resolution is stamped by the database', async () => {
    const e = await entry(alpha);
    for (const role of ['ops_head', 'marketer', 'viewer'] as const) {
      await alpha.as[role].from('quarantined_snapshots').update({ status: 'discarded' }).eq('id', e.id);
      await alpha.as[role].from('quarantined_snapshots').delete().eq('id', e.id);
    }
    await beta.as.admin.from('quarantined_snapshots').update({ status: 'discarded' }).eq('id', e.id);
    await beta.as.admin.from('quarantined_snapshots').delete().eq('id', e.id);
    expect((await must(serviceClient().from('quarantined_snapshots').select('status').eq('id', e.id).single())).status).toBe('open');

    const [done] = await must(alpha.as.admin.from('quarantined_snapshots').update({ status: 'discarded', resolved_at: '2000-01-01T00:00:00Z' }).eq('id', e.id).select('status, resolved_at, resolved_by'));
    expect(done.status).toBe('discarded');
    expect(Date.parse(done.resolved_at!)).toBeGreaterThan(Date.parse('2026-01-01'));
    expect(done.resolved_by).not.toBeNull();
  });
});

describe('resolve-quarantine', () => {
  it('refuses everyone but an admin of the workspace and changes nothing', async () => {
    const e = await entry(alpha);
    for (const role of ['ops_head', 'marketer', 'viewer'] as const) {
      expect(status((await resolve(alpha.as[role], { action: 'discard', id: e.id })).error), role).toBe(403);
    }
    expect(status((await resolve(beta.as.admin, { action: 'discard', id: e.id })).error)).toBe(404);
    expect((await must(serviceClient().from('quarantined_snapshots').select('status').eq('id', e.id).single())).status).toBe('open');
  });

  it('keeps a fix that still fails the checks in quarantine (422 with reasons)', async () => {
    const e = await entry(alpha);
    const res = await resolve(alpha.as.admin, { action: 'fix', id: e.id, metrics: { impressions: 10, clicks: 20 } });
    expect(status(res.error)).toBe(422);
    expect(await (res.error as { context: Response }).context.json()).toMatchObject({ reasons: [{ check: 'clicks_above_impressions' }] });
    expect((await must(serviceClient().from('quarantined_snapshots').select('status').eq('id', e.id).single())).status).toBe('open');
    const { data } = await serviceClient().from('performance_snapshots').select('id').eq('campaign_id', alpha.campaignId).eq('date', e.date);
    expect(data).toEqual([]);
  });

  it('writes a corrected row as a snapshot and marks the entry fixed; a second fix is refused', async () => {
    const e = await entry(alpha);
    const { data, error } = await resolve(alpha.as.admin, { action: 'fix', id: e.id, metrics: { impressions: 400, clicks: 40, spend: 12.5 } });
    expect(error).toBeNull();
    expect(data).toMatchObject({ entry: { status: 'fixed' }, written: 1 });
    const snap = await must(alpha.as.viewer.from('performance_snapshots').select('date, data_source, impressions, clicks, spend, sales').eq('campaign_id', alpha.campaignId).eq('date', e.date).single());
    expect(snap).toEqual({ date: e.date, data_source: 'csv', impressions: 400, clicks: 40, spend: 12.5, sales: null });
    expect(status((await resolve(alpha.as.admin, { action: 'discard', id: e.id })).error)).toBe(409);
  });

  it('discards through the function, keeping the row for the record', async () => {
    const e = await entry(beta);
    const { data } = await resolve(beta.as.admin, { action: 'discard', id: e.id });
    expect(data.entry.status).toBe('discarded');
    expect((await must(beta.as.viewer.from('quarantined_snapshots').select('status').eq('id', e.id).single())).status).toBe('discarded');
  });

  it('answers 400 to a malformed request', async () => {
    expect(status((await resolve(alpha.as.admin, { action: 'fix', id: 'nope', metrics: {} })).error)).toBe(400);
    expect(status((await resolve(alpha.as.admin, { action: 'fix', id: crypto.randomUUID(), metrics: { clicks: 'many' } })).error)).toBe(400);
  });
});
