/**
 * The presenter's walkthrough (DEMO.md, docs/domain-rules.md, Demo flow) in Chromium, on the demo `npm run seed:demo`
 * builds: 1. the board with past cards, 2. Sarah's creative change and its metadata, 3. the alert "Sales dropped …
 * after creative change", 4. its confidence and before/after chart, 5. the one-click revert (a new card, a success
 * message), 6. the next day's data arriving and the alert turning Resolved with the recovery on the timeline.
 * Each step leaves a screenshot in test-results/screenshots/demo-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { insertNextDay } from '../../scripts/demo-next-day.ts';
import { DEMO_PASSWORD, demoId } from '../../scripts/demo/ids.ts';
import { STORY } from '../../scripts/demo/scenario.ts';
import { seedDemo, type SeedDemoResult } from '../../scripts/seed-demo.ts';
import { appUrl, launchBrowser, screenshot, signIn } from './support/browser.ts';
import { waitFor } from '../support/wait-for.ts';
import { cardIn, column, settled } from './support/board-page.ts';
import { e2eServiceClient, type E2eClient } from './support/clients.ts';

const VIEWPORT = { width: 1440, height: 900 };
const CREATIVE_CARD = demoId(`card:${STORY.card}`);
const CREATIVE_TITLE = 'Changed hero image from blue to red';
const ALERT_TITLE = /Sales dropped \d+% after creative change/;

describe('demo walkthrough (DEMO.md)', () => {
  let browser: Browser;
  let page: Page;
  let service: E2eClient;
  let seeded: SeedDemoResult;
  let alertId: string;

  beforeAll(async () => {
    seeded = await seedDemo({ url: inject('supabaseUrl'), serviceRoleKey: inject('serviceRoleKey'), deepseek: null, progress: 'silent' });
    alertId = seeded.storyAlert.id;
    service = e2eServiceClient();
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: VIEWPORT });
    page = await context.newPage();
    await signIn(page, { email: 'sarah@demo.marketing-ops.test', password: DEMO_PASSWORD });
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('1. shows the board with the completed cards of the past days', async () => {
    await page.goto(appUrl('/board'));
    await page.getByTestId('kanban-board').waitFor({ timeout: 20_000 });
    const completed = column(page, 'completed');
    await completed.getByText(CREATIVE_TITLE).waitFor({ timeout: 20_000 });
    for (const title of ['Increased daily budget from $480 to $720', 'Broadened lookalike from 1% to 5%', 'Duplicated winning ad set for retargeting']) {
      await expect(completed.getByText(title).count()).resolves.toBe(1);
    }
    await expect(column(page, 'reverted').getByText('Paused underperforming carousel ads').count()).resolves.toBe(1);
    await expect(column(page, 'planned').locator('[data-card-id]').count()).resolves.toBeGreaterThanOrEqual(3);
    await screenshot(page, 'demo-01-board');
  });

  it("2. highlights Sarah's creative change, blue → red two days ago, with its metadata", async () => {
    const card = cardIn(page, CREATIVE_CARD);
    await card.scrollIntoViewIfNeeded();
    // The card renders from its row first; alert, correlation and author arrive with their own queries: wait for them.
    const text = await waitFor(async () => {
      const shown = await card.innerText();
      return ALERT_TITLE.test(shown) && /Correlation detected/.test(shown) && shown.includes('Sarah') && shown;
    }, { timeoutMs: 15_000, what: "the creative card's alert, correlation and author" });
    await expect(card.getAttribute('data-tone')).resolves.toBe('negative');
    expect(text).toContain(CREATIVE_TITLE);
    expect(text).toMatch(/Creative: blue hero → red hero/);
    expect(text).toContain('2 ad sets');
    expect(text).toMatch(ALERT_TITLE);
    expect(text).toMatch(/Correlation detected \(\w+ conf · \d+%\)/);
    expect(text).toContain('Sarah');
    await card.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'demo-02a-creative-card');

    await card.getByRole('button', { name: `View details of ${CREATIVE_TITLE}` }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    const details = await dialog.innerText();
    expect(details).toContain('Sarah Martinez');
    expect(details).toMatch(/creative change/i);
    await expect(dialog.locator('input[value="blue_hero.jpg"], input[value="red_hero.jpg"]').count()).resolves.toBe(2);
    await screenshot(page, 'demo-02b-card-metadata');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('3. navigates to the alert dashboard: "Sales dropped … after creative change"', async () => {
    await page.getByRole('link', { name: 'Alerts' }).first().click();
    await page.waitForURL((url) => url.pathname === '/alerts');
    const alertCard = page.locator(`[data-testid="alert-card"][data-alert-id="${alertId}"]`);
    await alertCard.waitFor({ timeout: 20_000 });
    // The campaign's name arrives with its own query, after the card itself.
    await alertCard.getByText('Spring Sale — Meta').waitFor({ timeout: 20_000 });
    const text = await alertCard.innerText();
    expect(text).toMatch(ALERT_TITLE);
    expect(text).toContain('Spring Sale — Meta');
    expect(text).toMatch(/High/i);
    expect(text).toContain(`${Math.round(seeded.storyAlert.confidence * 100)}%`);
    await screenshot(page, 'demo-03-alert-dashboard');
  });

  it('4. opens the alert: before/after chart, confidence and the timeline', async () => {
    const alertCard = page.locator(`[data-testid="alert-card"][data-alert-id="${alertId}"]`);
    await alertCard.getByRole('link', { name: 'View details' }).click();
    await page.waitForURL((url) => url.pathname === `/alerts/${alertId}`);
    const detail = page.getByTestId('alert-detail');
    await detail.waitFor({ timeout: 20_000 });
    await expect(detail.getAttribute('data-status')).resolves.toBe('active');
    await expect(page.getByRole('heading', { name: ALERT_TITLE }).count()).resolves.toBeGreaterThanOrEqual(1);
    await page.getByTestId('impact-chart').locator('svg').first().waitFor({ timeout: 20_000 });
    const confidence = await page.getByTestId('confidence-panel').innerText();
    expect(confidence).toContain(`${Math.round(seeded.storyAlert.confidence * 100)}%`);
    expect(seeded.storyAlert.confidence).toBeGreaterThanOrEqual(0.7);
    const sequence = await page.getByTestId('action-metric-sequence').innerText();
    expect(sequence).toContain(CREATIVE_TITLE);
    expect(sequence).toMatch(/Sales −\d+% against the expected level/);
    await screenshot(page, 'demo-04a-alert-detail');

    const timeline = page.getByTestId('correlation-timeline');
    await timeline.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await timeline.getByRole('button', { name: new RegExp(`^${CREATIVE_TITLE}`) }).waitFor({ timeout: 20_000 });
    await expect(timeline.getByTestId('timeline-link').count()).resolves.toBeGreaterThanOrEqual(1);
    await screenshot(page, 'demo-04b-correlation-timeline');
    await page.evaluate(() => window.scrollTo(0, 0));
  });

  it('5. executes the revert: a new card is created and a success message shows', async () => {
    await page.getByTestId('alert-revert').first().click();
    await page.getByText('Reverted: new card created').waitFor({ timeout: 15_000 });
    await page.getByTestId('alert-reverted').waitFor({ timeout: 15_000 });
    await settled(page); // the toast's entrance animation
    await screenshot(page, 'demo-05a-revert-success');

    const original = await service.from('marketer_actions').select('status').eq('id', CREATIVE_CARD).single();
    expect(original.data?.status).toBe('reverted');
    const reverting = await service.from('marketer_actions').select('id, title, status, metadata').eq('reverts_action_id', CREATIVE_CARD).single();
    expect(reverting.data).toMatchObject({ status: 'completed', metadata: { new_state: { creative_url: 'blue_hero.jpg' } } });

    await page.goto(appUrl('/board'));
    await page.getByTestId('kanban-board').waitFor({ timeout: 20_000 });
    await cardIn(page, reverting.data!.id).waitFor({ timeout: 20_000 });
    await expect(column(page, 'completed').locator(`[data-card-id="${reverting.data!.id}"]`).count()).resolves.toBe(1);
    await expect(column(page, 'reverted').locator(`[data-card-id="${CREATIVE_CARD}"]`).count()).resolves.toBe(1);
    await screenshot(page, 'demo-05b-board-after-revert');
  });

  it("6. the next day's data arrives: the alert turns Resolved and the recovery shows on the timeline", async () => {
    await page.goto(appUrl(`/alerts/${alertId}`));
    const detail = page.getByTestId('alert-detail');
    await detail.waitFor({ timeout: 20_000 });
    await page.getByTestId('alert-reverted').waitFor({ timeout: 20_000 });
    // The page's realtime subscription has joined before the data arrives (else the change would be missed).
    await page.locator('[data-testid="alert-detail"][data-live="true"]').waitFor({ timeout: 20_000 });

    const result = await insertNextDay(service);
    expect(result.storyAlert?.status).toBe('resolved');

    // Live: no reload.
    await waitFor(async () => (await detail.getAttribute('data-status')) === 'resolved', { timeoutMs: 20_000, what: 'the alert to show Resolved' });
    const resolved = await page.getByTestId('alert-resolved').innerText();
    expect(resolved).toMatch(/Sales recovered to 476(\.00)? on \d{4}-\d{2}-\d{2}, within 10% of its/);
    await expect(page.getByTestId('alert-status').innerText()).resolves.toMatch(/Resolved/i);
    const sequence = page.getByTestId('action-metric-sequence');
    await waitFor(async () => /Resolved/.test(await sequence.innerText()), { timeoutMs: 20_000, what: 'the sequence to end in Resolved' });
    const steps = await sequence.innerText();
    expect(steps).toContain(`Revert: ${CREATIVE_TITLE}`);
    expect(steps).toMatch(/Sales recovered to 476/);
    await screenshot(page, 'demo-06a-resolved');

    // The recovered day on the correlation timeline, after the revert on its action track.
    const timeline = page.getByTestId('correlation-timeline');
    await timeline.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await timeline.getByRole('button', { name: new RegExp(`^Revert: ${CREATIVE_TITLE}`) }).waitFor({ timeout: 20_000 });
    await waitFor(
      async () => (await timeline.locator('svg title').allTextContents()).some((t) => /^Sales .*: \$476\.00$/.test(t)),
      { timeoutMs: 20_000, what: 'the recovered day on the timeline' },
    );
    await screenshot(page, 'demo-06b-timeline-recovery');

    await page.goto(appUrl('/alerts'));
    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByText(ALERT_TITLE).first().waitFor({ timeout: 15_000 });
    await screenshot(page, 'demo-06c-alert-history');
  });
  it('7. shows the campaign page with each figure from the source the Data sources panel names', async () => {
    await page.goto(appUrl(`/campaigns/${demoId(`campaign:${STORY.campaign}`)}`));
    const kpi = page.getByTestId('campaign-meta-panel').getByTestId('kpi-vs-target');
    await kpi.getByTestId('source-label').waitFor({ timeout: 20_000 });
    const named = page.getByTestId('campaign-data').locator('[data-figure="sales"] dd');
    await named.waitFor({ timeout: 20_000 });
    // The story campaign's KPI is sales: the KPI card and the Data sources panel read it from the same source.
    expect(await kpi.getByTestId('source-label').textContent()).toBe(await named.textContent());
    await kpi.scrollIntoViewIfNeeded();
    await screenshot(page, 'demo-07-campaign-page', { fullPage: true });

    // The ops ranking names the same source for the campaign's ROAS as the campaign page's 7-day figure.
    const pageRoas = await page.getByTestId('campaign-figure').filter({ hasText: 'ROAS (7 d)' }).getByTestId('source-label').textContent();
    await page.goto(appUrl('/ops'));
    const row = page.getByTestId(`ranking-row-${demoId(`campaign:${STORY.campaign}`)}`);
    await row.getByTestId('source-label').first().waitFor({ timeout: 20_000 });
    expect(await row.getByTestId('source-label').first().textContent()).toBe(pageRoas);
    await screenshot(page, 'demo-07b-ops-ranking-sources');
  });
});
