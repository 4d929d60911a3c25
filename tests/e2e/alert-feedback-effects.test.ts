/**
 * Issue 10's UI in Chromium, on the demo `npm run seed:demo` builds: the ops head (Olivia) dismisses an alert as
 * "wrong cause" and finds the reason in the alert history; a completed card on the board and its campaign page show
 * the change's estimated effect with its interval; the Alerts page carries the "What worked" library by action type
 * and metric; the marketer (Sarah) is offered no Dismiss. Then a brand-new user with an empty workspace opens the
 * same pages: they explain themselves and nothing errors. Screenshots: test-results/screenshots/effects-*.png.
 */
import { actionTypeLabel } from '@domain/board.ts';
import { metricLabel } from '@domain/correlation/alerts.ts';
import { effectLibrary, formatEffect } from '@domain/correlation/effects.ts';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, demoId } from '../../scripts/demo/ids.ts';
import { STORY } from '../../scripts/demo/scenario.ts';
import { seedDemo, type SeedDemoResult } from '../../scripts/seed-demo.ts';
import { appUrl, createWorkspaceThroughUi, launchBrowser, screenshot, signIn, signUp, uniqueE2eEmail } from './support/browser.ts';
import { cardIn } from './support/board-page.ts';
import { e2eServiceClient, e2eUserClient, type E2eClient } from './support/clients.ts';
import { waitFor } from '../support/wait-for.ts';

const VIEWPORT = { width: 1440, height: 900 };
const STORY_CARD = demoId(`card:${STORY.card}`);

type EffectRow = { action_id: string; action_type: string; campaign_id: string; metric: 'sales'; change_pct: number; lower_pct: number; upper_pct: number; significant: boolean; note: string | null };

/** "+40 %", "−49 %", "±0 %": how the library prints a median. */
function signedPct(v: number): string {
  const r = Math.round(v);
  return `${r > 0 ? '+' : r < 0 ? '−' : '±'}${Math.abs(r)} %`;
}

let browser: Browser;
let service: E2eClient;
let seeded: SeedDemoResult;
let effects: EffectRow[];

/** A page in its own context (own session), signed in as `email`, that records uncaught errors and console errors. */
async function pageAs(email: string | null, password = DEMO_PASSWORD): Promise<{ page: Page; context: BrowserContext; errors: string[] }> {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  if (email) await signIn(page, { email, password });
  return { page, context, errors };
}

beforeAll(async () => {
  seeded = await seedDemo({ url: inject('supabaseUrl'), serviceRoleKey: inject('serviceRoleKey'), deepseek: null, progress: 'silent' });
  service = e2eServiceClient();
  const { data, error } = await service
    .from('action_effects')
    .select('action_id, action_type, campaign_id, metric, change_pct, lower_pct, upper_pct, significant, note')
    .eq('workspace_id', seeded.workspaceId);
  if (error) throw error;
  effects = (data ?? []).map((e) => ({ ...e, change_pct: Number(e.change_pct), lower_pct: Number(e.lower_pct), upper_pct: Number(e.upper_pct) })) as EffectRow[];
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
});

