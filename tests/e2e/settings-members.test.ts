/**
 * Workspace settings in Chromium: an admin adds a teammate who already signed up, by email and as a viewer, through
 * the Members dialog; the viewer then signs in and lands in the workspace, where settings are read-only. The admin
 * also issues a website key and sees the snippet once. Screenshots: test-results/screenshots/settings-*.png.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appUrl, launchBrowser, screenshot, signIn, uniqueE2eEmail } from './support/browser.ts';
import { type E2eClient, e2eServiceClient, e2eSignUpUser } from './support/clients.ts';

const WORKSPACE = 'Northwind Marketing';
const adminEmail = uniqueE2eEmail('olivia');
const viewerEmail = uniqueE2eEmail('victor');

let browser: Browser;
let page: Page;
let workspaceId: string;
let viewerId: string;

beforeAll(async () => {
  const admin = await e2eSignUpUser(adminEmail, 'Olivia Park');
  const { data, error } = await (admin.client as E2eClient).from('workspaces').insert({ name: WORKSPACE }).select('id').single();
  if (error || !data) throw new Error(`create workspace: ${error?.message}`);
  workspaceId = data.id;
  viewerId = (await e2eSignUpUser(viewerEmail, 'Victor Chen')).userId;

  browser = await launchBrowser();
  page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await signIn(page, { email: adminEmail });
});

afterAll(async () => {
  await browser?.close();
});

describe('settings: members', () => {
  it('explains that someone without an account must sign up first', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL('**/settings');
    await page.getByRole('table', { name: 'Members' }).getByText(adminEmail).waitFor({ timeout: 20_000 });

    await page.getByRole('button', { name: 'Add member' }).click();
    await page.getByLabel('Email').fill(uniqueE2eEmail('nobody'));
    await page.getByRole('dialog').getByRole('button', { name: 'Add member' }).click();

    const message = 'No account uses that email yet: ask them to sign up first, then add them';
    const toast = page.locator('[data-sonner-toast]').filter({ hasText: message });
    await toast.waitFor({ timeout: 15_000 });
    await expect(page.getByRole('dialog').getByText(message).isVisible()).resolves.toBe(true);
    await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
    await toast.locator('[data-close-button]').click();
    await toast.waitFor({ state: 'detached' });
  });

  it('lets the admin add a signed-up user as viewer by email', async () => {
    await page.getByRole('button', { name: 'Add member' }).click();
    await page.getByLabel('Email').fill(viewerEmail.toUpperCase());
    await page.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Viewer' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Add member' }).click();

    await page.locator('[data-sonner-toast]').getByText(`${viewerEmail} joined ${WORKSPACE} as viewer.`).waitFor({ timeout: 15_000 });
    const row = page.locator(`tr[data-member-email="${viewerEmail}"]`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain('Victor Chen');
    await expect(row.getByRole('combobox', { name: 'Role of Victor Chen' }).textContent()).resolves.toContain('Viewer');
    await page.mouse.move(0, 0);
    await screenshot(page, 'settings-members', { fullPage: true });

    const { data } = await e2eServiceClient().from('workspace_members').select('role').eq('workspace_id', workspaceId).eq('user_id', viewerId).single();
    expect(data?.role).toBe('viewer');
  });

  it('issues a website key and shows it once with the snippet', async () => {
    await page.getByRole('button', { name: 'Create key' }).click();
    await page.getByLabel('Label').fill('Storefront');
    await page.getByRole('dialog').getByRole('button', { name: 'Create key' }).click();

    const snippet = page.getByTestId('tracker-snippet');
    await snippet.waitFor({ timeout: 15_000 });
    const text = (await snippet.textContent()) ?? '';
    expect(text).toContain(`${appUrl('/tracker.js')}`);
    expect(text).toContain(`endpoint: '${inject('supabaseUrl')}/functions/v1/ingest-events'`);
    expect(text).toMatch(/workspaceKey: 'mot_[0-9a-f]{64}'/);
    await screenshot(page, 'settings-ingest-key');

    await page.getByRole('button', { name: 'I have copied the key' }).click();
    await page.locator('tr[data-key-label="Storefront"]').getByText('Active').waitFor({ timeout: 15_000 });
  });

  it('lets the viewer into the workspace, with settings read-only', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const viewerPage = await context.newPage();
    await signIn(viewerPage, { email: viewerEmail });
    await viewerPage.getByRole('heading', { name: /Welcome, Victor/ }).waitFor({ timeout: 20_000 });
    await expect(viewerPage.getByText(WORKSPACE).first().isVisible()).resolves.toBe(true);

    await viewerPage.goto(appUrl('/settings'));
    await viewerPage.getByRole('table', { name: 'Members' }).getByText(adminEmail).waitFor({ timeout: 20_000 });
    await viewerPage.locator('tr[data-key-label="Storefront"]').waitFor({ timeout: 15_000 });
    expect(await viewerPage.getByRole('button', { name: 'Add member' }).count()).toBe(0);
    expect(await viewerPage.getByRole('button', { name: 'Create key' }).count()).toBe(0);
    expect(await viewerPage.getByRole('combobox').count()).toBe(0);
    expect(await viewerPage.getByRole('button', { name: 'Revoke' }).count()).toBe(0);
    await screenshot(viewerPage, 'settings-viewer', { fullPage: true });
    await context.close();
  });
});
