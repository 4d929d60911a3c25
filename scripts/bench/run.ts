/**
 * `npm run bench`: one command, one table. Starts the local stack as `npm run stack` does (a fresh data directory,
 * then restarts on it), measures each row of issue 12's table through supabase-js next to a baseline measured in
 * the same run, the correlation engine at 100 / 1,000 / 10,000 campaigns, the production bundle for /board, Chromium's
 * time to an interactive board of 1,000 cards, and the stack's peak memory; writes bench/results.json.
 * No test asserts any of these numbers. BENCH_SKIP=analysis,browser leaves rows out.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../local-stack/functions-runner.ts';
import { REPO_ROOT } from '../local-stack/index.ts';
import { makeKeys } from '../local-stack/keys.ts';
import { arrange, BENCH_PASSWORD, boardLoad, cardMove, concurrentClients, ingestThroughput, realtimeDelivery, type Row } from './api-rows.ts';
import { boardInitialJs, buildApp, timeToInteractiveBoard } from './frontend.ts';
import { startStackProcess, watchPeakMemory } from './stack-process.ts';
import { summarize } from './stats.ts';

const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
const work = mkdtempSync(path.join(os.tmpdir(), 'mot-bench-'));
const rows: Row[] = [];
const log = (m: string) => console.error(`[bench] ${m}`);

function analysisRow(count: number): Row {
  // A process of its own, so heap and JIT state of the other rows stay out of it.
  const out = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'analysis.ts'), String(count)], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (out.status !== 0) throw new Error(`analysis ${count}: ${out.stderr}`);
  const r = JSON.parse(out.stdout.trim().split('\n').at(-1)!) as { totalMs: number; perCampaignMs: number };
  const limit = count === 1000 ? 2000 : (2000 * count) / 1000;
  return {
    what: `analysis, ${count.toLocaleString('en')} campaigns × 90 days × 20 actions`,
    summary: null,
    value: { amount: r.totalMs, unit: `ms (${r.perCampaignMs.toFixed(2)} ms/campaign)` },
    baseline: null,
    baselineLabel: '—',
    target: count === 1000 ? '≤ 2 s, linear' : 'linear (≤ 2 ms/campaign)',
    met: r.totalMs <= limit,
  };
}

try {
  const port = await freePort();
  const keys = await makeKeys();
  const url = `http://127.0.0.1:${port}`;
  const dist = path.join(work, 'dist');

  if (!skip.has('browser')) {
    log('building the app (vite build)…');
    await buildApp(dist, { url, anonKey: keys.anonKey });
    const js = boardInitialJs(dist);
    rows.push({
      what: 'initial JS for /board (gzip)',
      summary: null,
      value: { amount: js.gzipBytes / 1024, unit: `KB (${js.files.length} files, ${(js.rawBytes / 1024).toFixed(0)} KB raw)` },
      baseline: null,
      baselineLabel: '—',
      target: '≤ 200 KB',
      met: js.gzipBytes / 1024 <= 200,
    });
  }

  log('starting the stack on a fresh data directory, then restarting it three times…');
  const dataDir = path.join(work, 'stack');
  const fresh = await startStackProcess(dataDir, port);
  await fresh.stop();
  const warm: number[] = [];
  let stack = fresh;
  for (let i = 0; i < 3; i++) {
    stack = await startStackProcess(dataDir, port);
    warm.push(stack.healthyMs);
    if (i < 2) await stack.stop();
  }
  rows.push({ what: '`npm run stack` to healthy, fresh data dir', summary: summarize([fresh.healthyMs]), baseline: null, baselineLabel: '—', target: '≤ 1.5 s', met: fresh.healthyMs <= 1500 });
  rows.push({ what: '`npm run stack` to healthy, existing data', summary: summarize(warm), baseline: null, baselineLabel: '—', target: '≤ 1.5 s', met: summarize(warm).p95 <= 1500 });

  const memory = watchPeakMemory(stack.child.pid!);
  try {
    log('arranging 1,000 cards…');
    const world = await arrange(stack);
    log('board load, card move…');
    rows.push(await boardLoad(world));
    rows.push(await cardMove(world));
    log('realtime at 20 inserts/s for 10 s…');
    rows.push(await realtimeDelivery(world, stack));
    log('ingest…');
    rows.push(await ingestThroughput(world, stack, 50, 4, 25, true));
    rows.push(await ingestThroughput(world, stack, 1000, 4, 5, false));
    log('50 concurrent clients for 10 s…');
    rows.push(await concurrentClients(world, stack, 10));
    const peak = memory.stop();
    rows.push({ what: 'stack peak memory under load (PSS, all processes)', summary: null, value: { amount: peak, unit: 'MB' }, baseline: null, baselineLabel: '—', target: 'reported', met: null });

    if (!skip.has('browser')) {
      log('Chromium: time to an interactive board of 1,000 cards…');
      const { count } = await world.service.from('marketer_actions').select('id', { count: 'exact', head: true }).eq('workspace_id', world.workspaceId);
      const interactive = await timeToInteractiveBoard({ outDir: dist, port: await freePort(), email: world.ownerEmail, password: BENCH_PASSWORD, cards: count ?? 0, runs: 5 }).catch(
        (error: Error) => (log(`browser row failed: ${error.message}`), [] as number[]),
      );
      const s = summarize(interactive);
      rows.push({ what: `Chromium: interactive board, ${count} cards (prod build)`, summary: s, baseline: null, baselineLabel: '—', target: '≤ 1 s', met: s.n > 0 && s.p95 <= 1000 });
    }
    await world.sql.end();
  } finally {
    memory.stop();
    await stack.stop();
  }

  if (!skip.has('analysis')) {
    for (const count of [100, 1000, 10_000]) {
      log(`analysis of ${count} campaigns…`);
      rows.push(analysisRow(count));
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

/**
 * What bounds each row when it misses its target, from profiles of this code (2 shared cores), and what hosted
 * Supabase would change. Printed under the table for the rows that miss.
 */
