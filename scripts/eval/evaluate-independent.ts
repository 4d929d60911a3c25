/**
 * Scores the engine on the independent campaigns through the CLI's offline path (`analyzeFile`, the same code as
 * `npm run analyze:correlations -- --input FILE --json`).
 *
 *   npx tsx scripts/eval/evaluate-independent.ts [--set tuning|held-out] [--seeds 1,2] [--write DIR] [--json]
 *
 * `--write DIR` also leaves `<seed>.input.json` and `<seed>.truth.json` there so the CLI itself can be run on them.
 * Tune on `--set tuning`; report `--set held-out` (the default).
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeFile } from '../analyze-correlations.ts';
import { HELD_OUT_SEEDS, type IndependentTruth, independentSuite, TUNING_SEEDS } from './independent-campaigns.ts';
import { formatIndependentScore, type IndependentScore, type ScoredAlert, scoreIndependent } from './score-independent.ts';

export interface IndependentRun {
  seeds: number[];
  score: IndependentScore;
  alerts: ScoredAlert[];
  truths: IndependentTruth[];
  /** Every finding with its confidence, alerted or not (for calibration). */
  findings: Array<{ campaign_id: string; action_id: string; metric: string; change_pct: number; confidence: number; raw: Record<string, unknown> }>;
  msPerCampaign: number;
}

/** Runs the engine on the given seeds' campaigns and scores the alerts. */
export async function runIndependent(seeds: readonly number[], options: { dir?: string; counts?: Parameters<typeof independentSuite>[1] } = {}): Promise<IndependentRun> {
  const dir = options.dir ?? (await mkdtemp(join(tmpdir(), 'independent-eval-')));
  await mkdir(dir, { recursive: true });
  const alerts: ScoredAlert[] = [];
  const truths: IndependentTruth[] = [];
  const findings: IndependentRun['findings'] = [];
  let ms = 0;
  for (const seed of seeds) {
    const suite = independentSuite(seed, options.counts);
    const input = join(dir, `${seed}.input.json`);
    await writeFile(input, JSON.stringify({ campaigns: suite.map((s) => s.campaign) }));
    await writeFile(join(dir, `${seed}.truth.json`), JSON.stringify(suite.map((s) => s.truth), null, 1));
    const started = performance.now();
    const result = await analyzeFile(input, { deepseek: null });
    ms += performance.now() - started;
    alerts.push(...result.alerts);
    truths.push(...suite.map((s) => s.truth));
    for (const a of result.analyses) {
      for (const f of a.findings) {
        findings.push({ campaign_id: f.campaign_id, action_id: f.action_id, metric: f.metric, change_pct: f.change_pct, confidence: f.confidence, raw: f as unknown as Record<string, unknown> });
      }
    }
  }
  return { seeds: [...seeds], score: scoreIndependent(alerts, truths), alerts, truths, findings, msPerCampaign: ms / Math.max(1, truths.length) };
}

export async function main(argv: readonly string[]): Promise<number> {
  let seeds: number[] = [...HELD_OUT_SEEDS];
  let label = 'held-out';
  let json = false;
  let dir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--set') {
      const set = argv[++i];
      if (set === 'tuning') seeds = [...TUNING_SEEDS];
      else if (set === 'held-out') seeds = [...HELD_OUT_SEEDS];
      else {
        console.error('--set must be tuning or held-out');
        return 2;
      }
      label = set;
    } else if (arg === '--seeds') {
      seeds = argv[++i].split(',').map(Number);
      label = `seeds ${seeds.join(',')}`;
      if (seeds.some((s) => !Number.isInteger(s))) {
        console.error('--seeds takes integers, comma-separated');
        return 2;
      }
    } else if (arg === '--write') dir = argv[++i];
    else if (arg === '--json') json = true;
    else {
      console.error(`unknown argument: ${arg}`);
      return 2;
    }
  }
  const run = await runIndependent(seeds, { dir });
  if (json) console.log(JSON.stringify({ label, seeds, score: run.score, ms_per_campaign: run.msPerCampaign }, null, 2));
  else console.log(`${formatIndependentScore(`${label} (seeds ${seeds.join(', ')})`, run.score)}\n  engine cost ${run.msPerCampaign.toFixed(1)} ms per campaign`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main(process.argv.slice(2)).then((code) => process.exit(code));
