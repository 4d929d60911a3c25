/**
 * A campaign from plan to drift, in Chromium: the workspace admin signs up and creates the workspace; a marketer plans
 * a campaign through the wizard up to the feasibility result and sees the gate waiting; the admin (as ops head)
 * confirms it; the marketer logs execution, and the admin's page shows the drift change live.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appUrl, createWorkspaceThroughUi, launchBrowser, screenshot, signIn, signUp, uniqueE2eEmail } from './support/browser.ts';
import { e2eServiceClient, e2eSignUpUser } from './support/clients.ts';

const isoDay = (offset = 0) => {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + offset);
  return d.toISOString().slice(0, 10);
};

let browser: Browser;
let admin: Page;
let marketer: Page;
let campaignId = '';

beforeAll(async () => {
  browser = await launchBrowser();
  admin = await (await browser.newContext({ viewport: { width: 1360, height: 900 } })).newPage();
  marketer = await (await browser.newContext({ viewport: { width: 1360, height: 900 } })).newPage();
});

afterEach(async (ctx) => {
  if (ctx.task.result?.state !== 'fail') return;
  await screenshot(marketer, `campaign-failure-marketer-${ctx.task.name.slice(0, 20)}`, { fullPage: true }).catch(() => undefined);
  await screenshot(admin, `campaign-failure-admin-${ctx.task.name.slice(0, 20)}`, { fullPage: true }).catch(() => undefined);
});

afterAll(async () => {
  await browser?.close();
});

describe('campaign lifecycle', () => {
  it('plans a campaign through the wizard up to the feasibility result', async () => {
    const adminEmail = uniqueE2eEmail('olivia');
    await signUp(admin, { fullName: 'Olivia Ops', email: adminEmail });
    await createWorkspaceThroughUi(admin, 'Acme Growth Team');

    // Arrange (no invite UI yet): a marketer joins the admin's workspace.
    const service = e2eServiceClient();
    const { data: ws } = await service.from('workspaces').select('id').eq('name', 'Acme Growth Team').order('created_at', { ascending: false }).limit(1).single();
    const marketerEmail = uniqueE2eEmail('max');
    const { userId } = await e2eSignUpUser(marketerEmail, 'Max Marketer');
    const { error } = await service.from('workspace_members').insert({ workspace_id: ws!.id, user_id: userId, role: 'marketer' });
    expect(error).toBeNull();

    await signIn(marketer, { email: marketerEmail });
    await marketer.goto(appUrl('/campaigns'));
    await marketer.getByRole('link', { name: 'New campaign' }).first().click();

    // Step 1: intent. A bad pixel ID is refused on the client first.
    await marketer.getByLabel('Campaign name').fill('Spring sale');
    await marketer.getByLabel('Industry / category').fill('Retail');
    await marketer.getByLabel('Budget').fill('5000');
    await marketer.getByLabel('Ad link').fill('https://www.facebook.com/ads/library/?id=42');
    await marketer.getByLabel('Locations').fill('United States, Canada');
    await marketer.getByLabel('Age from').fill('21');
    await marketer.getByLabel('Age to').fill('45');
    await marketer.getByLabel('Interests').fill('Running, outdoor gear');
    await marketer.getByLabel('Meta Pixel ID').fill('123');
    await marketer.getByLabel('Ads account ID').fill('act_123456789');
    await marketer.getByLabel('Website event tracking').check();
    await marketer.getByLabel('utm_campaign').fill('  spring_sale_2026 ');
    await marketer.getByLabel('Promo codes', { exact: true }).fill('SPRING10');
    await marketer.getByRole('button', { name: 'Save & continue' }).click();
    await expect.poll(() => marketer.getByText('Meta Pixel ID must be 6–20 digits').isVisible()).toBe(true);
    await screenshot(marketer, 'campaign-wizard-intent-errors', { fullPage: true });
    await marketer.getByLabel('Meta Pixel ID').fill('123456789012');
    await marketer.getByRole('button', { name: 'Save & continue' }).click();

    // Step 2: blueprint. The draft exists now; add, rename and remove a phase, schedule from today.
    await marketer.getByLabel('Planned start').waitFor();
    expect(new URL(marketer.url()).searchParams.get('draft')).toMatch(/^[0-9a-f-]{36}$/);
    campaignId = new URL(marketer.url()).searchParams.get('draft')!;
    await marketer.getByLabel('Planned start').fill(isoDay(0));
    await marketer.getByRole('button', { name: 'Add phase' }).click();
    await marketer.getByLabel('Phase 6 name').fill('Retro');
    await marketer.getByRole('button', { name: 'Remove Retro' }).click();
    await marketer.getByLabel('Phase 1 name').fill('Planning');
    await screenshot(marketer, 'campaign-wizard-blueprint', { fullPage: true });
    await marketer.getByRole('button', { name: 'Save & continue' }).click();

    // Step 3: success definition, then the feasibility assessment runs.
    await marketer.getByLabel('Target').fill('3');
    await marketer.getByRole('button', { name: 'Save & assess feasibility' }).click();
    await marketer.getByTestId('feasibility-score').waitFor({ timeout: 30_000 });
    await marketer.getByTestId('gate-waiting').waitFor();
    expect(await marketer.getByRole('button', { name: /^Confirm/ }).count()).toBe(0);
    await screenshot(marketer, 'campaign-feasibility-marketer', { fullPage: true });

    const { data: phases } = await service.from('campaign_phases').select('name, planned_start').eq('campaign_id', campaignId).order('position');
    expect(phases!.map((p) => p.name)).toEqual(['Planning', 'Creative', 'Compliance', 'Launch', 'Optimization']);
    expect(phases![0].planned_start).toBe(isoDay(0));
    // The landing UTM the website roll-up credits this campaign by, trimmed, saved with the intent.
    const { data: saved } = await service.from('campaigns').select('utm_campaign').eq('id', campaignId).single();
    expect(saved!.utm_campaign).toBe('spring_sale_2026');
  });

  it('lets the admin confirm or override the gate, recording who decided', async () => {
    await admin.goto(appUrl(`/campaigns/${campaignId}`));
    const gate = admin.getByTestId('decision-gate');
    await gate.waitFor();
    const proposed = (await admin.getByTestId('proposed-decision').textContent())?.trim();
    if (proposed === 'Proceed') {
      await admin.getByRole('button', { name: 'Confirm Proceed' }).click();
    } else {
      await admin.getByRole('button', { name: 'Override' }).click();
      await admin.getByText('Proceed', { exact: true }).last().click();
      await admin.getByLabel('Note').fill('Risks accepted: the team has capacity this sprint.');
      await admin.getByRole('button', { name: 'Save decision' }).click();
    }
    await admin.getByTestId('gate-decided').waitFor();
    expect(await admin.getByTestId('gate-decided').textContent()).toContain('Olivia Ops');
    await expect.poll(() => admin.getByTestId('campaign-status').textContent()).toBe('Planned');
    await screenshot(admin, 'campaign-gate-confirmed', { fullPage: true });
  });

  it('shows execution logged by the marketer live on the admin’s page', async () => {
    await marketer.goto(appUrl(`/campaigns/${campaignId}`));
    await admin.getByTestId('drift-row-Planning').waitFor();
    expect(await admin.getByTestId('drift-row-Planning').getByText('Pending').count()).toBe(1);

    await marketer.getByRole('button', { name: 'Start Planning' }).click();
    await marketer.getByRole('button', { name: 'Complete Planning' }).click();
    // Live on the other page, no reload: Planning finished in 1 of 3 days (−2, On Track).
    await expect.poll(() => admin.getByTestId('drift-row-Planning').getByTestId('drift').textContent(), { timeout: 15_000 }).toBe('-2');
    expect(await admin.getByTestId('drift-row-Planning').getByText('On Track').count()).toBe(1);
    await expect.poll(() => admin.getByTestId('campaign-status').textContent()).toBe('Active');

    // Back-filling refuses an end before the start, with a clear message, and changes nothing.
    await marketer.getByRole('button', { name: 'Edit Creative dates' }).click();
    await marketer.getByLabel('Started on').fill(isoDay(-2));
    await marketer.getByLabel('Finished on').fill(isoDay(-4));
    await marketer.getByRole('button', { name: 'Save dates' }).click();
    await marketer.getByText(`The phase cannot end (${isoDay(-4)}) before it starts (${isoDay(-2)}).`).waitFor();
    await screenshot(marketer, 'campaign-backfill-refused');

    // Creative started 6 days ago and is still running: day 7 of 5, +2 → At Risk and the first point of failure.
    await marketer.getByLabel('Started on').fill(isoDay(-6));
    await marketer.getByLabel('Finished on').fill('');
    await marketer.getByRole('button', { name: 'Save dates' }).click();
    await expect.poll(() => admin.getByTestId('drift-row-Creative').getByTestId('drift').textContent(), { timeout: 15_000 }).toBe('+2');
    expect(await admin.getByTestId('drift-row-Creative').getByText('At Risk').count()).toBe(1);
    await expect.poll(() => admin.getByTestId('first-point-of-failure').textContent()).toContain('Creative');
    await admin.getByTestId('drift-chart').scrollIntoViewIfNeeded();
    await screenshot(admin, 'campaign-drift-live', { fullPage: true });
    await admin.getByTestId('drift-panel').screenshot({ path: path.resolve('test-results/screenshots/campaign-drift-panel.png') });
    await screenshot(marketer, 'campaign-execution-marketer', { fullPage: true });

    await marketer.goto(appUrl('/campaigns'));
    await marketer.getByTestId(`campaign-row-${campaignId}`).getByText('At Risk').waitFor();
    await screenshot(marketer, 'campaigns-list');
  });
  it('resumes a draft from the campaigns list where it was left', async () => {
    await marketer.goto(appUrl('/campaigns/new'));
    await marketer.getByLabel('Campaign name').fill('Summer leads');
    await marketer.getByText('Leads', { exact: true }).click();
    await marketer.getByLabel('Industry / category').fill('Education');
    await marketer.getByLabel('Budget').fill('1200');
    await marketer.getByRole('button', { name: 'Save & continue' }).click();
    await marketer.getByLabel('Planned start').waitFor();

    await marketer.goto(appUrl('/campaigns'));
    const row = marketer.getByRole('row').filter({ hasText: 'Summer leads' });
    await row.getByText('Draft', { exact: true }).waitFor();
    await row.getByRole('link', { name: 'Resume draft' }).click();
    // Step 1 is saved, no phases yet: the wizard opens on the blueprint with the defaults.
    await marketer.getByLabel('Phase 5 name').waitFor();
    expect(await marketer.getByLabel('Phase 1 name').inputValue()).toBe('Planning');
    await marketer.getByRole('button', { name: 'Intent' }).click();
    expect(await marketer.getByLabel('Campaign name').inputValue()).toBe('Summer leads');
    expect(await marketer.getByLabel('Budget').inputValue()).toBe('1200');
    await screenshot(marketer, 'campaign-draft-resumed');
  });
});
