/**
 * Issue 11, item 8: a PostgREST that dies (OOM killer, crash, stray kill -9) is started again by the stack, and
 * /health tells the truth meanwhile (503 naming `rest`) instead of answering ok while REST is gone for good.
 * A stack of its own, so killing its PostgREST cannot disturb other test files.
 */
import { readdirSync, readFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/local-stack/functions-runner.ts';
import { startLocalStack, type LocalStack } from '../../scripts/local-stack/index.ts';
import { waitFor } from '../support/wait-for.ts';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mot-supervise-'));
let local: LocalStack;

beforeAll(async () => {
  local = await startLocalStack({ dataDir, port: await freePort(), writeEnvFile: false, log: () => undefined });
}, 120_000);

afterAll(async () => {
  await local?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

/** The pid of the PostgREST process serving `port`, found as an operator would: by its environment in /proc. */
function postgrestPid(port: string): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() !== 'postgrest') continue;
      const env = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      if (env.includes(`PGRST_SERVER_PORT=${port}`)) return Number(entry);
    } catch {
      // the process ended while being read
    }
  }
  return null;
}

async function health(): Promise<{ status: number; body: { ok: boolean; down?: string[] } }> {
  const res = await fetch(`${local.url}/health`);
  return { status: res.status, body: (await res.json()) as { ok: boolean; down?: string[] } };
}

async function restStatus(): Promise<number> {
  const res = await fetch(`${local.url}/rest/v1/workspaces?select=id&limit=1`, { headers: { apikey: local.anonKey } });
  await res.arrayBuffer();
  return res.status;
}

describe('PostgREST supervision', () => {
  it('restarts a killed PostgREST while /health reports rest as down, without restarting the stack', async () => {
    expect(await health()).toMatchObject({ status: 200, body: { ok: true } });
    expect(await restStatus()).toBe(200);
    const port = new URL(local.postgrestUrl).port;
    const pid = postgrestPid(port);
    expect(pid).not.toBeNull();

    process.kill(pid!, 'SIGKILL');
    const down = await waitFor(async () => {
      const h = await health();
      return h.status === 503 ? h : null;
    }, { what: '/health to report the dead PostgREST', timeoutMs: 10_000 });
    expect(down.body).toMatchObject({ ok: false, down: ['rest'] });

    await waitFor(async () => (await health()).status === 200, { what: '/health ok again', timeoutMs: 30_000 });
    expect(await restStatus()).toBe(200);
    const newPid = postgrestPid(port);
    expect(newPid).not.toBeNull();
    expect(newPid).not.toBe(pid);
  }, 60_000);
});
