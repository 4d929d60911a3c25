/**
 * Correlation analysis CLI.
 *
 *   npx tsx scripts/analyze-correlations.ts --input FILE --json [--now ISO]
 *     Offline: reads {"campaigns":[{id,name,objective,actions:[…],snapshots:[…]}]} and prints
 *     {"alerts":[{campaign_id,trigger_action_id,metric,change_pct,confidence,severity,title,description,suggested_action}]}.
 *     Touches no database. With DEEPSEEK_API_KEY set, findings are explained by DeepSeek (validated); without it,
 *     rules only. This output contract is stable: evaluation tooling depends on it.
 *
 *   npx tsx scripts/analyze-correlations.ts [--now ISO] [--json]      (npm run analyze:correlations)
 *     Database mode: campaigns with actions in the last 48 h, last 7 days of data, written to correlations, ai_alerts
 *     and analysis_runs by `runAnalysis` (supabase/functions/_shared/analysis); see `mainDatabase`.
 *
 * Offline mode goes through `analyzeCampaign(input, options)` (supabase/functions/_shared/analysis/analyze-campaign.ts);
 * database mode through `runAnalysis`, which runs the same `analyzeCampaign` on database rows.
 */
import { readFile } from 'node:fs/promises';
import { pathToFileURL } from 'node:url';
import { z } from 'zod';
import { type DeepSeekOptions, deepSeekOptionsFromEnv } from '../supabase/functions/_shared/ai/deepseek.ts';
import { analyzeCampaign, type CampaignAnalysis } from '../supabase/functions/_shared/analysis/analyze-campaign.ts';
import { type CampaignInputRaw, campaignInputSchema, type CorrelationAlert } from '../supabase/functions/_shared/domain/correlation/index.ts';

export { analyzeCampaign, type AnalyzeOptions, type CampaignAnalysis } from '../supabase/functions/_shared/analysis/analyze-campaign.ts';

/** The stable CLI alert shape. */
export interface CliAlert {
  campaign_id: string;
  trigger_action_id: string;
  metric: string;
  change_pct: number;
  confidence: number;
  severity: string;
  title: string;
  description: string;
  suggested_action: CorrelationAlert['suggested_action'];
}

export function toCliAlert(alert: CorrelationAlert): CliAlert {
  return {
    campaign_id: alert.campaign_id,
    trigger_action_id: alert.trigger_action_id,
    metric: alert.metric,
    change_pct: alert.change_pct,
    confidence: alert.confidence,
    severity: alert.severity,
    title: alert.title,
    description: alert.description,
    suggested_action: alert.suggested_action,
  };
}

const fileSchema = z.object({ campaigns: z.array(z.unknown()) });

/** Deterministic default for `now`: midnight after the latest snapshot across the file. */
export function defaultNow(campaigns: readonly CampaignInputRaw[]): string {
  const dates = campaigns.flatMap((c) => (c.snapshots ?? []).map((s) => s.date)).sort();
  if (dates.length === 0) return '1970-01-01T00:00:00.000Z';
  const last = Date.parse(`${dates[dates.length - 1]}T00:00:00Z`);
  return new Date(last + 86_400_000).toISOString();
}

/** Offline mode: analyse every campaign in a JSON file. */
export async function analyzeFile(
  path: string,
  options: { now?: string; deepseek?: DeepSeekOptions | null },
): Promise<{ alerts: CliAlert[]; analyses: CampaignAnalysis[] }> {
  const parsed = fileSchema.parse(JSON.parse(await readFile(path, 'utf8')));
  const campaigns = parsed.campaigns.map((c) => campaignInputSchema.parse(c));
  const now = options.now ?? defaultNow(campaigns);
  const analyses: CampaignAnalysis[] = [];
  for (const campaign of campaigns) analyses.push(await analyzeCampaign(campaign, { now, deepseek: options.deepseek }));
  return { alerts: analyses.flatMap((a) => a.alerts.map(toCliAlert)), analyses };
}

interface CliArgs {
  input?: string;
  json: boolean;
  now?: string;
}

export function parseArgs(argv: readonly string[]): CliArgs {
  const args: CliArgs = { json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--json') args.json = true;
    else if (arg === '--input') args.input = argv[++i];
    else if (arg.startsWith('--input=')) args.input = arg.slice('--input='.length);
    else if (arg === '--now') args.now = argv[++i];
    else if (arg.startsWith('--now=')) args.now = arg.slice('--now='.length);
    else throw new Error(`unknown argument: ${arg}`);
  }
  return args;
}

