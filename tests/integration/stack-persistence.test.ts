/**
 * `npm run stack` as a user runs it: committed data survives a Ctrl-C and a restart, and a kill -9 of the whole
 * stack (PostgreSQL included) mid-write loses no acknowledged row (WAL replay); migrations are not re-applied;
 * a second stack on a taken port refuses with exit code 1.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { freePort } from '../../scripts/local-stack/functions-runner.ts';
import { startLocalStack } from '../../scripts/local-stack/index.ts';
import { isPortFree } from '../../scripts/local-stack/ports.ts';
import { makeClient, stack, TEST_PASSWORD, uniqueEmail } from '../support/clients.ts';
import { waitFor } from '../support/wait-for.ts';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const TSX = path.join(ROOT, 'node_modules', '.bin', 'tsx');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mot-persist-'));

interface Running {
  child: ChildProcess;
  output: () => string;
  exited: Promise<number | null>;
}

function runCli(env: Record<string, string>, detached = false): Running {
  const child = spawn(TSX, ['scripts/local-stack/cli.ts'], {
    cwd: ROOT,
    // Its own process group, so a crash can be simulated by killing the stack and every child at once.
    detached,
    env: { ...process.env, DATABASE_URL: '', LOCAL_STACK_WRITE_ENV: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output: () => output, exited };
}

/** Waits until the stack has printed `text` (its readiness line); fails at once if it exits first. */
async function waitForOutput(run: Running, text: string, timeoutMs = 60_000): Promise<void> {
  await waitFor(
    () => {
      if (run.child.exitCode !== null) throw new Error(`stack exited early:\n${run.output()}`);
      return run.output().includes(text);
    },
    { timeoutMs, intervalMs: 50, what: `"${text}" from the stack` },
  );
}

/** Whether any process of group `pgid` is still alive (signal 0 checks without sending anything). */
function processGroupAlive(pgid: number): boolean {
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe('npm run stack', () => {
  it('keeps committed data across a clean stop and restart', async () => {
    const port = await freePort();
    const env = { LOCAL_STACK_DIR: dataDir, LOCAL_STACK_PORT: String(port) };
    const url = `http://127.0.0.1:${port}`;
    const email = uniqueEmail('persist');

    const first = runCli(env);
    await waitForOutput(first, 'Local stack ready');
    expect(first.output()).toContain('applied migration');
    expect(first.output()).toContain(`API URL           ${url}`);
    const client = makeClient(stack().anonKey, url);
    const signUp = await client.auth.signUp({ email, password: TEST_PASSWORD });
    expect(signUp.error).toBeNull();
    const { data: ws, error } = await client.from('workspaces').insert({ name: 'Survives restarts' }).select().single();
    expect(error).toBeNull();
    first.child.kill('SIGINT');
    expect(await first.exited, first.output()).toBe(0);
    expect(first.output()).toContain('Stopped.');

    const second = runCli(env);
    try {
      await waitForOutput(second, 'Local stack ready');
      expect(second.output()).not.toContain('applied migration');
      const again = makeClient(stack().anonKey, url);
      const signIn = await again.auth.signInWithPassword({ email, password: TEST_PASSWORD });
      expect(signIn.error).toBeNull();
      const { data } = await again.from('workspaces').select('id, name');
      expect(data).toEqual([{ id: ws!.id, name: 'Survives restarts' }]);
    } finally {
      second.child.kill('SIGTERM');
      expect(await second.exited, second.output()).toBe(0);
    }
  }, 120_000);

  it('loses no acknowledged row when the whole stack is killed with SIGKILL mid-write', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mot-crash-'));
    const port = await freePort();
    const env = { LOCAL_STACK_DIR: dir, LOCAL_STACK_PORT: String(port) };
    const url = `http://127.0.0.1:${port}`;
    const email = uniqueEmail('crash');
    const crashing = runCli(env, true);
    try {
      await waitForOutput(crashing, 'Local stack ready');
      const client = makeClient(stack().anonKey, url);
      expect((await client.auth.signUp({ email, password: TEST_PASSWORD })).error).toBeNull();

      // Four writers insert until the stack dies under them; an insert that returned its row was acknowledged.
      const acknowledged: string[] = [];
      let attempts = 0;
      const writer = async () => {
        for (;;) {
          attempts++;
          const { data, error } = await client.from('workspaces').insert({ name: `crash ${attempts}` }).select('id').single();
          if (error || !data) return;
          acknowledged.push(data.id);
        }
      };
      const writers = Promise.all([writer(), writer(), writer(), writer()]);
      await vi.waitUntil(() => acknowledged.length >= 40, { timeout: 30_000, interval: 5 });
      process.kill(-crashing.child.pid!, 'SIGKILL');
      await writers;
      await crashing.exited;
      // The crash is over when every process of the group is gone: the CLI can be reaped before the postmaster's
      // last child lets go of PostgreSQL's port, and a restart in that window fails to bind it.
      await waitFor(() => !processGroupAlive(crashing.child.pid!), { what: "the crashed stack's processes to be gone", intervalMs: 20 });
      expect(acknowledged.length).toBeGreaterThanOrEqual(40);

      const restarted = runCli(env);
      try {
        await waitForOutput(restarted, 'Local stack ready');
        const again = makeClient(stack().anonKey, url);
        expect((await again.auth.signInWithPassword({ email, password: TEST_PASSWORD })).error).toBeNull();
        const { data, error } = await again.from('workspaces').select('id');
        expect(error).toBeNull();
        const present = new Set(data!.map((r) => r.id));
        expect(acknowledged.filter((id) => !present.has(id))).toEqual([]);
      } finally {
        restarted.child.kill('SIGTERM');
        expect(await restarted.exited, restarted.output()).toBe(0);
      }
    } finally {
      if (crashing.child.exitCode === null && crashing.child.signalCode === null) process.kill(-crashing.child.pid!, 'SIGKILL');
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);

  it('refuses to start on a port that is taken, with exit code 1 and a clear message', async () => {
    const taken = new URL(stack().url).port;
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mot-taken-'));
    const run = runCli({ LOCAL_STACK_DIR: dir, LOCAL_STACK_PORT: taken });
    const code = await run.exited;
    rmSync(dir, { recursive: true, force: true });
    expect(code, run.output()).toBe(1);
    expect(run.output()).toContain(`Port ${taken} is already in use`);
  }, 60_000);

  it('stops startup at a failing migration, naming the file, and releases the port', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'mot-badmig-'));
    const migrations = path.join(dir, 'migrations');
    mkdirSync(migrations);
    writeFileSync(path.join(migrations, '20260101000000_ok.sql'), 'create table public.fine (id uuid primary key);');
    writeFileSync(path.join(migrations, '20260101000100_broken.sql'), 'create table public.broken (id uuid primary key;');
    const port = await freePort();
    try {
      await expect(
        startLocalStack({ dataDir: path.join(dir, 'data'), port, migrationsDir: migrations, writeEnvFile: false, log: () => undefined }),
      ).rejects.toThrow(/Migration 20260101000100_broken\.sql failed: .*syntax error/);
      expect(await isPortFree(port)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
