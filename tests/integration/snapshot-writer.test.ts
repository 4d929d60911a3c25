/**
 * The snapshot writer every source shares, against the real database as a marketer: a 10-day back-fill is written
 * once and a re-run writes nothing; a day far above the campaign's usual level and a future day go to quarantine
 * (once, however often the batch is replayed); an admin can accept the outlier as real, and it is written.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { writeSnapshots } from '../../supabase/functions/_shared/sources/snapshot-writer.ts';
import { serviceClient, signUpUser, type Client } from '../support/clients.ts';

async function must<T>(promise: PromiseLike<{ data: T; error: unknown }>): Promise<NonNullable<T>> {
  const { data, error } = await promise;
  if (error || data === null) throw new Error(`unexpected error: ${JSON.stringify(error)}`);
  return data as NonNullable<T>;
}

let admin: Client;
let marketer: Client;
let campaignId: string;
const NOW = new Date('2026-03-20T12:00:00Z');
const day = (d: number) => `2026-03-${String(d).padStart(2, '0')}`;
const normal = Array.from({ length: 10 }, (_, i) => ({ campaign_id: '', date: day(i + 1), data_source: 'tiktok', spend: 100 + i, impressions: 10_000, clicks: 300, conversions: 10, sales: 500 + 10 * i }));

beforeAll(async () => {
  admin = (await signUpUser()).client;
  const ws = await must(admin.from('workspaces').insert({ name: 'Writer shop' }).select().single());
  campaignId = (await must(admin.from('campaigns').insert({ workspace_id: ws.id, name: 'TikTok spring', objective: 'sales', platform: 'tiktok' }).select().single())).id;
  const m = await signUpUser();
  await must(serviceClient().from('workspace_members').insert({ workspace_id: ws.id, user_id: m.user.id, role: 'marketer' }).select());
  marketer = m.client;
  for (const r of normal) r.campaign_id = campaignId;
});

async function stored() {
  return must(serviceClient().from('performance_snapshots').select('date, sales, updated_at').eq('campaign_id', campaignId).order('date'));
}

describe('writeSnapshots', () => {
  it('writes a back-fill once; the same rows again change nothing', async () => {
    expect(await writeSnapshots(marketer, normal, { source: 'tiktok', now: NOW })).toEqual({ written: 10, unchanged: 0, quarantined: 0 });
    const before = await stored();
    expect(await writeSnapshots(marketer, normal, { source: 'tiktok', now: NOW })).toEqual({ written: 0, unchanged: 10, quarantined: 0 });
    expect(await stored()).toEqual(before);
  });

  it('quarantines an outlier and a future day once, however often the batch is replayed', async () => {
    const batch = [
      { campaign_id: campaignId, date: day(11), data_source: 'tiktok', spend: 110, impressions: 10_000, clicks: 300, conversions: 10, sales: 9_000 },
      { campaign_id: campaignId, date: day(21), data_source: 'tiktok', spend: 1 },
      { campaign_id: campaignId, date: day(12), data_source: 'tiktok', spend: 111, impressions: 10_000, clicks: 300, conversions: 10, sales: 600 },
    ];
    expect(await writeSnapshots(marketer, batch, { source: 'tiktok', now: NOW, runId: 'run-1' })).toEqual({ written: 1, unchanged: 0, quarantined: 2 });
    expect(await writeSnapshots(marketer, batch, { source: 'tiktok', now: NOW, runId: 'run-2' })).toEqual({ written: 0, unchanged: 1, quarantined: 2 });
    const open = await must(marketer.from('quarantined_snapshots').select('date, run_id, reasons').eq('campaign_id', campaignId).eq('status', 'open').order('date'));
    expect(open.map((q) => [q.date, q.run_id, (q.reasons as { check: string }[]).map((r) => r.check)])).toEqual([
      [day(11), 'run-1', ['outlier']],
      [day(21), 'run-1', ['future_date']],
    ]);
    expect((await stored()).map((s) => s.date)).not.toContain(day(11));
  });

  it('lets the database accept any lowercase source name and refuse anything else', async () => {
    const svc = serviceClient();
    const ok = await svc.from('performance_snapshots').insert({ campaign_id: campaignId, date: day(15), data_source: 'pinterest_ads', spend: 1 } as never).select('id');
    expect(ok.error).toBeNull();
    const bad = await svc.from('performance_snapshots').insert({ campaign_id: campaignId, date: day(15), data_source: 'Pinterest Ads', spend: 1 } as never);
    expect(bad.error?.code).toBe('23514');
  });

  it('refuses a malformed row before writing anything', async () => {
    await expect(writeSnapshots(marketer, [{ campaign_id: campaignId, date: '2026-3-1', data_source: 'tiktok' }], { source: 'tiktok' })).rejects.toThrow(/malformed/);
    await expect(writeSnapshots(marketer, [{ ...normal[0], data_source: 'csv' }], { source: 'tiktok' })).rejects.toThrow(/malformed/);
  });

  it('lets an admin accept the outlier as a real record day (a plain re-check refuses it)', async () => {
    const [entry] = await must(marketer.from('quarantined_snapshots').select('id, metrics').eq('campaign_id', campaignId).eq('date', day(11)));
    const metrics = entry.metrics as Record<string, number>;
    const refused = await admin.functions.invoke('resolve-quarantine', { body: { action: 'fix', id: entry.id, metrics } });
    expect((refused.error as { context?: Response }).context?.status).toBe(422);
    const { data, error } = await admin.functions.invoke('resolve-quarantine', { body: { action: 'fix', id: entry.id, metrics, accept_outlier: true } });
    expect(error).toBeNull();
    expect(data.written).toBe(1);
    expect((await stored()).find((s) => s.date === day(11))?.sales).toBe(9000);
  });
});

describe('a row with only some metrics', () => {
  it('reports only those: what is not sent stays null instead of a default 0 that would claim zero sales', async () => {
    const row = await must(
      admin.from('performance_snapshots').insert({ workspace_id: (await must(admin.from('campaigns').select('workspace_id').eq('id', campaignId).single())).workspace_id, campaign_id: campaignId, date: day(28), data_source: 'manual', spend: 40 }).select('spend, sales, revenue, impressions, clicks, conversions, engagement').single(),
    );
    expect(row).toEqual({ spend: 40, sales: null, revenue: null, impressions: null, clicks: null, conversions: null, engagement: null });
  });
});
