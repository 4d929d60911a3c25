/**
 * The production build as a browser gets it: gzip size of the JS /board needs before it can render (the entry,
 * the app module main.tsx always loads, the app root route and the board route with everything they import statically), and Chromium's time from
 * navigation to an interactive board of 1,000 cards, served by `vite preview`.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { REPO_ROOT } from '../local-stack/index.ts';

interface ManifestChunk {
  file: string;
  imports?: string[];
  isEntry?: boolean;
}

/** `vite build` into outDir with a manifest, the app pointed at the given stack. */
export function buildApp(outDir: string, env: { url: string; anonKey: string }): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(REPO_ROOT, 'node_modules', '.bin', 'vite'), ['build', '--outDir', outDir, '--emptyOutDir', '--manifest', '--logLevel', 'warn'], {
      cwd: REPO_ROOT,
      env: { ...process.env, VITE_SUPABASE_URL: env.url, VITE_SUPABASE_ANON_KEY: env.anonKey },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed (${code})`))));
  });
}

/** Gzip bytes of the JS chunks /board loads before rendering. */
export function boardInitialJs(outDir: string): { files: string[]; gzipBytes: number; rawBytes: number } {
  const manifest = JSON.parse(readFileSync(path.join(outDir, '.vite', 'manifest.json'), 'utf8')) as Record<string, ManifestChunk>;
  // main.tsx imports the app (src/app/index.tsx) dynamically but unconditionally, so it is a root like the entry.
  const roots = ['index.html', 'src/app/index.tsx', 'src/app/routes/app/root.tsx', 'src/app/routes/app/board.tsx'];
  const seen = new Set<string>();
  const visit = (key: string) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const dep of manifest[key].imports ?? []) visit(dep);
  };
  for (const root of roots) {
    if (!manifest[root]) throw new Error(`${root} is not in the build manifest`);
    visit(root);
  }
  const files = [...seen].map((k) => manifest[k].file).filter((f) => f.endsWith('.js'));
  let gzipBytes = 0;
  let rawBytes = 0;
  for (const file of files) {
    const bytes = readFileSync(path.join(outDir, file));
    rawBytes += bytes.length;
    gzipBytes += gzipSync(bytes, { level: 9 }).length;
  }
  return { files, gzipBytes, rawBytes };
}

/**
 * Signs in through the form, then loads /board `runs` times: ms from navigation to the first card being visible
 * with the board counting all `cards` actions (what a user can start dragging).
 */
export async function timeToInteractiveBoard(opts: { outDir: string; port: number; email: string; password: string; cards: number; runs: number }): Promise<number[]> {
  const server = await preview({ root: REPO_ROOT, configFile: path.join(REPO_ROOT, 'vite.config.ts'), logLevel: 'warn', build: { outDir: opts.outDir }, preview: { host: '127.0.0.1', port: opts.port, strictPort: true } });
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const page = await (await browser.newContext({ viewport: { width: 1440, height: 900 } })).newPage();
    const app = `http://127.0.0.1:${opts.port}`;
    await page.goto(`${app}/sign-in`);
    await page.getByLabel('Work email').fill(opts.email);
    await page.getByLabel('Password').fill(opts.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: 30_000 });
    const samples: number[] = [];
    for (let i = 0; i < opts.runs + 1; i++) {
      await page.goto('about:blank');
      const t0 = performance.now();
      await page.goto(`${app}/board`);
      await page.locator('section[data-column] [data-card-id]').first().waitFor({ timeout: 30_000 });
      await page.getByTestId('board-count').getByText(`${opts.cards} actions`).waitFor({ timeout: 30_000 });
      if (i > 0) samples.push(performance.now() - t0); // the first load warms the HTTP cache, as a returning user has
    }
    return samples;
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}
