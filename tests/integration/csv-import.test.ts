/**
 * CSV import through the real import-csv function as a signed-in marketer: a Google Ads export is previewed (nothing
 * written, columns guessed, per-line errors with line numbers), confirmed (good rows written, a failing row
 * quarantined), and uploaded again (nothing changes). Viewers and other workspaces are refused.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { serviceClient, signUpUser, type Client } from '../support/clients.ts';

async function must<T>(promise: PromiseLike<{ data: T; error: unknown }>): Promise<NonNullable<T>> {
  const { data, error } = await promise;
  if (error || data === null) throw new Error(`unexpected error: ${JSON.stringify(error)}`);
  return data as NonNullable<T>;
}

const GOOGLE_ADS = [
  'Campaign performance',
  '"March 1, 2026 - March 4, 2026"',
  'Day,Campaign,Impr.,Clicks,Cost,Conversions,Conv. value,Currency code',
  '2026-03-01,Search Brand,"1,200",80,45.10,4,320.00,USD',
  '2026-03-02,Search Brand,"1,100",75,44.00,3,250.00,USD',
  '2026-03-03,Search Brand,900,950,40.00,2,100.00,USD',
  '2026-03-04,Search Brnad,800,60,30.00,1,90.00,USD',
  '2026-03-05,Search Brand,ten,60,30.00,1,90.00,USD',
  'Total: Campaigns,,"4,000",1165,159.10,10,760.00,',
].join('\n');

let marketer: Client;
let admin: Client;
let workspaceId: string;
let campaignId: string;

function importCsv(client: Client, body: Record<string, unknown>) {
  return client.functions.invoke('import-csv', { body: { workspace_id: workspaceId, source: 'google_ads', csv: GOOGLE_ADS, ...body } });
}
async function snapshots() {
  return serviceClient().from('performance_snapshots').select('date, data_source, impressions, clicks, spend, conversions, sales, updated_at').eq('campaign_id', campaignId).order('date');
}

beforeAll(async () => {
  const owner = await signUpUser();
  admin = owner.client;
  const ws = await must(admin.from('workspaces').insert({ name: 'CSV shop' }).select().single());
  workspaceId = ws.id;
  campaignId = (await must(admin.from('campaigns').insert({ workspace_id: ws.id, name: 'Search Brand', objective: 'sales', platform: 'google' }).select().single())).id;
  const m = await signUpUser();
  await must(serviceClient().from('workspace_members').insert({ workspace_id: ws.id, user_id: m.user.id, role: 'marketer' }).select());
  marketer = m.client;
});

describe('CSV import', () => {
  it('previews a Google Ads export: guessed columns, what each line would do, errors by line, nothing written', async () => {
    const { data, error } = await importCsv(marketer, { mode: 'preview' });
    expect(error).toBeNull();
    expect(data.guessed).toBe(true);
    expect(data.mapping).toMatchObject({ Day: 'date', Campaign: 'campaign', 'Impr.': 'impressions', Cost: 'spend', 'Conv. value': 'sales', 'Currency code': null });
    expect(data.summary).toEqual({ new: 2, changed: 0, unchanged: 0, quarantine: 1, errors: 2, skipped: 1 });
    expect(data.rows.map((r: { line: number; status: string }) => [r.line, r.status])).toEqual([
      [4, 'new'],
      [5, 'new'],
      [6, 'quarantine'],
    ]);
    expect(data.rows[2].reasons).toEqual(['950 clicks exceed 900 impressions']);
    expect(data.errors).toEqual([
      { line: 7, message: 'no campaign named "Search Brnad" in this workspace' },
      { line: 8, message: 'Impressions "ten" is not a number' },
    ]);
    expect((await snapshots()).data).toEqual([]);
    const { count } = await serviceClient().from('quarantined_snapshots').select('id', { count: 'exact', head: true }).eq('campaign_id', campaignId);
    expect(count).toBe(0);
  });

  it('writes the good rows and quarantines the failing one on confirm', async () => {
    const { data, error } = await importCsv(marketer, { mode: 'confirm' });
    expect(error).toBeNull();
    expect(data.result).toEqual({ written: 2, unchanged: 0, quarantined: 1 });
    const rows = (await snapshots()).data!.map(({ updated_at: _u, ...r }) => r);
    expect(rows).toEqual([
      { date: '2026-03-01', data_source: 'google_ads', impressions: 1200, clicks: 80, spend: 45.1, conversions: 4, sales: 320 },
      { date: '2026-03-02', data_source: 'google_ads', impressions: 1100, clicks: 75, spend: 44, conversions: 3, sales: 250 },
    ]);
    const q = await must(marketer.from('quarantined_snapshots').select('date, data_source, status, metrics, reasons').eq('campaign_id', campaignId));
    expect(q).toEqual([
      {
        date: '2026-03-03',
        data_source: 'google_ads',
        status: 'open',
        metrics: { impressions: 900, clicks: 950, spend: 40, conversions: 2, sales: 100 },
        reasons: [{ check: 'clicks_above_impressions', metric: 'clicks', message: '950 clicks exceed 900 impressions' }],
      },
    ]);
  });

  it('changes nothing when the same file is uploaded again', async () => {
    const before = (await snapshots()).data;
    const { data } = await importCsv(marketer, { mode: 'confirm' });
    expect(data.summary).toMatchObject({ new: 0, changed: 0, unchanged: 2, quarantine: 1 });
    expect(data.result).toEqual({ written: 0, unchanged: 2, quarantined: 1 });
    expect((await snapshots()).data).toEqual(before);
    const { count } = await serviceClient().from('quarantined_snapshots').select('id', { count: 'exact', head: true }).eq('campaign_id', campaignId);
    expect(count).toBe(1);
  });

  it('applies a mapping the user chose and reports a corrected value as a change', async () => {
    const csv = 'Date,Money spent,Orders\n2026-03-01,50,4\n';
    const mapping = { Date: 'date', 'Money spent': 'spend', Orders: 'conversions' };
    const preview = await importCsv(marketer, { mode: 'preview', csv, mapping, campaign_id: campaignId });
    expect(preview.data.guessed).toBe(false);
    expect(preview.data.rows).toEqual([{ line: 2, status: 'changed', campaign: 'Search Brand', date: '2026-03-01', metrics: { spend: 50, conversions: 4 } }]);
    const bad = await importCsv(marketer, { mode: 'confirm', csv, mapping: { Date: 'date', 'Money spent': 'spend' } });
    expect((bad.error as { context?: Response }).context?.status).toBe(422);
  });

  it('supersedes the quarantined row when a corrected file brings a good one for that day', async () => {
    const corrected = GOOGLE_ADS.replace('2026-03-03,Search Brand,900,950,', '2026-03-03,Search Brand,900,95,');
    const { data } = await importCsv(marketer, { mode: 'confirm', csv: corrected });
    expect(data.result).toEqual({ written: 1, unchanged: 2, quarantined: 0 });
    const q = await must(marketer.from('quarantined_snapshots').select('status, resolved_at').eq('campaign_id', campaignId));
    expect(q).toEqual([{ status: 'superseded', resolved_at: expect.any(String) }]);
  });

  it('refuses a viewer, another workspace and a file that is not CSV, writing nothing', async () => {
    const viewer = await signUpUser();
    await must(serviceClient().from('workspace_members').insert({ workspace_id: workspaceId, user_id: viewer.user.id, role: 'viewer' }).select());
    const before = (await snapshots()).data;
    const asViewer = await importCsv(viewer.client, { mode: 'confirm', csv: 'Date,Cost\n2026-03-09,1\n', campaign_id: campaignId });
    expect((asViewer.error as { context?: Response }).context?.status).toBe(403);
    const outsider = await signUpUser();
    const asOutsider = await importCsv(outsider.client, { mode: 'confirm', csv: 'Date,Cost\n2026-03-09,1\n', campaign_id: campaignId });
    expect((asOutsider.error as { context?: Response }).context?.status).toBe(404);
    const garbage = await importCsv(marketer, { mode: 'preview', csv: 'hello world' });
    expect((garbage.error as { context?: Response }).context?.status).toBe(400);
    expect(await (garbage.error as { context: Response }).context.json()).toMatchObject({ error: expect.stringMatching(/No header row/) });
    expect((await snapshots()).data).toEqual(before);
  });
});
