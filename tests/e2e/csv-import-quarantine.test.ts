/**
 * Campaign data in Chromium: a brand-new workspace imports a Google Ads CSV on the Data page (columns recognised,
 * per-line errors, nothing written before "Import"), the failing row lands in the quarantine, the admin fixes it and
 * it is written; re-uploading the same file changes nothing; the campaign page names the source each figure comes
 * from. Then the demo workspace: Ops KPIs carry their "from …" labels. Screenshots: test-results/screenshots/data-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, DEMO_WORKSPACE_ID, demoId } from '../../scripts/demo/ids.ts';
import { seedDemo } from '../../scripts/seed-demo.ts';
import { appUrl, createWorkspaceThroughUi, launchBrowser, screenshot, signIn, uniqueE2eEmail } from './support/browser.ts';
import { type E2eClient, e2eServiceClient, e2eSignUpUser } from './support/clients.ts';

const CSV = [
  'Campaign performance',
  '"March 1, 2026 - March 4, 2026"',
  'Day,Campaign,Impr.,Clicks,Cost,Conversions,Conv. value',
  '2026-03-01,Search Brand,"1,200",80,45.10,4,320.00',
  '2026-03-02,Search Brand,"1,100",75,44.00,3,250.00',
  '2026-03-03,Search Brand,900,950,40.00,2,100.00',
  '2026-03-04,Search Brnad,800,60,30.00,1,90.00',
].join('\n');

let browser: Browser;
let page: Page;
let workspaceId: string;
let campaignId: string;
const email = uniqueE2eEmail('dana');

async function upload(p: Page) {
  await p.getByTestId('csv-file').setInputFiles({ name: 'google-ads.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) });
  await p.getByTestId('csv-preview').waitFor({ timeout: 20_000 });
}

beforeAll(async () => {
  const { client } = await e2eSignUpUser(email, 'Dana Ortiz');
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await signIn(page, { email });
  await createWorkspaceThroughUi(page, 'Ortiz Outdoor');
  const { data: ws } = await (client as E2eClient).from('workspaces').select('id').eq('name', 'Ortiz Outdoor').single();
  workspaceId = ws!.id;
});

afterAll(async () => {
  await browser?.close();
});

describe('CSV import and quarantine', () => {
  it('shows an empty Data page and data settings in a brand-new workspace', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data' }).click();
    await page.waitForURL('**/data');
    await page.getByTestId('quarantine-empty').waitFor({ timeout: 20_000 });
    await screenshot(page, 'data-01-empty-workspace', { fullPage: true });
    await page.goto(appUrl('/settings'));
    await page.getByTestId('data-settings').getByLabel('Time zone').waitFor({ timeout: 20_000 });
    await expect(page.getByTestId('data-settings').getByLabel('Time zone').inputValue()).resolves.toBe('UTC');
    await screenshot(page, 'data-02-settings-empty-workspace', { fullPage: true });
  });

  it('previews a Google Ads export with its errors by line, writes nothing, then imports on confirm', async () => {
    const service = e2eServiceClient();
    const { data: c } = await service.from('campaigns').insert({ workspace_id: workspaceId, name: 'Search Brand', objective: 'sales', platform: 'google' }).select('id').single();
    campaignId = c!.id;
    await page.goto(appUrl('/data'));
    await page.getByTestId('csv-file').waitFor({ timeout: 20_000 });
    await upload(page);

    const preview = page.getByTestId('csv-preview');
    await expect(preview.getByText('2 new').isVisible()).resolves.toBe(true);
    await expect(preview.getByText('1 to quarantine').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('csv-errors').textContent()).resolves.toContain('Line 7: no campaign named "Search Brnad" in this workspace');
    await expect(page.getByRole('combobox', { name: 'Column Impr.' }).textContent()).resolves.toContain('Impressions');
    await expect(page.getByRole('combobox', { name: 'Column Conv. value' }).textContent()).resolves.toContain('Sales');
    await screenshot(page, 'data-03-csv-preview', { fullPage: true });
    const before = await service.from('performance_snapshots').select('id').eq('campaign_id', campaignId);
    expect(before.data).toEqual([]);

    await page.getByTestId('csv-confirm').click();
    await page.getByTestId('csv-result').getByText('2 written · 0 unchanged · 1 quarantined').waitFor({ timeout: 20_000 });
    const row = page.locator('tr[data-quarantine-date="2026-03-03"]');
    await row.waitFor({ timeout: 20_000 });
    await expect(row.textContent()).resolves.toContain('950 clicks exceed 900 impressions');
    await screenshot(page, 'data-04-imported-with-quarantine', { fullPage: true });
    const after = await service.from('performance_snapshots').select('date, spend, data_source').eq('campaign_id', campaignId).order('date');
    expect(after.data).toEqual([
      { date: '2026-03-01', spend: 45.1, data_source: 'google_ads' },
      { date: '2026-03-02', spend: 44, data_source: 'google_ads' },
    ]);
  });

  it('changes nothing when the same file is uploaded again', async () => {
    await page.goto(appUrl('/data'));
    await page.getByTestId('csv-file').waitFor({ timeout: 20_000 });
    await upload(page);
    await expect(page.getByTestId('csv-preview').getByText('2 unchanged').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('csv-preview').getByText('0 new').isVisible()).resolves.toBe(true);
  });

  it('lets the admin fix the quarantined row: a still-bad value is refused, a corrected one is written', async () => {
    const row = page.locator('tr[data-quarantine-date="2026-03-03"]');
    await row.getByRole('button', { name: 'Fix' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Clicks').fill('901');
    await dialog.getByRole('button', { name: 'Re-check and write' }).click();
    await dialog.getByTestId('fix-still-failing').getByText(/901 clicks exceed 900 impressions/).waitFor({ timeout: 20_000 });
    await dialog.getByLabel('Clicks').fill('90');
    await dialog.getByRole('button', { name: 'Re-check and write' }).click();
    await dialog.waitFor({ state: 'detached', timeout: 20_000 });
    await page.getByTestId('quarantine-empty').waitFor({ timeout: 20_000 });
    const { data } = await e2eServiceClient().from('performance_snapshots').select('clicks, impressions').eq('campaign_id', campaignId).eq('date', '2026-03-03').single();
    expect(data).toEqual({ clicks: 90, impressions: 900 });
    await screenshot(page, 'data-05-quarantine-fixed', { fullPage: true });
  });

  it('names the source of each figure on the campaign page', async () => {
    await page.goto(appUrl(`/campaigns/${campaignId}`));
    const panel = page.getByTestId('campaign-data');
    await panel.locator('[data-figure="spend"]').getByText('from Google Ads').waitFor({ timeout: 20_000 });
    await expect(panel.locator('[data-figure="sales"]').textContent()).resolves.toContain('from Google Ads');
    await expect(panel.locator('[data-figure="reach"]').textContent()).resolves.toContain('—');
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'data-06-campaign-sources');
  });
});

