/**
 * Workspace settings in Chromium: an admin invites a teammate by email as a viewer through the Members dialog (an
 * address without an account gets the same answer); the viewer signs in, sees the invitation, joins, and finds the
 * settings read-only. The admin
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
  it('records an invitation for an address without an account exactly as for one with, and withdraws it', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.waitForURL('**/settings');
    await page.getByRole('table', { name: 'Members' }).getByText(adminEmail).waitFor({ timeout: 20_000 });

    const nobody = uniqueE2eEmail('nobody');
    await page.getByRole('button', { name: 'Invite member' }).click();
    await page.getByLabel('Email').fill(nobody);
    await page.getByRole('dialog').getByRole('button', { name: 'Invite' }).click();

    const toast = page.locator('[data-sonner-toast]').filter({ hasText: `${nobody} can join ${WORKSPACE} as viewer once they accept it.` });
    await toast.waitFor({ timeout: 15_000 });
    await page.locator(`tr[data-invitation-email="${nobody}"]`).waitFor({ timeout: 15_000 });
    await toast.locator('[data-close-button]').click();
    await toast.waitFor({ state: 'detached' });

    await page.getByRole('button', { name: `Withdraw the invitation to ${nobody}` }).click();
    await page.locator(`tr[data-invitation-email="${nobody}"]`).waitFor({ state: 'detached', timeout: 15_000 });
  });

  it('lets the admin invite a signed-up user as viewer by email; they are not a member yet', async () => {
    await page.getByRole('button', { name: 'Invite member' }).click();
    await page.getByLabel('Email').fill(viewerEmail.toUpperCase());
    await page.getByRole('combobox', { name: 'Role' }).click();
    await page.getByRole('option', { name: 'Viewer' }).click();
    await page.getByRole('dialog').getByRole('button', { name: 'Invite' }).click();

    await page.locator('[data-sonner-toast]').getByText(`${viewerEmail} can join ${WORKSPACE} as viewer once they accept it.`).waitFor({ timeout: 15_000 });
    const row = page.locator(`tr[data-invitation-email="${viewerEmail}"]`);
    await row.waitFor({ timeout: 15_000 });
    expect(await row.textContent()).toContain('Viewer');
    await page.mouse.move(0, 0);
    await screenshot(page, 'settings-members', { fullPage: true });

    const { data } = await e2eServiceClient().from('workspace_members').select('role').eq('workspace_id', workspaceId).eq('user_id', viewerId);
    expect(data).toEqual([]);
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

  it('lets the viewer join from the invitation, then shows settings read-only', async () => {
    const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
    const viewerPage = await context.newPage();
    await signIn(viewerPage, { email: viewerEmail });
    const invitation = viewerPage.locator(`[data-invitation-workspace="${WORKSPACE}"]`);
    await invitation.waitFor({ timeout: 20_000 });
    expect(await invitation.textContent()).toContain('As viewer, invited by Olivia Park');
    await screenshot(viewerPage, 'settings-invitation');
    await viewerPage.getByRole('button', { name: `Join ${WORKSPACE}` }).click();
    await viewerPage.getByRole('heading', { name: /Welcome, Victor/ }).waitFor({ timeout: 20_000 });
    await expect(viewerPage.getByText(WORKSPACE).first().isVisible()).resolves.toBe(true);
    const { data } = await e2eServiceClient().from('workspace_members').select('role').eq('workspace_id', workspaceId).eq('user_id', viewerId).single();
    expect(data?.role).toBe('viewer');

    await viewerPage.goto(appUrl('/settings'));
    await viewerPage.getByRole('table', { name: 'Members' }).getByText(adminEmail).waitFor({ timeout: 20_000 });
    await viewerPage.locator('tr[data-key-label="Storefront"]').waitFor({ timeout: 15_000 });
    expect(await viewerPage.getByRole('button', { name: 'Invite member' }).count()).toBe(0);
    expect(await viewerPage.getByRole('button', { name: 'Create key' }).count()).toBe(0);
    expect(await viewerPage.getByRole('combobox').count()).toBe(0);
    expect(await viewerPage.getByRole('button', { name: 'Revoke' }).count()).toBe(0);
    await screenshot(viewerPage, 'settings-viewer', { fullPage: true });
    await context.close();
  });
});