const BOUNDS: [prefix: string, why: string][] = [
  ['initial JS', 'Libraries, not product code (gzip, each alone): react-dom ~62 KB, react-router ~30 KB, zod classic ~26 KB, supabase auth-js ~22 KB, dnd-kit ~15 KB, the Radix popper stack behind the filter selects, menus and tooltips ~25 KB, TanStack Query ~9 KB, tailwind-merge ~8 KB; product code ~45 KB. Realtime, storage, sonner, date-fns format and closed dialogs are already out of the first load (docs/architecture.md §2). Hosted Supabase changes nothing; under 200 KB needs zod/mini for the schemas the board reads and Radix popups mounted on first open.'],
  ['`npm run stack`', 'CPU: tsx transpiles the stack at start, initdb (fresh only, ~0.6 s on a quiet machine), PostgREST loads its schema cache. On a quiet machine the stack prints "started in ~760 ms (PostgreSQL start ~500 ms incl. initdb, migrations ~65 ms, PostgREST ~120 ms)". Hosted: nothing to start.'],
  ['board load', 'PostgREST serialises ~1,000 `select *` rows to JSON, the gateway proxies them and supabase-js parses them: three JSON passes over the same rows in three processes; the SQL itself is the baseline. Hosted adds the network round trip; selecting only the columns the card shows would cut the bytes.'],
  ['card move', 'A move now writes one row (test: one audit entry, one realtime change per move). What remains: PostgREST switching role and claims, has_workspace_role, the column lock, and the row triggers (audit, and the local-only capture trigger, which reads the catalog for each row). The tail is CPU contention: other helpers\' test runs share the 2 cores.'],
  ['realtime', 'Changes are pushed at commit (NOTIFY → the feed takes that transaction\'s rows → one RLS query per table per batch → send); the protocol tests measure 14 ms median insert→callback on a quieter fixture. Here the figure includes the REST insert through the gateway and PostgREST under load. Hosted Realtime reads the WAL (no capture trigger) but adds network latency.'],
  ['ingest', 'One database statement per batch (the baseline column is that statement alone); the rest is JSON: gateway → Deno function (zod validates every event, SHA-256 of the key) → supabase-js → gateway → PostgREST, each parsing and re-encoding the batch on 2 shared cores. Hosted runs the function at the edge and Postgres on its own machine, so the two halves stop competing for CPU.'],
  ['50 concurrent', '50 clients, the gateway, PostgREST (pool 10), 10 Postgres backends and Deno on 2 cores shared with other work: the p95 is queueing for CPU. Hosted gives Postgres and PostgREST their own cores.'],
  ['Chromium', 'Sign-in restore, two board pages (PostgREST max-rows 1,000) and rendering on the same 2 cores as the stack; the board renders 12 cards a column, so the render is not the bound. Hosted changes only the network part.'],
  ['analysis', 'The correlation engine after its incremental step search (19× less CPU than the issue-10 engine, output byte-identical): what remains is spread out — baselines re-estimated ~150 times per campaign in detection and ~160 in the before/after comparison (~23 %), GC (~15 %), step models in the cause review (~20 %), zod input validation (~3 %). Cost per campaign is flat from 100 to 10,000 campaigns (linear); the constant is still several times the 2 ms target. Next: sliding baselines, models shared across shifts, worker threads. Hosted changes nothing (it runs in the function).'],
];

const f = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '—' : n >= 100 ? n.toFixed(0) : n.toFixed(1));
const table = [
  ['what', 'median ms', 'p95 ms', 'value', 'baseline (median ms)', 'ratio', 'target', 'met'],
  ...rows.map((r) => [
    r.what,
    f(r.summary?.median),
    f(r.summary?.p95),
    r.value ? `${f(r.value.amount)} ${r.value.unit}` : '—',
    r.baseline ? `${r.baselineLabel} ${f(r.baseline.median)}` : r.baselineLabel,
    r.baseline && r.summary ? `${(r.summary.median / r.baseline.median).toFixed(1)}×` : '—',
    r.target,
    (r.met === null ? '—' : r.met ? 'yes' : 'NO') + (r.note ? ` (${r.note})` : ''),
  ]),
];
const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
for (const [i, row] of table.entries()) {
  console.log(`| ${row.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`);
  if (i === 0) console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
}
const missed = rows.filter((r) => r.met === false);
for (const [prefix, why] of BOUNDS) {
  if (missed.some((r) => r.what.startsWith(prefix))) console.log(`\n${prefix}: ${why}`);
}
const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
console.log(`\nNode ${process.version}, ${os.cpus().length} cores, load average ${load} at the end of the run.`);
mkdirSync(path.join(REPO_ROOT, 'bench'), { recursive: true });
writeFileSync(
  path.join(REPO_ROOT, 'bench', 'results.json'),
  `${JSON.stringify({ measuredAt: new Date().toISOString(), node: process.version, cpus: os.cpus().length, loadAverage: os.loadavg(), rows, bounds: Object.fromEntries(BOUNDS) }, null, 2)}\n`,
);
console.log('\nwrote bench/results.json');