// ───────────────────────── database mode (analysis helper) ─────────────────────────
/**
 * Database mode: analyse campaigns with recent actions and write correlations, ai_alerts and analysis_runs through
 * `runAnalysis` (supabase/functions/_shared/analysis), the same code the edge function runs. Reads SUPABASE_URL and
 * SUPABASE_SERVICE_ROLE_KEY (default: the local stack at http://127.0.0.1:54321 and its demo service key); optional
 * ANALYZE_WORKSPACE_ID, ANALYZE_CAMPAIGN_IDS (comma-separated), ANALYZE_ACTIONS_WINDOW_HOURS (48), ANALYZE_DATA_WINDOW_DAYS (7).
 */
export async function mainDatabase(args: CliArgs): Promise<number> {
  const [{ createClient }, { runAnalysis }, { makeKeys }] = await Promise.all([
    import('@supabase/supabase-js'),
    import('../supabase/functions/_shared/analysis/index.ts'),
    import('./local-stack/keys.ts'),
  ]);
  const url = process.env.SUPABASE_URL || `http://127.0.0.1:${process.env.LOCAL_STACK_PORT || 54321}`;
  const key = process.env.SUPABASE_SERVICE_ROLE_KEY || (await makeKeys()).serviceRoleKey;
  const db = createClient(url, key, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  });
  const positive = (v: string | undefined) => (v && Number(v) > 0 ? Number(v) : undefined);
  try {
    const result = await runAnalysis(db, {
      trigger: 'cli',
      now: args.now ? new Date(args.now).toISOString() : undefined,
      workspaceId: process.env.ANALYZE_WORKSPACE_ID || null,
      campaignIds: process.env.ANALYZE_CAMPAIGN_IDS?.split(',').map((s) => s.trim()).filter(Boolean) ?? null,
      actionsWindowHours: positive(process.env.ANALYZE_ACTIONS_WINDOW_HOURS),
      dataWindowDays: positive(process.env.ANALYZE_DATA_WINDOW_DAYS),
      deepseek: deepSeekOptionsFromEnv(process.env),
      log: args.json ? undefined : (m) => console.log(`  ${m}`),
    });
    if (args.json) process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    else {
      console.log(
        `analyze-correlations: ${result.campaigns.length} campaign(s) analysed at ${result.now}: ${result.correlations_written} correlation(s), ` +
          `${result.alerts_created} new alert(s), ${result.alerts_written} written, ${result.alerts_resolved} resolved, ${result.failed} failed.`,
      );
    }
    return result.failed > 0 ? 1 : 0;
  } catch (error) {
    console.error(`analyze-correlations: ${(error as Error).message} (database ${url})`);
    return 1;
  }
}
// ─────────────────────────────────────────────────────────────────────────────────────

async function mainFile(args: CliArgs & { input: string }): Promise<number> {
  const { alerts, analyses } = await analyzeFile(args.input, { now: args.now, deepseek: deepSeekOptionsFromEnv(process.env) });
  if (args.json) {
    process.stdout.write(`${JSON.stringify({ alerts }, null, 2)}\n`);
  } else {
    for (const a of analyses) {
      console.log(`${a.campaign_id}: ${a.findings.length} finding(s), ${a.alerts.length} alert(s), source ${a.source} (${a.run.outcome})`);
      for (const alert of a.alerts) {
        console.log(`  [${alert.severity}] ${alert.title} — confidence ${alert.confidence} (${alert.trigger_action_id})`);
      }
      console.log(`  diagnosis: ${a.diagnosis.failure_type} — ${a.diagnosis.insight}`);
    }
  }
  return 0;
}

export async function main(argv: readonly string[]): Promise<number> {
  let args: CliArgs;
  try {
    args = parseArgs(argv);
  } catch (error) {
    console.error((error as Error).message);
    return 2;
  }
  if (!args.input) return mainDatabase(args);
  try {
    return await mainFile({ ...args, input: args.input });
  } catch (error) {
    console.error(`analyze-correlations: ${error instanceof z.ZodError ? `invalid input: ${error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` : (error as Error).message}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main(process.argv.slice(2)).then((code) => process.exit(code));
}
