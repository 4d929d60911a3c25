/**
 * The website roll-up's last run on the Data page, in Chromium: a brand-new workspace says nothing was rolled up yet
 * (also after a roll-up that found nothing);
 * after its shop sends purchases through ingest-events, two of them with no campaign to reach (a mistyped
 * utm_campaign, nothing at all), the page shows the run (rows written) and says how many conversions reached no
 * campaign and how to fix it. Screenshots: test-results/screenshots/website-rollup-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { waitFor } from '../support/wait-for.ts';
import { appUrl, createWorkspaceThroughUi, launchBrowser, screenshot, signIn, uniqueE2eEmail } from './support/browser.ts';
import { type E2eClient, e2eServiceClient, e2eSignUpUser } from './support/clients.ts';

let browser: Browser;
let page: Page;
let client: E2eClient;
let workspaceId: string;
const email = uniqueE2eEmail('rollup');
const YESTERDAY = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  ({ client } = await e2eSignUpUser(email, 'Rae Okafor'));
  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await signIn(page, { email });
  await createWorkspaceThroughUi(page, 'Okafor Outfitters');
  const { data: ws } = await client.from('workspaces').select('id').eq('name', 'Okafor Outfitters').single();
  workspaceId = ws!.id;
});

afterAll(async () => {
  await browser?.close();
});

describe('website roll-up on the Data page', () => {
  it('says nothing was rolled up yet in a brand-new workspace', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Data' }).click();
    await page.waitForURL('**/data');
    await page.getByTestId('website-rollup-empty').waitFor({ timeout: 20_000 });
    await expect(page.getByTestId('website-rollup-empty').textContent()).resolves.toContain('No website events rolled up yet');
    await screenshot(page, 'website-rollup-01-empty', { fullPage: true });
    // A roll-up that finds nothing (as the hourly schedule's does here) still reads as "nothing yet", not "0 rows".
    const { error } = await client.functions.invoke('roll-up-website', { body: { workspace_id: workspaceId } });
    expect(error).toBeNull();
    await page.reload();
    await expect(page.getByTestId('website-rollup-empty').textContent({ timeout: 20_000 })).resolves.toMatch(/No website events rolled up yet \(last checked /);
  });

  it('shows the last run and the conversions that reached no campaign', async () => {
    const { error } = await client.from('campaigns').insert({ workspace_id: workspaceId, name: 'Winter boots', objective: 'sales', utm_campaign: 'winter_boots' });
    expect(error).toBeNull();
    const { data: created } = await client.rpc('create_ingest_key', { p_workspace_id: workspaceId, p_label: 'Shop' });
    const key = (created as { key: string }).key;
    const e = (event_type: string, hhmm: string, extra: Record<string, unknown> = {}) => ({ event_id: crypto.randomUUID(), event_type, event_time: `${YESTERDAY}T${hhmm}:00.000Z`, schema_version: 1, currency: 'USD', ...extra });
    const res = await fetch(`${inject('supabaseUrl')}/functions/v1/ingest-events`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'x-ingest-key': key },
      body: JSON.stringify({
        events: [
          e('PageView', '09:00', { metadata: { visitor_id: 'v1', utm: { utm_campaign: 'winter_boots' } } }),
          e('Purchase', '09:10', { value: 80, metadata: { visitor_id: 'v1' } }),
          e('PageView', '10:00', { metadata: { visitor_id: 'v2', utm: { utm_campaign: 'winterboots' } } }),
          e('Purchase', '10:10', { value: 60, metadata: { visitor_id: 'v2' } }),
          e('Purchase', '11:00', { value: 25 }),
        ],
      }),
    });
    expect(res.status).toBe(202);
    await waitFor(async () => {
      const { data } = await e2eServiceClient().from('website_rollup_runs').select('status').eq('workspace_id', workspaceId).eq('status', 'succeeded');
      return (data ?? []).length > 0;
    }, { what: 'the background roll-up to log its run', timeoutMs: 20_000 });

    await page.goto(appUrl('/data'));
    const card = page.getByTestId('website-rollup');
    await card.getByTestId('website-rollup-unattributed').waitFor({ timeout: 20_000 });
    await expect(card.getByTestId('website-rollup-summary').textContent()).resolves.toMatch(/after ingest\), day \d{4}-\d{2}-\d{2}: 1 row written, 0 unchanged/);
    await expect(card.getByTestId('website-rollup-unattributed').textContent()).resolves.toContain(
      '2 website conversions in the last run reached no campaign: give the campaign its utm_campaign',
    );
    await expect(card.getByText('succeeded').isVisible()).resolves.toBe(true);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, 'website-rollup-02-unattributed', { fullPage: true });
  });
});
