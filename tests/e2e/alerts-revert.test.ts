/**
 * The spec's demo flow (docs/domain-rules.md, Demo flow) in Chromium: the analysis raised "Sales dropped 60% after creative change"; the marketer
 * opens the alert dashboard, the alert's detail (before/after chart with the counterfactual band, the action →
 * metric sequence, confidence and why, the correlation timeline), clicks Revert, sees the success message, and the
 * database holds the reverting card, the original in Reverted and the link on the alert. The next day's data
 * recovers and the alert turns Resolved live, then sits in the history.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAnalysis } from '../../supabase/functions/_shared/analysis/index.ts';
import { addDays, addRecoveryDay, type CreativeDropScenario, seedCreativeDrop } from '../support/analysis-scenario.ts';
import { appUrl, launchBrowser, screenshot, signIn, uniqueE2eEmail } from './support/browser.ts';
import { type E2eClient, e2eServiceClient, e2eSignUpUser } from './support/clients.ts';

let browser: Browser;
let page: Page;
let user: E2eClient;
let scenario: CreativeDropScenario;
let alertId: string;
const email = uniqueE2eEmail('sarah');

beforeAll(async () => {
  const signedUp = await e2eSignUpUser(email, 'Sarah Miller');
  user = signedUp.client;
  const { data: ws, error } = await user.from('workspaces').insert({ name: 'Acme Growth' }).select('id').single();
  if (error || !ws) throw new Error(`create workspace: ${error?.message}`);
  const today = new Date().toISOString().slice(0, 10);
  scenario = await seedCreativeDrop(user, { workspaceId: ws.id, actionDay: addDays(today, -2), name: 'Spring sale', service: e2eServiceClient() });
  const result = await runAnalysis(e2eServiceClient(), { workspaceId: ws.id, trigger: 'schedule', now: scenario.analyseAt, deepseek: null });
  expect(result.alerts_created).toBe(1);
  alertId = result.campaigns[0].alert_ids[0];

  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await signIn(page, { email });
});

afterAll(async () => {
  await browser?.close();
});

describe('alert dashboard and one-click revert', () => {
  it('lists the alert under High severity with its confidence', async () => {
    await page.goto(appUrl('/alerts'));
    const card = page.getByTestId('alert-card').filter({ hasText: 'Sales dropped 60% after creative change' });
    await card.waitFor({ timeout: 20_000 });
    const high = page.locator('section', { has: page.getByRole('heading', { name: /High severity/ }) });
    await expect(high.getByText('Sales dropped 60% after creative change').isVisible()).resolves.toBe(true);
    await expect(card.getByText(/\d+%\s*Medium|\d+%\s*High/).first().isVisible()).resolves.toBe(true);
    await expect(card.getByRole('button', { name: 'Revert to previous creative' }).isVisible()).resolves.toBe(true);
    await screenshot(page, 'alerts-dashboard', { fullPage: true });
  });

  it('shows the evidence: before/after chart with its band, the sequence, confidence and the timeline', async () => {
    await page.getByRole('link', { name: 'Sales dropped 60% after creative change' }).click();
    await page.waitForURL(`**/alerts/${alertId}`);
    await page.getByTestId('impact-chart').locator('.recharts-line-curve').first().waitFor({ state: 'attached', timeout: 20_000 });
    expect(await page.getByTestId('impact-chart').locator('.recharts-area').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('impact-chart').locator('.recharts-reference-line').count()).toBeGreaterThan(0);
    await expect(page.getByTestId('action-metric-sequence').getByText('Updated ad creative').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('action-metric-sequence').getByText('blue → red').isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('confidence-panel').getByText(/Baseline from/).isVisible()).resolves.toBe(true);
    await page.getByTestId('timeline-link').first().waitFor({ state: 'attached', timeout: 20_000 });
    await page.mouse.move(0, 0);
    await screenshot(page, 'alert-detail', { fullPage: true });

    await page.getByTestId('timeline-change').first().hover();
    const tooltip = page.locator('[data-slot="tooltip-content"]').filter({ hasText: /Sales −\d+% from/ });
    await tooltip.waitFor({ timeout: 10_000 });
    expect(await tooltip.textContent()).toMatch(/decreased by \d+%/);
    await page.getByTestId('correlation-timeline').scrollIntoViewIfNeeded();
    await screenshot(page, 'correlation-timeline-tooltip');
  });

  it('reverts in one click: success message, reverting card, original in Reverted, alert linked', async () => {
    await page.mouse.move(0, 0);
    await page.getByRole('button', { name: 'Revert to previous creative' }).click();
    await page.getByText('Reverted: new card created').waitFor({ timeout: 15_000 });
    await page.getByTestId('alert-reverted').waitFor({ timeout: 15_000 });
    await screenshot(page, 'alert-reverted');

    const { data: alert } = await user.from('ai_alerts').select('status, revert_action_id').eq('id', alertId).single();
    expect(alert?.status).toBe('active');
    expect(alert?.revert_action_id).toBeTruthy();
    const { data: reverting } = await user.from('marketer_actions').select('*').eq('id', alert!.revert_action_id!).single();
    expect(reverting).toMatchObject({
      reverts_action_id: scenario.actionId,
      status: 'completed',
      metadata: expect.objectContaining({ previous_state: { hero_image: 'red' }, new_state: { hero_image: 'blue' } }),
    });
    const { data: original } = await user.from('marketer_actions').select('status').eq('id', scenario.actionId).single();
    expect(original?.status).toBe('reverted');
    await expect(page.getByRole('button', { name: 'Revert to previous creative' }).count()).resolves.toBe(0);
  });

  it('resolves itself live once the next day recovers, and moves to the history', async () => {
    await addRecoveryDay(user, scenario, 480);
    await page.getByTestId('alert-status').getByText('Resolved').waitFor({ timeout: 20_000 });
    await page.getByTestId('alert-resolved').waitFor();
    expect(await page.getByTestId('alert-resolved').textContent()).toMatch(/Sales recovered to 480/);
    await screenshot(page, 'alert-resolved', { fullPage: true });

    const { data: alert } = await user.from('ai_alerts').select('status, resolved_at').eq('id', alertId).single();
    expect(alert?.status).toBe('resolved');

    await page.goto(appUrl('/alerts'));
    await page.getByRole('tab', { name: 'History' }).click();
    const row = page.getByTestId('alert-history').locator(`[data-alert-id="${alertId}"]`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toMatch(/Resolved/);
    await screenshot(page, 'alerts-history');
  });
});
