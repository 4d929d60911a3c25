/**
 * A brand-new user brings a Meta campaign in, in Chromium: sign up, create the workspace, connect the local Meta
 * sandbox in Settings, paste an Ads Manager link in the wizard (the ids it understood show as they type), sync from
 * the campaign page, and see the daily chart, KPI vs target and the cards imported from Meta's activity log.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, createWorkspaceThroughUi, launchBrowser, screenshot, signUp, uniqueE2eEmail } from './support/browser.ts';
import { e2eServiceClient } from './support/clients.ts';

const SANDBOX_LINK = 'https://adsmanager.facebook.com/adsmanager/manage/campaigns?act=1000000001&selected_campaign_ids=120210000000000001&nav_source=no_referrer';

let browser: Browser;
let page: Page;
let campaignId = '';

beforeAll(async () => {
  browser = await launchBrowser();
  page = await (await browser.newContext({ viewport: { width: 1360, height: 900 } })).newPage();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state === 'fail') await screenshot(page, `meta-failure-${ctx.task.name.slice(0, 24)}`, { fullPage: true }).catch(() => undefined);
});

afterAll(async () => {
  await browser?.close();
});

describe('Meta data in, as a new user', () => {
  it('signs up, creates a workspace and connects the Meta sandbox', async () => {
    await signUp(page, { fullName: 'Nora New', email: uniqueE2eEmail('nora') });
    await createWorkspaceThroughUi(page, 'Nora Outdoor Co');
    await page.goto(appUrl('/settings'));
    const section = page.getByTestId('meta-connections-section');
    await section.getByRole('button', { name: 'Connect the Meta sandbox' }).click();
    const row = section.locator('[data-ad-account="act_1000000001"]');
    await row.waitFor({ timeout: 20_000 });
    expect(await row.textContent()).toMatch(/Meta sandbox \(local demo, not a real ad account\)/);
    expect(await row.getByText('Connected').count()).toBe(1);
    await screenshot(page, 'meta-01-settings-sandbox-connected', { fullPage: true });
  });

  it('pastes the ad link in the wizard and sees the ids it understood', async () => {
    await page.goto(appUrl('/campaigns'));
    await page.getByRole('link', { name: 'New campaign' }).first().click();
    await page.getByLabel('Campaign name').fill('Winter Sale');
    await page.getByLabel('Industry / category').fill('Retail');
    await page.getByLabel('Budget').fill('8000');
    const adLink = page.getByLabel('Ad link');
    await adLink.fill('https://adsmanager.facebook.com/adsmanager/manage/campaigns');
    await expect.poll(() => page.getByTestId('ad-link-ids').getAttribute('data-state')).toBe('unreadable');
    await adLink.fill(SANDBOX_LINK);
    const understood = page.getByTestId('ad-link-ids');
    await expect.poll(() => understood.getAttribute('data-state')).toBe('understood');
    expect(await understood.textContent()).toContain('Ad account act_1000000001 · campaign 120210000000000001');
    await page.getByLabel('Locations').fill('United States');
    await page.getByLabel('Age from').fill('21');
    await page.getByLabel('Age to').fill('54');
    await page.getByLabel('Interests').fill('Skiing, outdoor gear');
    await screenshot(page, 'meta-02-wizard-ad-link-understood', { fullPage: true });
    await page.getByRole('button', { name: 'Save & continue' }).click();

    await page.getByLabel('Planned start').waitFor();
    campaignId = new URL(page.url()).searchParams.get('draft')!;
    const { data: stored } = await e2eServiceClient().from('campaigns').select('ads_account_id, meta_campaign_ids, ad_link').eq('id', campaignId).single();
    expect(stored).toEqual({ ads_account_id: 'act_1000000001', meta_campaign_ids: ['120210000000000001'], ad_link: SANDBOX_LINK });
    await page.getByLabel('Planned start').fill(new Date().toISOString().slice(0, 10));
    await page.getByRole('button', { name: 'Save & continue' }).click();
    await page.getByLabel('Target').fill('3');
    await page.getByRole('button', { name: 'Save & assess feasibility' }).click();
    await page.getByTestId('feasibility-score').waitFor({ timeout: 30_000 });
  });

  it('syncs from the campaign page and shows the daily chart and KPI vs target', async () => {
    await page.goto(appUrl(`/campaigns/${campaignId}`));
    const panel = page.getByTestId('campaign-meta-panel');
    await panel.getByText('No Meta data imported yet').waitFor();
    await panel.getByTestId('meta-sync-now').click();
    await panel.getByTestId('meta-sync-progress').waitFor();
    await expect.poll(() => panel.getByTestId('meta-last-sync').getAttribute('data-status'), { timeout: 60_000 }).toBe('succeeded');
    const chart = panel.getByTestId('meta-daily-chart');
    await chart.waitFor();
    expect(Number(await chart.getAttribute('data-points'))).toBeGreaterThanOrEqual(89);
    expect(await chart.locator('.recharts-line').count()).toBe(2);
    const kpi = panel.getByTestId('kpi-vs-target');
    expect(await kpi.textContent()).toMatch(/ROAS vs target/);
    expect(await kpi.textContent()).toMatch(/target 3\.00×/);
    expect(await panel.getByText('Sandbox data').count()).toBe(1);
    expect(await panel.getByTestId('meta-last-sync').textContent()).toMatch(/3 new cards/);
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'meta-03-campaign-synced', { fullPage: true });


    // Sync again: the last 3 days are re-read and nothing changes or duplicates.
    await panel.getByTestId('meta-sync-now').click();
    await expect.poll(() => panel.getByTestId('meta-last-sync').textContent(), { timeout: 60_000 }).toMatch(/0 days updated · 3 unchanged · 0 new cards/);
  });

  it('shows the imported Meta changes as completed cards on the board', async () => {
    await page.goto(appUrl('/board'));
    const imported = page.getByTestId('card-meta-source');
    await expect.poll(() => imported.count(), { timeout: 20_000 }).toBe(3);
    for (const title of ['Ad set budget updated: Prospecting · Lookalike 1%', 'Ad creative updated: Carousel · Winter picks', 'Ad set targeting updated: Retargeting · 30-day visitors']) {
      expect(await page.getByText(title).count(), title).toBe(1);
    }
    expect(await page.getByTestId('card-meta-source').filter({ hasText: 'Sam Sandbox' }).count()).toBe(2);
    await screenshot(page, 'meta-04-board-imported-cards', { fullPage: true });
  });

  it('raises the alert the analysis found in the new data, on the imported creative change', async () => {
    await page.goto(appUrl('/alerts'));
    const alert = page.getByText(/dropped \d+% after creative change/);
    await alert.first().waitFor({ timeout: 20_000 });
    const { data: alerts } = await e2eServiceClient().from('ai_alerts').select('title, confidence, status, trigger_action_id').eq('campaign_id', campaignId);
    const { data: creative } = await e2eServiceClient().from('marketer_actions').select('id').eq('campaign_id', campaignId).eq('action_type', 'creative_change').single();
    expect(alerts).toHaveLength(1);
    expect(alerts![0]).toMatchObject({ status: 'active', trigger_action_id: creative!.id });
    expect(Number(alerts![0].confidence)).toBeGreaterThanOrEqual(0.7);
    await screenshot(page, 'meta-04b-alert-from-meta-data', { fullPage: true });
  });

  it('lists every sync in the job log with what it fetched, wrote and skipped', async () => {
    await page.goto(appUrl('/ops'));
    await page.getByRole('tab', { name: /Job log/ }).click();
    const log = page.getByTestId('meta-sync-log');
    await expect.poll(() => log.locator('[data-run-status="succeeded"]').count(), { timeout: 20_000 }).toBe(2);
    expect(await log.textContent()).toMatch(/activity not a campaign change ×1/);
    await screenshot(page, 'meta-05-ops-job-log', { fullPage: true });
  });

  it('says so on the campaign page when Meta stops accepting the token, and keeps the data', async () => {
    const service = e2eServiceClient();
    const { data: campaign } = await service.from('campaigns').select('workspace_id').eq('id', campaignId).single();
    const { data: connection } = await service.from('meta_connections').select('id').eq('workspace_id', campaign!.workspace_id).single();
    // What the sync does when Meta answers code 190 (proven against the fake Graph API in tests/integration/meta-sync).
    await service.rpc('flag_meta_connection', { p_connection_id: connection!.id, p_status: 'needs_reconnect', p_reason: 'Meta refused the token (code 190). Reconnect in Settings; imported data is kept.' });
    await page.goto(appUrl(`/campaigns/${campaignId}`));
    const panel = page.getByTestId('campaign-meta-panel');
    await panel.getByTestId('meta-needs-reconnect').waitFor({ timeout: 20_000 });
    expect(await panel.getByTestId('meta-sync-now').isDisabled()).toBe(true);
    await panel.getByTestId('meta-daily-chart').waitFor();
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'meta-06-needs-reconnect');
  });
  it('takes revenue from the website once the campaign is tracked there, and says so next to each figure', async () => {
    await page.goto(appUrl(`/campaigns/${campaignId}`));
    const panel = page.getByTestId('campaign-meta-panel');
    const kpi = panel.getByTestId('kpi-vs-target');
    await kpi.getByTestId('source-label').waitFor({ timeout: 20_000 });
    expect(await kpi.getByTestId('source-label').textContent()).toBe('from Meta');
    const roas = async () => Number((await kpi.locator('span.text-2xl').textContent())!.replace('×', ''));
    const metaOnly = await roas();

    // The website reports half of Meta's purchases and their value on every day Meta reported: it counts for revenue
    // and purchases, Meta for spend (clicks left empty: the website does not know them, and conversions ≤ clicks).
    const service = e2eServiceClient();
    const { data: meta } = await service.from('performance_snapshots').select('workspace_id, date, revenue, conversions').eq('campaign_id', campaignId).eq('data_source', 'meta_ads');
    const web = meta!.map((r) => ({ workspace_id: r.workspace_id, campaign_id: campaignId, date: r.date, data_source: 'website', revenue: Number(r.revenue) / 2, sales: Number(r.revenue) / 2, conversions: Math.round(Number(r.conversions) / 2), clicks: null }));
    const { error } = await service.from('performance_snapshots').insert(web);
    expect(error).toBeNull();

    await page.reload();
    await expect.poll(() => kpi.getByTestId('source-label').textContent(), { timeout: 20_000 }).toBe('from website and Meta');
    expect(await roas()).toBeCloseTo(metaOnly / 2, 1);
    const figure = (label: string) => panel.getByTestId('campaign-figure').filter({ hasText: label }).getByTestId('source-label').textContent();
    expect(await figure('Revenue (7 d)')).toBe('from website');
    expect(await figure('Spend (7 d)')).toBe('from Meta');
    expect(await figure('ROAS (7 d)')).toBe('from website and Meta');
    expect(await panel.getByText('Revenue from website · Spend from Meta').count()).toBe(1);
    await panel.scrollIntoViewIfNeeded();
    await screenshot(page, 'meta-07-website-counts-for-revenue', { fullPage: true });
  });
});
