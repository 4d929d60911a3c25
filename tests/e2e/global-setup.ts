/**
 * End-to-end global setup: one local stack on a temp data dir and free port, and a Vite dev server (127.0.0.1,
 * free port) whose VITE_SUPABASE_* point at that stack. Tests reach both through `inject('e2e')`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createServer } from 'vite';
import type { TestProject } from 'vitest/node';
import { REPO_ROOT, startLocalStack } from '../../scripts/local-stack/index.ts';
import { ONE_ADDRESS_MANY_CLIENTS } from '../../scripts/local-stack/auth/settings.ts';
import { freePort } from '../../scripts/local-stack/functions-runner.ts';
import './support/context.ts';

export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mot-e2e-'));
  const stack = await startLocalStack({
    dataDir,
    port: await freePort(),
    writeEnvFile: false,
    auth: ONE_ADDRESS_MANY_CLIENTS,
    log: (m) => {
      if (process.env.LOCAL_STACK_VERBOSE) console.log(`[local-stack] ${m}`);
    },
  });

  // Variables already in process.env win over .env files, so the dev server talks to this stack only.
  process.env.VITE_SUPABASE_URL = stack.url;
  process.env.VITE_SUPABASE_ANON_KEY = stack.anonKey;
  const vitePort = await freePort();
  const vite = await createServer({
    root: REPO_ROOT,
    configFile: path.join(REPO_ROOT, 'vite.config.ts'),
    logLevel: 'warn',
    clearScreen: false,
    server: { host: '127.0.0.1', port: vitePort, strictPort: true, hmr: false },
  });
  await vite.listen();
  const appUrl = `http://127.0.0.1:${vitePort}`;

  project.provide('appUrl', appUrl);
  project.provide('supabaseUrl', stack.url);
  project.provide('anonKey', stack.anonKey);
  project.provide('serviceRoleKey', stack.serviceRoleKey);

  return async () => {
    await vite.close();
    await stack.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
