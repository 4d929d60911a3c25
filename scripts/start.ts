// `npm start`: the local stack, the demo data on first run, and the Vite dev server. Ctrl-C stops everything.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createClient } from '@supabase/supabase-js';
import { createServer, type ViteDevServer } from 'vite';
import { DEMO_PASSWORD, DEMO_PEOPLE } from './demo/ids.ts';
import { REPO_ROOT, startLocalStack, type LocalStack } from './local-stack/index.ts';

const SEED_SCRIPT = path.join(REPO_ROOT, 'scripts', 'seed-demo.ts');

/** True when neither workspaces nor campaigns hold a row yet (a fresh database). */
async function databaseIsEmpty(stack: LocalStack): Promise<boolean> {
  const service = createClient(stack.url, stack.serviceRoleKey, {
    auth: { persistSession: false, autoRefreshToken: false },
  });
  for (const table of ['workspaces', 'campaigns']) {
    const { count, error } = await service.from(table).select('id', { count: 'exact', head: true });
    if (error) return false;
    if ((count ?? 0) > 0) return false;
  }
  return true;
}

function runSeed(stack: LocalStack): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), [SEED_SCRIPT], {
      cwd: REPO_ROOT,
      stdio: 'inherit',
      env: {
        ...process.env,
        SUPABASE_URL: stack.url,
        SUPABASE_ANON_KEY: stack.anonKey,
        SUPABASE_SERVICE_ROLE_KEY: stack.serviceRoleKey,
        VITE_SUPABASE_URL: stack.url,
        VITE_SUPABASE_ANON_KEY: stack.anonKey,
      },
    });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`seed-demo exited with code ${code}`))));
  });
}

const started = Date.now();
let stack: LocalStack;
try {
  stack = await startLocalStack({ watchFunctions: true });
} catch (error) {
  console.error(`\nThe local stack did not start: ${(error as Error).message}`);
  process.exit(1);
}
console.log(`Local stack ready at ${stack.url} in ${((Date.now() - started) / 1000).toFixed(1)} s`);

if (existsSync(SEED_SCRIPT) && (await databaseIsEmpty(stack))) {
  console.log('Empty database: loading the demo data (scripts/seed-demo.ts)…');
  try {
    await runSeed(stack);
  } catch (error) {
    console.error(`Demo seed failed, continuing without it: ${(error as Error).message}`);
  }
}

process.env.VITE_SUPABASE_URL = stack.url;
process.env.VITE_SUPABASE_ANON_KEY = stack.anonKey;
let vite: ViteDevServer | null = null;
try {
  vite = await createServer({ root: REPO_ROOT, configFile: path.join(REPO_ROOT, 'vite.config.ts'), server: { host: '127.0.0.1' } });
  await vite.listen();
} catch (error) {
  console.error(`Vite did not start: ${(error as Error).message}`);
  await stack.stop();
  process.exit(1);
}
const appUrl = vite.resolvedUrls?.local[0] ?? `http://127.0.0.1:${vite.config.server.port}/`;
console.log(`\nApp       ${appUrl}\nAPI       ${stack.url}`);
// The credentials are printed on every start, not only after the first seed, so a presenter never has to hunt for them.
console.log(`Sign in   ${DEMO_PEOPLE.map((p) => `${p.email} (${p.role})`).join(', ')}\n          password ${DEMO_PASSWORD}; the walkthrough is in DEMO.md`);
console.log(`Ready in  ${((Date.now() - started) / 1000).toFixed(1)} s. Press Ctrl-C to stop.`);

let stopping = false;
async function shutdown() {
  if (stopping) return;
  stopping = true;
  console.log('\nStopping…');
  await vite?.close().catch(() => undefined);
  await stack.stop();
  process.exit(0);
}
process.on('SIGINT', () => void shutdown());
process.on('SIGTERM', () => void shutdown());
