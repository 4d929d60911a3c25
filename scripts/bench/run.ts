/**
 * `npm run bench`: one command, one table. Starts the local stack as `npm run stack` does (a fresh data directory,
 * then restarts on it), measures each row of issue 12's table through supabase-js next to a baseline measured in
 * the same run, the correlation engine at 100 / 1,000 / 10,000 campaigns, the production bundle for /board, Chromium's
 * time to an interactive board of 1,000 cards, and the stack's peak memory; writes bench/results.json.
 * No test asserts any of these numbers. BENCH_SKIP leaves rows out: analysis, browser, and for one stack row in
 * isolation also restarts (start the stack once), board, move, realtime, ingest, clients — e.g.
 * BENCH_SKIP=analysis,browser,restarts,board,move,realtime,clients measures ingest alone.
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

/** Issue 11: "under 50 concurrent clients … for 30 s". */
const CONCURRENT_SECONDS = 30;
const skip = new Set((process.env.BENCH_SKIP ?? '').split(',').filter(Boolean));
const work = mkdtempSync(path.join(os.tmpdir(), 'mot-bench-'));
const rows: Row[] = [];
const log = (m: string) => console.error(`[bench] ${m}`);

interface AnalysisRun {
  count: number;
  totalMs: number;
  perCampaignMs: number;
  coldMs: number;
}

function runAnalysis(count: number): AnalysisRun {
  // A process of its own, so heap and JIT state of the other rows stay out of it.
  const out = spawnSync(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'analysis.ts'), String(count)], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 1 << 20 });
  if (out.status !== 0) throw new Error(`analysis ${count}: ${out.stderr}`);
  return { count, ...(JSON.parse(out.stdout.trim().split('\n').at(-1)!) as Omit<AnalysisRun, 'count'>) };
}

/**
 * The targets: 1,000 campaigns in ≤ 2 s, and cost growing linearly — so 100 and 10,000 campaigns are held
 * to the 1,000 run's cost per campaign (within 25 %), each after the same JIT warm-up (scripts/bench/analysis.ts).
 */
