/**
 * Meta back-fill: 20 campaigns × 90 days through the real path (the sync-meta edge function on a fresh local stack,
 * PostgREST, Postgres) against the local fake Graph API. Prints the wall time of the first sync (back-fill: one async
 * report run per campaign, polled every META_REPORT_POLL_MS, default here 250 ms; the fake completes a report after
 * two polls) and of the re-sync (last 3 days), with what each wrote. Measured, never asserted.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createClient } from '@supabase/supabase-js';
import WebSocket from 'ws';
import { freePort } from '../local-stack/functions-runner.ts';
import { startLocalStack } from '../local-stack/index.ts';
import type { FakeAccount } from '../../supabase/functions/_shared/sources/meta/sandbox/fixture.ts';
import { startFakeGraphServer } from '../../supabase/functions/_shared/sources/meta/sandbox/server.ts';

const CAMPAIGNS = 20;
const DAYS = 90;

async function main() {
  const graph = await startFakeGraphServer();
  process.env.META_GRAPH_URL = graph.url;
  process.env.META_REPORT_POLL_MS ??= '250';
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'mot-bench-meta-'));
  const stack = await startLocalStack({ dataDir, port: await freePort(), writeEnvFile: false, log: () => undefined });
  try {
    const db = createClient(stack.url, stack.serviceRoleKey, { auth: { persistSession: false }, realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket } });
    const { data: user } = await db.auth.admin.createUser({ email: `bench-${Date.now()}@example.com`, password: 'bench-password-1', email_confirm: true });
    const { data: ws } = await db.from('workspaces').insert({ name: 'Bench', created_by: user.user!.id }).select('id').single();
    const today = new Date().toISOString().slice(0, 10);
    const account: FakeAccount = {
      id: 'act_5550000001',
      name: 'Bench account',
      currency: 'USD',
      timezone_name: 'UTC',
      account_status: 1,
      tokens: ['EAAbench-token-0001'],
      campaigns: Array.from({ length: CAMPAIGNS }, (_, i) => ({
        id: String(120250000000000000 + i),
        name: `Bench campaign ${i + 1}`,
        adsets: [{ id: String(120250000000100000 + i), name: `Ad set ${i + 1}`, ads: [] }],
      })),
      generate: { seed: 3, until: today, days: DAYS + 10 },
      activities: [],
      scenario: { pageSize: 100 },
    };
    graph.addAccount(account);
    await db.rpc('save_meta_connection', {
      p_workspace_id: ws!.id, p_ad_account_id: account.id, p_kind: 'system_user_token', p_access_token: account.tokens[0],
      p_account_name: account.name, p_currency: 'USD', p_timezone_name: 'UTC', p_token_expires_at: null, p_connected_by: user.user!.id,
    });
    await db.from('campaigns').insert(account.campaigns.map((c) => ({ workspace_id: ws!.id, name: c.name, objective: 'sales', ads_account_id: account.id, meta_campaign_ids: [c.id] })));

    const sync = async () => {
      const t0 = performance.now();
      const res = await fetch(`${stack.url}/functions/v1/sync-meta`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${stack.serviceRoleKey}`, apikey: stack.serviceRoleKey, 'Content-Type': 'application/json' },
        body: JSON.stringify({ workspace_id: ws!.id, trigger: 'cli' }),
      });
      const body = (await res.json()) as { runs: Record<string, number | string>[] };
      return { ms: performance.now() - t0, run: body.runs[0] };
    };
    const first = await sync();
    const second = await sync();
    const { count } = await db.from('performance_snapshots').select('id', { count: 'exact', head: true }).eq('workspace_id', ws!.id);
    const line = (label: string, r: { ms: number; run: Record<string, number | string> }) =>
      `${label}: ${(r.ms / 1000).toFixed(1)} s — ${r.run.status}, ${r.run.requests} Graph requests, ${r.run.async_reports} async reports, ` +
      `${r.run.rows_fetched} rows, ${r.run.snapshots_written} written, ${r.run.snapshots_unchanged} unchanged, analysis for ${(r.run.analysed_campaign_ids as unknown as string[])?.length ?? 0} campaigns`;
    console.log(`Meta back-fill, ${CAMPAIGNS} campaigns × ${DAYS} days, report polling every ${process.env.META_REPORT_POLL_MS} ms`);
    console.log(line('first sync (back-fill)', first));
    console.log(line('re-sync (last 3 days)', second));
    console.log(`snapshots stored: ${count}`);
  } finally {
    await stack.stop();
    await graph.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
