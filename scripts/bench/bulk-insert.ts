/**
 * Issue 11, item 9: does one tenant's bulk insert stall everyone else? One user of workspace A reads a page of its
 * campaigns over and over; meanwhile a user of workspace B sends bulk inserts back to back: first the largest body
 * the gateway accepts (just under MAX_REST_BODY_BYTES), then the 9 MB body the issue found (now refused with 413).
 * Prints A's read latency alone and during each. Run: `npx tsx scripts/bench/bulk-insert.ts`. Not asserted anywhere.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from '@supabase/supabase-js';
import { ONE_ADDRESS_MANY_CLIENTS } from '../local-stack/auth/settings.ts';
import { freePort } from '../local-stack/functions-runner.ts';
import { MAX_REST_BODY_BYTES } from '../local-stack/http-utils.ts';
import { startLocalStack } from '../local-stack/index.ts';
import { summarize } from './stats.ts';

const DURATION_MS = Number(process.env.BENCH_BULK_MS) || 10_000;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mot-bench-bulk-'));
const stack = await startLocalStack({ dataDir, port: await freePort(), writeEnvFile: false, auth: ONE_ADDRESS_MANY_CLIENTS, log: () => undefined });

async function member(label: string) {
  const client = createClient(stack.url, stack.anonKey, { auth: { persistSession: false, autoRefreshToken: false } });
  const { data, error } = await client.auth.signUp({ email: `bench-bulk-${label}-${Date.now()}@example.com`, password: 'correct-horse-42' });
  if (error || !data.session) throw new Error(`sign-up failed: ${error?.message}`);
  const ws = await client.from('workspaces').insert({ name: `Bench ${label}` }).select().single();
  if (ws.error) throw new Error(ws.error.message);
  return { client, token: data.session.access_token, workspaceId: ws.data.id as string };
}

/** A JSON array of draft campaigns whose encoding is close to `bytes`. */
function bulkBody(workspaceId: string, bytes: number): string {
  const row = (i: number) => ({ workspace_id: workspaceId, name: `Bulk campaign ${i} ${'x'.repeat(110)}`, objective: 'sales' });
  const per = JSON.stringify(row(999_999)).length + 1;
  return JSON.stringify(Array.from({ length: Math.floor(bytes / per) - 1 }, (_, i) => row(i)));
}

async function readerSamples(reader: Awaited<ReturnType<typeof member>>, until: () => boolean): Promise<number[]> {
  const samples: number[] = [];
  while (!until()) {
    const t0 = performance.now();
    const { error } = await reader.client.from('campaigns').select('id,name,status').eq('workspace_id', reader.workspaceId).limit(50);
    if (error) throw new Error(`reader failed: ${error.message}`);
    samples.push(performance.now() - t0);
  }
  return samples;
}

async function during(label: string, reader: Awaited<ReturnType<typeof member>>, writer: Awaited<ReturnType<typeof member>>, body: string) {
  let done = false;
  const statuses = new Map<number, number>();
  const writes: number[] = [];
  const writing = (async () => {
    const end = Date.now() + DURATION_MS;
    while (Date.now() < end) {
      const t0 = performance.now();
      const res = await fetch(`${stack.url}/rest/v1/campaigns`, {
        method: 'POST',
        headers: { apikey: stack.anonKey, Authorization: `Bearer ${writer.token}`, 'Content-Type': 'application/json', Prefer: 'return=minimal' },
        body,
      });
      await res.arrayBuffer();
      writes.push(performance.now() - t0);
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
    }
    done = true;
  })();
  const samples = await readerSamples(reader, () => done);
  await writing;
  const r = summarize(samples);
  const w = summarize(writes);
  console.log(
    `${label.padEnd(44)} reader p50 ${r.median.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms (n=${r.n}); ` +
      `writer ${w.n} requests, p50 ${w.median.toFixed(0)} ms, statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
  );
}

try {
  const reader = await member('reader');
  const writer = await member('writer');
  await reader.client.from('campaigns').insert(Array.from({ length: 50 }, (_, i) => ({ workspace_id: reader.workspaceId, name: `Reader ${i}`, objective: 'sales' as const })));
  const alone = Date.now() + Math.min(DURATION_MS, 5000);
  const base = summarize(await readerSamples(reader, () => Date.now() > alone));
  console.log(`${'reader alone'.padEnd(44)} reader p50 ${base.median.toFixed(1)} ms, p95 ${base.p95.toFixed(1)} ms (n=${base.n})`);
  const largest = bulkBody(writer.workspaceId, MAX_REST_BODY_BYTES - 4096);
  await during(`during ${(largest.length / 1e6).toFixed(1)} MB inserts (accepted)`, reader, writer, largest);
  const nineMb = bulkBody(writer.workspaceId, 9_000_000);
  await during(`during ${(nineMb.length / 1e6).toFixed(1)} MB inserts (over the limit)`, reader, writer, nineMb);
} finally {
  await stack.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