function analysisRow(run: AnalysisRun, reference: AnalysisRun): Row {
  const isReference = run.count === reference.count;
  const met = isReference ? run.totalMs <= 2000 : run.perCampaignMs <= reference.perCampaignMs * 1.25;
  const cold = `warm-up: first 100 campaigns of the process ${run.coldMs.toFixed(0)} ms`;
  return {
    what: `analysis, ${run.count.toLocaleString('en')} campaigns × 90 days × 20 actions`,
    summary: null,
    value: { amount: run.totalMs, unit: `ms (${run.perCampaignMs.toFixed(2)} ms/campaign)` },
    baseline: null,
    baselineLabel: '—',
    target: isReference ? '≤ 2 s' : `linear: ≤ 1.25 × the 1,000 run's ms/campaign`,
    met,
    // What a profile of the engine shows bounding it when the row misses (the full explanation prints under the table).
    note: met ? cold : `${cold}; bound: ~175 robust baselines a campaign ≈ 30 %, GC ≈ 12 %, step models ≈ 15 %`,
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

  const dataDir = path.join(work, 'stack');
  let stack;
  if (skip.has('restarts')) {
    log('starting the stack on a fresh data directory…');
    stack = await startStackProcess(dataDir, port);
  } else {
    log('starting the stack on a fresh data directory, then restarting it three times…');
    const fresh = await startStackProcess(dataDir, port);
    await fresh.stop();
    const warm: number[] = [];
    stack = fresh;
    for (let i = 0; i < 3; i++) {
      stack = await startStackProcess(dataDir, port);
      warm.push(stack.healthyMs);
      if (i < 2) await stack.stop();
    }
    rows.push({ what: '`npm run stack` to healthy, fresh data dir', summary: summarize([fresh.healthyMs]), baseline: null, baselineLabel: '—', target: '≤ 1.5 s', met: fresh.healthyMs <= 1500 });
    rows.push({ what: '`npm run stack` to healthy, existing data', summary: summarize(warm), baseline: null, baselineLabel: '—', target: '≤ 1.5 s', met: summarize(warm).p95 <= 1500 });
  }

  const memory = watchPeakMemory(stack.child.pid!);
  try {
    log('arranging 1,000 cards…');
    const world = await arrange(stack);
    if (!skip.has('board')) {
      log('board load…');
      rows.push(await boardLoad(world));
    }
    if (!skip.has('move')) {
      log('card move…');
      rows.push(await cardMove(world));
    }
    if (!skip.has('realtime')) {
      log('realtime at 20 inserts/s for 10 s…');
      rows.push(await realtimeDelivery(world, stack));
    }
    if (!skip.has('ingest')) {
      log('ingest…');
      const measured = { url: stack.url, pid: stack.child.pid };
      // 20,000 events each: long enough (seconds, not a fraction of one) to include the background roll-ups.
      rows.push(await ingestThroughput(world, measured, 50, 4, 100, true));
      rows.push(await ingestThroughput(world, measured, 1000, 4, 5, false));
    }
    if (!skip.has('clients')) {
      log(`50 concurrent clients for ${CONCURRENT_SECONDS} s…`);
      rows.push(await concurrentClients(world, stack, CONCURRENT_SECONDS));
    }
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
    const runs = [100, 1000, 10_000].map((count) => (log(`analysis of ${count} campaigns…`), runAnalysis(count)));
    const reference = runs.find((r) => r.count === 1000)!;
    for (const run of runs) rows.push(analysisRow(run, reference));
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

/**
 * What bounds each row when it misses its target, from profiles of this code (2 shared cores), and what hosted
 * Supabase would change. Printed under the table for the rows that miss.
 */
const BOUNDS: [prefix: string, why: string][] = [
  ['initial JS', 'Libraries, not product code (gzip, each alone): react-dom ~62 KB, react-router ~30 KB, zod classic ~26 KB, supabase auth-js ~22 KB, dnd-kit ~16 KB, TanStack Query ~9 KB, tailwind-merge ~8 KB, supabase-js/postgrest/functions ~11 KB, lucide ~4 KB; product code ~27 KB. Realtime, storage, sonner, date-fns format, closed dialogs and, since issue 12, the Radix popper stack of the filter selects, menus and tooltips (stand-in triggers until idle or first use) are out of the first load (docs/architecture.md §2). zod stays because the board renders through it: the card reads its metadata with the domain\'s parseActionMetadata, the card signals with the domain\'s effect schemas, and main.tsx validates the environment first. Hosted Supabase changes nothing; under 200 KB needs the domain\'s read schemas in zod/mini (shared with the edge functions) or dnd-kit mounted after the first paint.'],
  ['`npm run stack`', 'CPU: node and tsx compiling the stack (~0.3 s before any of its code runs), initdb (fresh only, ~0.35–0.6 s; now overlapped with importing auth, functions and realtime, and without its closing fsync), the migrations (~0.2 s of DDL, spread over 25 files; one transaction or fewer round trips would not change it), PostgREST loading its schema cache (~0.1 s). The stack prints each phase ("started in … ms (PostgreSQL start …, migrations …, PostgREST ready …)"). On a quiet machine this is ~1.1–1.3 s; with other work on the 2 cores every phase stretches. Hosted: nothing to start.'],
  ['board load', 'The read policy no longer calls is_workspace_member per card (was ~10 of ~11 ms in EXPLAIN ANALYZE). What remains: PostgREST building ~700 KB of JSON in Postgres (json_agg, ~4 ms), the gateway piping it (~1–2 ms) and supabase-js parsing it (~1 ms); the card and its dialogs use nearly every column, so a narrower select would save under 10 %. A miss here is CPU contention on the 2 shared cores. Hosted adds the network round trip.'],
  ['card move', 'A move now writes one row (test: one audit entry, one realtime change per move). What remains: PostgREST switching role and claims, has_workspace_role, the column lock, and the row triggers (audit, and the local-only capture trigger, which reads the catalog for each row). The tail is CPU contention: other helpers\' test runs share the 2 cores.'],
  ['realtime', 'Changes are pushed at commit (NOTIFY → the feed takes that transaction\'s rows → one RLS query per table per batch → send); the protocol tests measure 14 ms median insert→callback on a quieter fixture. Here the figure includes the REST insert through the gateway and PostgREST under load. Hosted Realtime reads the WAL (no capture trigger) but adds network latency.'],
  ['ingest', "The answer no longer waits for the website roll-up (it was ~54 of ~65 ms inside the function for a 50-event batch and grew with the day's events; it now runs in the background, coalesced per workspace, at most one a second and about a fifth of the time). Per 50-event request what remains is ~5.5 ms of CPU over five processes (profile at load ~5 on 2 cores): Postgres 1.5 (PostgREST's transaction, 50 rows into 3 indexes, an fsync'd commit), gateway 1.4 (two hops: the call in, the function's RPC out), bench client 1.0, Deno 0.9 (zod ~0.2, body and SHA-256 < 0.1, supabase-js), PostgREST 0.7 — at most ~18,000 events/s if both cores did nothing else; the row's note gives this run's figures. Four senders of 50 are latency-bound (~9 ms a request, the RPC ~5 of it; 8 senders reached ~11–12,000 events/s where 4 reached ~9,500–10,900 in the same conditions), so on shared cores the rate follows the neighbours' load. The background roll-up reads the window's events by keyset on a (workspace_id, event_time, id) index, so its cost grows linearly with the window's events, and the queue bounds how often it runs. The key lookup is inside the one statement (0.1 ms), so caching it would save no round trip. Hosted: Kong, the function and Postgres run on separate machines, so the ~4 ms of CPU outside Postgres stops competing with it."],
  ['50 concurrent', "The row is an observer's read (a 51st client, another member) while 50 closed-loop clients read, write, move, and sign in every 25 s; the note gives their own p95 and the sign-ins'. CPU per 10 s of this load (~270 req/s, measured per process): gateway 3.2 s (1.2 s of it bcrypt for 20 sign-ins), PostgREST 3.4 s, Postgres 2.6 s, the bench's clients 1.9 s, i.e. ~4 ms of CPU per request on 2 cores, so the 50 keep both cores busy and the observer's p95 is queueing for CPU behind them (worse with other work on the machine). Hosted gives Postgres, PostgREST and GoTrue their own cores, and the clients run elsewhere."],
  ['Chromium', 'Sign-in restore, two board pages (PostgREST max-rows 1,000) and rendering on the same 2 cores as the stack; the board renders 12 cards a column, so the render is not the bound. Hosted changes only the network part.'],
  ['analysis', 'The correlation engine after issue 12\'s speed work (output byte-identical, scripts/eval/golden): one baseline cache per campaign shared by detection and the before/after comparison (326 estimates a campaign → ~175), deviations computed when read, numeric memo keys, step models without per-model closures. On 2 shared cores at load ≈ 10 the same process measures ~0.37× the CPU of the engine before (2.7 vs 7.4 ms a campaign, min of 8 rounds). What remains (profile of 1,000 campaigns): detection ≈ 55 % of the engine, of it the ~175 robust baselines ≈ 30 % (28 logs and five small sorts each, every window distinct, so nothing left to share), GC ≈ 12 % (zod\'s parsed copy, the output objects), step models in the cause review and effects ≈ 15 %, zod ≈ 3.5 %; under tsx every named closure costs a defineProperty (keepNames), which Deno does not pay. Linear from 100 to 10,000 campaigns. Next, if needed: worker threads for the batch path. Hosted changes nothing (it runs in the function).'],
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
