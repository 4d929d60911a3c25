/**
 * Every page of the app, with the demo's data loaded, checked by axe-core for WCAG 2.0/2.1 level A and AA
 * violations (colour contrast, names of controls, nesting of interactive elements, …). A page is checked once its
 * content has loaded and its entrance animations have finished, so axe sees what a person sees.
 */
import { AxeBuilder } from '@axe-core/playwright';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DEMO_PASSWORD, demoId } from '../../scripts/demo/ids.ts';
import { seedDemo, type SeedDemoResult } from '../../scripts/seed-demo.ts';
import { settled } from './support/board-page.ts';
import { appUrl, launchBrowser, signIn } from './support/browser.ts';

const WCAG_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** axe's violations, one line per failing element: rule, impact, what to fix and where. */
async function violations(page: Page): Promise<string[]> {
  await settled(page);
  const results = await new AxeBuilder({ page }).withTags(WCAG_A_AA).analyze();
  return results.violations.flatMap((v) =>
    v.nodes.map((n) => `${v.id} (${v.impact}): ${n.failureSummary?.split('\n')[1]?.trim() ?? v.help} — ${n.target.join(' ')}`),
  );
}

describe('accessibility (axe-core, WCAG 2 A/AA)', () => {
  let browser: Browser;
  let page: Page;
  let seeded: SeedDemoResult;

  beforeAll(async () => {
    seeded = await seedDemo({ url: inject('supabaseUrl'), serviceRoleKey: inject('serviceRoleKey'), deepseek: null, progress: 'silent' });
    browser = await launchBrowser();
    page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('sign-in page', async () => {
    await page.goto(appUrl('/sign-in'));
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await violations(page)).toEqual([]);
  });

  it('sign-up page', async () => {
    await page.goto(appUrl('/sign-up'));
    await page.getByRole('button', { name: 'Create account' }).waitFor();
    expect(await violations(page)).toEqual([]);
  });

  describe('signed in as the demo admin', () => {
    beforeAll(async () => {
      // Alex is the demo's admin: every page, settings included, shows everything it can.
      await signIn(page, { email: 'alex@demo.marketing-ops.test', password: DEMO_PASSWORD });
    });

    it('campaigns list', async () => {
      await page.goto(appUrl('/campaigns'));
      await page.getByTestId(`campaign-row-${demoId('campaign:summer')}`).waitFor({ timeout: 20_000 });
      expect(await violations(page)).toEqual([]);
    });

    it('campaign detail', async () => {
      await page.goto(appUrl(`/campaigns/${demoId('campaign:summer')}`));
      await page.getByTestId('drift-row-Compliance').waitFor({ timeout: 20_000 });
      await page.getByTestId('feasibility-panel').waitFor({ timeout: 20_000 });
      expect(await violations(page)).toEqual([]);
    });

    it('campaign wizard', async () => {
      await page.goto(appUrl('/campaigns/new'));
      await page.getByLabel('Campaign name').waitFor({ timeout: 20_000 });
      expect(await violations(page)).toEqual([]);
    });

    it('board', async () => {
      await page.goto(appUrl('/board'));
      await page.getByTestId('kanban-board').waitFor({ timeout: 20_000 });
      await page.locator('section[data-column] [data-card-id]').first().waitFor({ timeout: 20_000 });
      await page.getByText(/^Alert: /).first().waitFor({ timeout: 20_000 });
      expect(await violations(page)).toEqual([]);
    });

    it('alerts', async () => {
      await page.goto(appUrl('/alerts'));
      await page.getByText(seeded.storyAlert.title).first().waitFor({ timeout: 20_000 });
      expect(await violations(page)).toEqual([]);
    });

    it('alert detail', async () => {
      await page.goto(appUrl(`/alerts/${seeded.storyAlert.id}`));
      await page.locator('[data-testid="alert-detail"][data-live="true"]').waitFor({ timeout: 20_000 });
      expect(await violations(page)).toEqual([]);
    });

    it('ops', async () => {
      await page.goto(appUrl('/ops'));
      await page.getByTestId('ops-dashboard').waitFor({ timeout: 20_000 });
      await page.getByTestId(`ranking-row-${demoId('campaign:summer')}`).waitFor({ timeout: 20_000 });
      expect(await violations(page)).toEqual([]);
    });

    it('settings', async () => {
      await page.goto(appUrl('/settings'));
      await page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor({ timeout: 20_000 });
      await page.getByText('olivia@demo.marketing-ops.test').first().waitFor({ timeout: 20_000 });
      expect(await violations(page)).toEqual([]);
    });
  });
});
