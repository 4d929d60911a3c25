/**
 * Playwright helpers over Debian's Chromium: launch, sign up / sign in through the UI, screenshots into
 * test-results/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { inject } from 'vitest';
import './context.ts';

export const E2E_PASSWORD = 'correct-horse-42';

const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '..', '..', '..', 'test-results', 'screenshots');

export function appUrl(pathname = '/'): string {
  return new URL(pathname, inject('appUrl')).toString();
}

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

export function uniqueE2eEmail(label = 'user'): string {
  return `${label}-${crypto.randomUUID().slice(0, 8)}@example.com`;
}

/** Signs up through the form; the app signs the new user in and lands on the app (or workspace creation). */
export async function signUp(page: Page, { fullName, email, password = E2E_PASSWORD }: { fullName: string; email: string; password?: string }) {
  await page.goto(appUrl('/sign-up'));
  await page.getByLabel('Full name').fill(fullName);
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-up'), { timeout: 20_000 });
}

/** Signs in through the form and waits until the app left the sign-in page. */
export async function signIn(page: Page, { email, password = E2E_PASSWORD }: { email: string; password?: string }) {
  await page.goto(appUrl('/sign-in'));
  await page.getByLabel('Work email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: 20_000 });
}

/** On the "Create your workspace" screen a new user sees, names and creates their workspace. */
export async function createWorkspaceThroughUi(page: Page, name: string) {
  await page.getByLabel('Workspace name').fill(name);
  await page.getByRole('button', { name: 'Create workspace' }).click();
  await page.getByLabel('Workspace name').waitFor({ state: 'detached', timeout: 20_000 });
}

/** Full-page PNG at test-results/screenshots/<name>.png; returns the path. */
export async function screenshot(page: Page, name: string, opts: { fullPage?: boolean } = {}): Promise<string> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: opts.fullPage ?? false });
  return file;
}