describe('demo workspace', () => {
  it('labels the Ops KPIs with the source they come from', async () => {
    await seedDemo({ url: inject('supabaseUrl'), serviceRoleKey: inject('serviceRoleKey'), deepseek: null, progress: 'silent' });
    const demo = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await signIn(demo, { email: 'alex@demo.marketing-ops.test', password: DEMO_PASSWORD });
    await demo.goto(appUrl('/ops'));
    const spend = demo.getByTestId('kpi-spend');
    await spend.getByTestId('source-label').waitFor({ timeout: 30_000 });
    await expect(spend.getByTestId('source-label').textContent()).resolves.toBe('from Meta pixel');
    await screenshot(demo, 'data-07-demo-ops-kpis');
    await demo.goto(appUrl('/data'));
    await demo.getByTestId('quarantine').waitFor({ timeout: 20_000 });
    await screenshot(demo, 'data-08-demo-data-page', { fullPage: true });

    // The hourly roll-up, as the schedule calls it: the demo's last two days of website events become website rows,
    // which do not yet cover enough days to replace Meta's figures.
    const res = await fetch(`${inject('supabaseUrl')}/functions/v1/roll-up-website`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${inject('serviceRoleKey')}` },
      body: JSON.stringify({ workspace_id: DEMO_WORKSPACE_ID }),
    });
    expect(res.status).toBe(200);
    const spring = demoId('campaign:spring');
    const { data: web } = await e2eServiceClient().from('performance_snapshots').select('date').eq('campaign_id', spring).eq('data_source', 'website');
    expect(web?.length).toBeGreaterThanOrEqual(2);
    await demo.goto(appUrl(`/campaigns/${spring}`));
    const panel = demo.getByTestId('campaign-data');
    await panel.getByText(/^website · \d+ days/).waitFor({ timeout: 20_000 });
    await expect(panel.locator('[data-figure="sales"]').textContent()).resolves.toContain('from Meta pixel');
    await panel.scrollIntoViewIfNeeded();
    await screenshot(demo, 'data-09-demo-campaign-sources');
    await demo.close();
  });
});