describe('alert feedback and change effects (demo data)', () => {
  it('offers the marketer no Dismiss, on the dashboard or the alert, and the database refuses her too', async () => {
    const { page, context, errors } = await pageAs('sarah@demo.marketing-ops.test');
    await page.goto(appUrl('/alerts'));
    const card = page.locator(`[data-testid="alert-card"][data-alert-id="${seeded.storyAlert.id}"]`);
    await card.waitFor({ timeout: 20_000 });
    await card.getByRole('button', { name: 'Resolve' }).waitFor();
    await expect(page.getByRole('button', { name: 'Dismiss' }).count()).resolves.toBe(0);

    await page.goto(appUrl(`/alerts/${seeded.storyAlert.id}`));
    await page.getByTestId('alert-detail').waitFor({ timeout: 20_000 });
    await page.getByRole('button', { name: 'Resolve' }).first().waitFor();
    await expect(page.getByRole('button', { name: 'Dismiss' }).count()).resolves.toBe(0);
    await screenshot(page, 'effects-01-marketer-alert-detail');

    const sarah = await e2eUserClient('sarah@demo.marketing-ops.test', DEMO_PASSWORD);
    const attempt = await sarah.from('ai_alerts').update({ status: 'dismissed', dismiss_reason: 'noise' }).eq('id', seeded.storyAlert.id).select('id');
    expect(attempt.error !== null || (attempt.data ?? []).length === 0).toBe(true);
    const { data: after } = await service.from('ai_alerts').select('status, dismiss_reason').eq('id', seeded.storyAlert.id).single();
    expect(after).toEqual({ status: 'active', dismiss_reason: null });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the effect of a completed change on its board card and on its campaign page', async () => {
    const story = effects.find((e) => e.action_id === STORY_CARD);
    expect(story, 'the analysis keeps an effect for the story card').toBeTruthy();
    const expected = formatEffect(story!);
    expect(expected).toMatch(/^[+−±]\d+ % sales \([+−±]\d+ % to [+−±]\d+ %\), (not )?significant$/);

    // The demo's changes all start their own shifts, so no onset note comes out of its analysis; give the headline
    // change on the same campaign the note the analysis writes when a shift was already under way.
    const headline = effects.find((e) => e.campaign_id === story!.campaign_id && e.action_id !== STORY_CARD);
    expect(headline, 'a second change on the story campaign has an effect').toBeTruthy();
    const note = 'Sales were already falling since Tuesday; the ad copy update on Wednesday did not start it.';
    const { error } = await service.from('action_effects').update({ note, significant: false }).eq('action_id', headline!.action_id);
    expect(error).toBeNull();
    Object.assign(headline!, { note, significant: false });

    const { page, context, errors } = await pageAs('olivia@demo.marketing-ops.test');
    await page.goto(appUrl('/board'));
    await page.getByTestId('kanban-board').waitFor({ timeout: 20_000 });
    const card = cardIn(page, STORY_CARD);
    const effect = card.getByTestId('card-effect');
    await effect.waitFor({ timeout: 20_000 });
    expect(await effect.innerText()).toContain(`Effect: ${expected}`);
    await card.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'effects-02-board-card');

    // Every completed card with an effect shows it; planned ones have none.
    const shown = await page.locator('section[data-column] [data-card-id]').evaluateAll((nodes) =>
      nodes.filter((n) => n.querySelector('[data-testid="card-effect"]')).map((n) => n.getAttribute('data-card-id')),
    );
    expect(shown).toContain(STORY_CARD);
    const noted = cardIn(page, headline!.action_id).getByTestId('card-effect');
    expect(await noted.innerText()).toContain(note);
    await noted.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'effects-02b-board-card-onset-note');

    await page.goto(appUrl(`/campaigns/${story!.campaign_id}`));
    const section = page.getByTestId('campaign-effects');
    await section.waitFor({ timeout: 20_000 });
    // The section's heading renders before its estimates load: wait for the list, then read it.
    const campaignEffects = effects.filter((e) => e.campaign_id === story!.campaign_id);
    await waitFor(async () => (await section.getByRole('listitem').count()) === campaignEffects.length, {
      what: "the campaign's effect estimates",
      timeoutMs: 20_000,
    });
    const text = await section.innerText();
    expect(text).toContain('Changed hero image from blue to red');
    expect(text).toContain(expected);
    expect(text).toContain(note);
    // Newest change first: the creative change (two days ago) above the older headline update.
    const items = await section.getByRole('listitem').allInnerTexts();
    expect(items.findIndex((t) => t.includes('Changed hero image'))).toBeLessThan(items.findIndex((t) => t.includes(note)));
    await section.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await screenshot(page, 'effects-03-campaign-page');
    expect(errors).toEqual([]);
    await context.close();
  });

  it("updates a card's effect line live when the analysis rewrites the estimate", async () => {
    const { page, context, errors } = await pageAs('olivia@demo.marketing-ops.test');
    await page.goto(appUrl('/board'));
    await page.getByTestId('kanban-board').waitFor({ timeout: 20_000 });
    const effect = cardIn(page, STORY_CARD).getByTestId('card-effect');
    await effect.waitFor({ timeout: 20_000 });
    await page.getByText('Live', { exact: true }).first().waitFor({ timeout: 20_000 });
    const note = `Re-estimated after new data ${Date.now()}`;
    const { error } = await service.from('action_effects').update({ note }).eq('action_id', STORY_CARD);
    expect(error).toBeNull();
    await waitFor(async () => (await effect.innerText()).includes(note), { what: 'the new estimate on the card, without a reload', timeoutMs: 20_000 });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lists what worked across the workspace: effect sizes by action type and metric', async () => {
    const expected = effectLibrary(effects);
    expect(expected.length).toBeGreaterThan(1);
    const { page, context, errors } = await pageAs('olivia@demo.marketing-ops.test');
    await page.goto(appUrl('/alerts'));
    const library = page.getByTestId('effect-library');
    await library.waitFor({ timeout: 20_000 });
    // The section renders while its estimates load: wait for every row before reading the table.
    await waitFor(async () => (await library.locator('tbody tr').count()) === expected.length, { what: 'the library rows', timeoutMs: 20_000 });
    await expect(library.getByRole('heading', { name: 'What worked' }).count()).resolves.toBe(1);
    // One row per action type and metric, in the library's order, with its count, median and clear moves.
    const cells = await library.locator('tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent?.trim())));
    expect(cells).toEqual(
      expected.map((r) => [actionTypeLabel(r.action_type), metricLabel(r.metric), String(r.actions), signedPct(r.median_change_pct), `${r.significant_up} / ${r.significant_down}`]),
    );
    expect(cells).toContainEqual(['Creative change', 'Sales', '1', signedPct(effects.find((e) => e.action_id === STORY_CARD)!.change_pct), '0 / 1']);
    await library.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await screenshot(page, 'effects-04-what-worked');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('lets the ops head dismiss an alert as "wrong cause" and shows the reason in the history', async () => {
    const { page, context, errors } = await pageAs('olivia@demo.marketing-ops.test');
    await page.goto(appUrl('/alerts'));
    const card = page.locator(`[data-testid="alert-card"][data-alert-id="${seeded.storyAlert.id}"]`);
    await card.waitFor({ timeout: 20_000 });
    await card.getByRole('button', { name: 'Dismiss' }).click();
    const menu = page.getByRole('menu');
    await menu.waitFor();
    await expect(menu.getByRole('menuitem').allInnerTexts()).resolves.toEqual([
      expect.stringMatching(/^Wrong cause/),
      expect.stringMatching(/^Expected change/),
      expect.stringMatching(/^Noise/),
    ]);
    await screenshot(page, 'effects-05-dismiss-menu');
    await menu.getByRole('menuitem', { name: /^Wrong cause/ }).click();
    const toast = page.locator('[data-sonner-toast]').first();
    await card.waitFor({ state: 'detached', timeout: 15_000 });
    await toast.waitFor({ timeout: 15_000 });
    expect(await toast.innerText()).toMatch(/^Alert dismissed/);

    const { data: alert } = await service.from('ai_alerts').select('status, dismiss_reason').eq('id', seeded.storyAlert.id).single();
    expect(alert).toEqual({ status: 'dismissed', dismiss_reason: 'wrong_cause' });

    await page.getByRole('tab', { name: 'History' }).click();
    const row = page.getByTestId('alert-history').locator(`[data-alert-id="${seeded.storyAlert.id}"]`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.innerText()).toMatch(/Dismissed/);
    await expect(row.getByTestId('dismiss-reason').innerText()).resolves.toMatch(/wrong cause/i);
    await screenshot(page, 'effects-06-history-reason');
    expect(errors).toEqual([]);
    await context.close();
  });
});

describe('a brand-new user with an empty workspace', () => {
  let page: Page;
  let errors: string[];
  let campaignId: string;

  beforeAll(async () => {
    const email = uniqueE2eEmail('newbie');
    ({ page, errors } = await pageAs(null));
    await signUp(page, { fullName: 'Nina New', email });
    await createWorkspaceThroughUi(page, 'Fresh Start Ltd');
    // A campaign with no changes yet, to see its page before any effect exists.
    const client = await e2eUserClient(email);
    const { data: ws } = await client.from('workspaces').select('id').eq('name', 'Fresh Start Ltd').single();
    const { data: campaign, error } = await client
      .from('campaigns')
      .insert({ workspace_id: ws!.id, name: 'First campaign', objective: 'sales', platform: 'meta' })
      .select('id')
      .single();
    if (error || !campaign) throw new Error(`create campaign: ${error?.message}`);
    campaignId = campaign.id;
  });

  it('the Alerts page says there is nothing yet, in both tabs and for the library', async () => {
    await page.goto(appUrl('/alerts'));
    await page.getByRole('heading', { name: 'Alerts', level: 1 }).waitFor({ timeout: 20_000 });
    await page.getByText(/no active alerts/i).first().waitFor({ timeout: 20_000 });
    await page.getByTestId('effect-library-empty').waitFor({ timeout: 20_000 });
    await screenshot(page, 'effects-07-empty-alerts', { fullPage: true });
    await page.getByRole('tab', { name: 'History' }).click();
    await page.getByText(/no closed alerts|nothing .*history|no alerts/i).first().waitFor({ timeout: 15_000 });
    await screenshot(page, 'effects-08-empty-history', { fullPage: true });
    expect(errors).toEqual([]);
  });

  it('the board and a campaign without changes show no effect and no error', async () => {
    await page.goto(appUrl('/board'));
    await page.getByTestId('kanban-board').waitFor({ timeout: 20_000 });
    await expect(page.getByTestId('card-effect').count()).resolves.toBe(0);
    await screenshot(page, 'effects-09-empty-board', { fullPage: true });

    await page.goto(appUrl(`/campaigns/${campaignId}`));
    await page.getByRole('heading', { name: 'First campaign' }).first().waitFor({ timeout: 20_000 });
    await page.getByTestId('campaign-effects-empty').waitFor({ timeout: 20_000 });
    await screenshot(page, 'effects-10-empty-campaign', { fullPage: true });
    expect(errors).toEqual([]);
  });
});
