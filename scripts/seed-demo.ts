/**
 * `npm run seed:demo` (alias `npm run demo:reset`): resets the demo workspace "Acme Demo Co" and fills it with the
 * seed-001 story, against the Supabase named by SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY (default: the local
 * stack on http://127.0.0.1:54321 with the Supabase CLI demo service key).
 *
 * Only the demo workspace (a fixed id) is touched: it is deleted (every business row cascades with it) and rebuilt
 * from `buildDemoPlan(today)`, whose rows carry name-based ids. The demo people are reused when they exist (their
 * password and name are reset). Alerts are not written here: the real correlation analysis runs on the seeded data
 * (rules only unless DEEPSEEK_API_KEY is set) and writes them, as it would in production.
 *
 * Transaction safety: PostgREST cannot hold a transaction across requests, and a demo does not deserve its own SQL
 * function in the migrations. Instead every step is deterministic and idempotent, the workspace is marked
 * `settings.demo.status = 'building'` until a final verification (row counts, the story's alert) passes, and any
 * failure after the reset deletes the half-built workspace again. So a run ends in exactly one of two states: the
 * complete, verified demo, or no demo workspace and an error naming the step. Re-running always starts over.
 */
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { pathToFileURL } from 'node:url';
import WebSocket from 'ws';
import type { Database, TablesInsert } from '../src/lib/database.types.ts';
import { type DeepSeekOptions, deepSeekOptionsFromEnv } from '../supabase/functions/_shared/ai/deepseek.ts';
import { runAnalysis, type RunAnalysisResult } from '../supabase/functions/_shared/analysis/index.ts';
import { compareSeverity } from '../supabase/functions/_shared/domain/severity.ts';
import { generateRecommendations } from '../supabase/functions/_shared/recommendations/persist.ts';
import { DEMO_PASSWORD, DEMO_PEOPLE, DEMO_WORKSPACE_ID, DEMO_WORKSPACE_NAME, type DemoPersonKey, type DemoRole, demoId } from './demo/ids.ts';
import { createProgress, type ProgressMode } from './demo/progress.ts';
import { SANDBOX_AD_ACCOUNT_ID, SANDBOX_TOKEN, demoSandboxAccount } from '../supabase/functions/_shared/sources/meta/sandbox/fixture.ts';
import { buildDemoPlan, type CampaignKey, type DemoPlan, STORY, utcDate } from './demo/scenario.ts';

export const DEFAULT_SUPABASE_URL = 'http://127.0.0.1:54321';
/** Bumped when the demo's shape changes; stored in workspaces.settings.demo. */
export const DEMO_VERSION = 1;

type Db = SupabaseClient<Database>;

export interface SeedDemoOptions {
  /** Supabase URL (default SUPABASE_URL, else the local stack). */
  url?: string;
  /** Service-role key (default SUPABASE_SERVICE_ROLE_KEY, else the local stack's demo key). */
  serviceRoleKey?: string;
  /** The clock: the demo's "today" is its UTC date and the analysis runs at this instant (default: now). */
  now?: Date;
  /** DeepSeek for the analysis (default: from DEEPSEEK_API_KEY; null = rules only). */
  deepseek?: DeepSeekOptions | null;
  /** Progress display (default 'auto': a bar on a terminal, lines otherwise). */
  progress?: ProgressMode;
  /** The analysis to run (default: the real one, `_shared/analysis`); a seam for tests. */
  analyse?: typeof runAnalysis;
  /** Connect the local Meta sandbox to the demo workspace (default: when the target is the local stack). */
  metaSandbox?: boolean;
}

export interface SeededPerson {
  email: string;
  password: string;
  fullName: string;
  role: DemoRole;
  userId: string;
  purpose: string;
}

export interface SeededAlert {
  id: string;
  campaign: string;
  title: string;
  severity: string;
  confidence: number;
  status: string;
  source: string;
}

export interface SeedDemoResult {
  url: string;
  workspaceId: string;
  today: string;
  people: SeededPerson[];
  campaigns: { key: CampaignKey; id: string; name: string; status: string }[];
  counts: Record<string, number>;
  alerts: SeededAlert[];
  /** The story's alert ("Sales dropped … after creative change"). */
  storyAlert: SeededAlert;
  analysis: Pick<RunAnalysisResult, 'correlations_written' | 'alerts_written' | 'failed'>;
  durationMs: number;
}

/** A failed step, named, with what the workspace was left as. */
export class SeedDemoError extends Error {
  constructor(
    readonly step: string,
    cause: unknown,
    readonly cleanedUp: boolean,
  ) {
    super(
      `Demo seed failed while ${step}: ${cause instanceof Error ? cause.message : String(cause)}` +
        (cleanedUp ? '\nThe half-built demo workspace was removed; nothing else was touched. Run the seed again.' : ''),
    );
    this.name = 'SeedDemoError';
  }
}

function check<T>(what: string, result: { data: T; error: { message: string; code?: string } | null }): T {
  if (result.error) throw new Error(`${what}: ${result.error.message}${result.error.code ? ` (${result.error.code})` : ''}`);
  return result.data;
}

/** The local stack's Supabase CLI demo service key (re-signed when JWT_SECRET is set, like the stack does). */
async function localServiceKey(): Promise<string> {
  const { makeKeys } = await import('./local-stack/keys.ts');
  return (await makeKeys()).serviceRoleKey;
}

export function serviceClient(url: string, key: string): Db {
  return createClient<Database>(url, key, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
    realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket },
  });
}

/** Resolves URL and key from options, then the environment, then the local stack defaults. */
export async function resolveTarget(options: { url?: string; serviceRoleKey?: string } = {}): Promise<{ url: string; key: string }> {
  const url = (options.url ?? process.env.SUPABASE_URL ?? DEFAULT_SUPABASE_URL).replace(/\/+$/, '');
  const key = options.serviceRoleKey ?? process.env.SUPABASE_SERVICE_ROLE_KEY ?? (await localServiceKey());
  return { url, key };
}

/** Every user of the project, a page at a time, to find the demo people by email. */
async function listAllUsers(db: Db): Promise<{ id: string; email?: string }[]> {
  const users: { id: string; email?: string }[] = [];
  for (let page = 1; ; page++) {
    const { data, error } = await db.auth.admin.listUsers({ page, perPage: 1000 });
    if (error) throw new Error(`listing users: ${error.message}`);
    users.push(...data.users);
    if (data.users.length < 1000) return users;
  }
}

/** Creates the demo people or, when they exist, resets their password, name and confirmation. */
async function ensurePeople(db: Db): Promise<Record<DemoPersonKey, SeededPerson>> {
  const existing = new Map((await listAllUsers(db)).map((u) => [(u.email ?? '').toLowerCase(), u.id]));
  const people = {} as Record<DemoPersonKey, SeededPerson>;
  for (const person of DEMO_PEOPLE) {
    const attributes = { password: DEMO_PASSWORD, email_confirm: true, user_metadata: { full_name: person.fullName } };
    const id = existing.get(person.email);
    const { data, error } = id
      ? await db.auth.admin.updateUserById(id, attributes)
      : await db.auth.admin.createUser({ email: person.email, ...attributes });
    if (error || !data.user) throw new Error(`${id ? 'updating' : 'creating'} ${person.email}: ${error?.message ?? 'no user returned'}`);
    people[person.key] = { email: person.email, password: DEMO_PASSWORD, fullName: person.fullName, role: person.role, userId: data.user.id, purpose: person.purpose };
  }
  // The profile trigger only fires on insert: keep names right for reused accounts too.
  check(
    'writing profiles',
    await db.from('profiles').upsert(
      Object.values(people).map((p) => ({ id: p.userId, email: p.email, full_name: p.fullName })),
      { onConflict: 'id' },
    ),
  );
  return people;
}

/** Deletes the demo workspace (its rows cascade) and the audit trail of it. */
export async function deleteDemoWorkspace(db: Db): Promise<void> {
  check('deleting the demo workspace', await db.from('workspaces').delete().eq('id', DEMO_WORKSPACE_ID));
  // The audit log keeps no foreign key (history outlives rows); a reset demo should not drag its past along.
  check('clearing the demo audit log', await db.from('audit_log').delete().eq('workspace_id', DEMO_WORKSPACE_ID));
}

async function insertChunks<T extends object>(what: string, rows: T[], size: number, insert: (chunk: T[]) => PromiseLike<{ error: { message: string; code?: string } | null }>, onChunk?: (n: number) => void) {
  for (let i = 0; i < rows.length; i += size) {
    const chunk = rows.slice(i, i + size);
    const { error } = await insert(chunk);
    if (error) throw new Error(`${what}: ${error.message}${error.code ? ` (${error.code})` : ''}`);
    onChunk?.(chunk.length);
  }
}

/** Writes the plan's rows into the (fresh) demo workspace. */
async function writePlan(
  db: Db,
  plan: DemoPlan,
  people: Record<DemoPersonKey, SeededPerson>,
  progress: ReturnType<typeof createProgress>,
  setStep: (s: string) => void,
): Promise<void> {
  const user = (key: DemoPersonKey | null) => (key ? people[key].userId : null);
  const campaignId = new Map(plan.campaigns.map((c) => [c.key, c.id]));
  const cid = (key: CampaignKey) => campaignId.get(key) as string;

  setStep('creating the workspace and its members');
  progress.step('Workspace and members');
  check(
    'creating the workspace',
    await db.from('workspaces').insert({
      id: plan.workspace.id,
      name: plan.workspace.name,
      settings: { demo: { status: 'building', version: DEMO_VERSION, seeded_for: plan.today } },
      created_by: people.alex.userId,
    }),
  );
  check(
    'adding members',
    await db.from('workspace_members').upsert(
      // Name-based ids here too (the upsert also renames the admin row the creator trigger made).
      DEMO_PEOPLE.map((p) => ({ id: demoId(`member:${p.key}`), workspace_id: plan.workspace.id, user_id: people[p.key].userId, role: p.role })),
      { onConflict: 'workspace_id,user_id' },
    ),
  );

  setStep('creating campaigns');
  progress.step('Campaigns');
  check(
    'creating campaigns',
    await db.from('campaigns').insert(
      plan.campaigns.map(({ key: _key, analysed: _analysed, decided_by, created_by, ...c }) => ({
        ...c,
        workspace_id: plan.workspace.id,
        currency: 'USD',
        platform: 'meta',
        decided_by: user(decided_by),
        created_by: user(created_by),
      })),
    ),
  );

  setStep('creating execution phases');
  progress.step('Execution phases');
  check(
    'creating phases',
    await db.from('campaign_phases').insert(plan.phases.map(({ campaign, ...p }) => ({ ...p, workspace_id: plan.workspace.id, campaign_id: cid(campaign) }))),
  );

  // One card at a time, oldest first: the database puts each new card on top of its column.
  setStep('creating action cards');
  progress.step(`Action cards (${plan.cards.length})`, plan.cards.length);
  const cardId = new Map(plan.cards.map((c) => [c.key, c.id]));
  for (const c of plan.cards) {
    const row: TablesInsert<'marketer_actions'> = {
      id: c.id,
      workspace_id: plan.workspace.id,
      campaign_id: cid(c.campaign),
      action_type: c.action_type,
      title: c.title,
      description: c.description,
      occurred_at: c.occurred_at,
      completed_at: c.completed_at,
      status: c.status,
      impact: c.impact,
      metadata: c.metadata,
      reverts_action_id: c.reverts ? (cardId.get(c.reverts) as string) : null,
      created_by: user(c.created_by),
    };
    check(`creating card "${c.title}"`, await db.from('marketer_actions').insert(row));
    progress.advance();
  }

  setStep('writing performance snapshots');
  progress.step(`Performance data (${plan.snapshots.length} days)`);
  await insertChunks('writing snapshots', plan.snapshots, 500, (chunk) =>
    db.from('performance_snapshots').insert(chunk.map(({ campaign, ...s }) => ({ ...s, workspace_id: plan.workspace.id, campaign_id: cid(campaign) }))),
  );

  setStep('writing promo codes');
  progress.step('Promo codes');
  check(
    'writing promo codes',
    await db.from('promo_codes').insert(plan.promoCodes.map(({ campaign, ...p }) => ({ ...p, workspace_id: plan.workspace.id, campaign_id: cid(campaign) }))),
  );

  setStep('writing tracking events');
  const chunks = Math.ceil(plan.trackingEvents.length / 250);
  progress.step(`Tracking events (${plan.trackingEvents.length})`, chunks);
  await insertChunks(
    'writing tracking events',
    plan.trackingEvents,
    250,
    (chunk) => db.from('tracking_events').insert(chunk.map(({ campaign, ...e }) => ({ ...e, workspace_id: plan.workspace.id, campaign_id: cid(campaign) }))),
    () => progress.advance(),
  );
}

const COUNTED_TABLES = ['workspace_members', 'campaigns', 'campaign_phases', 'marketer_actions', 'performance_snapshots', 'promo_codes', 'tracking_events'] as const;

/** Row counts of the demo workspace, per table. */
export async function demoCounts(db: Db): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [...COUNTED_TABLES, 'correlations', 'ai_alerts', 'analysis_runs'] as const) {
    const { count, error } = await db.from(table).select('id', { count: 'exact', head: true }).eq('workspace_id', DEMO_WORKSPACE_ID);
    if (error) throw new Error(`counting ${table}: ${error.message}`);
    counts[table] = count ?? 0;
  }
  return counts;
}

/** Throws unless the workspace holds exactly the plan's rows and the story's alert, once, active and confident. */
async function verify(db: Db, plan: DemoPlan): Promise<{ counts: Record<string, number>; alerts: SeededAlert[]; storyAlert: SeededAlert }> {
  const counts = await demoCounts(db);
  const expected: Record<string, number> = {
    workspace_members: DEMO_PEOPLE.length,
    campaigns: plan.campaigns.length,
    campaign_phases: plan.phases.length,
    marketer_actions: plan.cards.length,
    performance_snapshots: plan.snapshots.length,
    promo_codes: plan.promoCodes.length,
    tracking_events: plan.trackingEvents.length,
  };
  const wrong = Object.entries(expected).filter(([t, n]) => counts[t] !== n);
  if (wrong.length > 0) throw new Error(`unexpected row counts: ${wrong.map(([t, n]) => `${t} ${counts[t]} (expected ${n})`).join(', ')}`);

  const names = new Map(plan.campaigns.map((c) => [c.id, c.name]));
  const rows =
    check(
    'reading alerts',
    await db
      .from('ai_alerts')
      .select('id, campaign_id, trigger_action_id, title, severity, confidence, status, source, correlation_data')
      .eq('workspace_id', DEMO_WORKSPACE_ID)
      .order('confidence', { ascending: false }),
  ) ?? [];
  const alerts: SeededAlert[] = rows.map((a) => ({
    id: a.id,
    campaign: names.get(a.campaign_id) ?? a.campaign_id,
    title: a.title,
    severity: a.severity,
    confidence: Number(a.confidence),
    status: a.status,
    source: a.source,
  }));
  const storyCard = plan.cards.find((c) => c.key === STORY.card);
  const story = rows.filter((a) => a.trigger_action_id === storyCard?.id);
  if (story.length !== 1) throw new Error(`expected one alert on "${storyCard?.title}", found ${story.length}`);
  const [s] = story;
  const recovery = (s.correlation_data as Record<string, unknown> | null)?.recovery;
  if (!STORY.titlePattern.test(s.title) || s.status !== 'active' || Number(s.confidence) < STORY.minConfidence || !recovery) {
    throw new Error(
      `the story's alert is not what the demo needs: "${s.title}", ${s.status}, confidence ${s.confidence}, recovery watch ${recovery ? 'set' : 'missing'}`,
    );
  }
  return { counts, alerts, storyAlert: alerts.find((a) => a.id === s.id) as SeededAlert };
}

/** Resets and seeds the demo workspace; see the file header. */
export async function seedDemo(options: SeedDemoOptions = {}): Promise<SeedDemoResult> {
  const started = Date.now();
  const now = options.now ?? new Date();
  const today = utcDate(now);
  const plan = buildDemoPlan(today);
  const { url, key } = await resolveTarget(options);
  const db = serviceClient(url, key);
  const deepseek = options.deepseek === undefined ? deepSeekOptionsFromEnv(process.env) : options.deepseek;

  const eventChunks = Math.ceil(plan.trackingEvents.length / 250);
  const total = 10 + plan.cards.length + eventChunks;
  const progress = createProgress(total, options.progress ?? 'auto');
  let step = 'connecting';
  let reset = false;
  try {
    progress.step(`Connecting to ${url}`);
    const probe = await db.from('workspaces').select('id', { count: 'exact', head: true });
    if (probe.error) {
      throw new Error(
        `${probe.error.message || 'no answer'}. Is Supabase running there? Start the local stack with \`npm start\` or \`npm run stack\`, ` +
          'or set SUPABASE_URL and SUPABASE_SERVICE_ROLE_KEY.',
      );
    }

    step = 'preparing the demo people';
    progress.step('Demo people');
    const people = await ensurePeople(db);

    step = 'resetting the demo workspace';
    progress.step('Resetting the demo workspace');
    await deleteDemoWorkspace(db);
    reset = true;

    await writePlan(db, plan, people, progress, (s) => (step = s));

    // The local stack's Meta sandbox, connected and clearly labelled, so the presenter can paste an Ads Manager
    // link into a new campaign and watch data and cards arrive. Only where the stack serves the sandbox.
    if (options.metaSandbox ?? /^(127\.0\.0\.1|localhost)$/.test(new URL(url).hostname)) {
      step = 'connecting the Meta sandbox';
      const sandbox = demoSandboxAccount(today);
      check(
        'connecting the Meta sandbox',
        await db.rpc('save_meta_connection', {
          p_workspace_id: DEMO_WORKSPACE_ID,
          p_ad_account_id: SANDBOX_AD_ACCOUNT_ID,
          p_kind: 'sandbox',
          p_access_token: SANDBOX_TOKEN,
          p_account_name: sandbox.name,
          p_currency: sandbox.currency,
          p_timezone_name: sandbox.timezone_name,
          p_token_expires_at: null as unknown as string,
          p_connected_by: people.alex.userId,
        }),
      );
    }

    step = 'running the correlation analysis';
    progress.step('Correlation analysis');
    const analysed = plan.campaigns.filter((c) => c.analysed);
    const analysedKeys = new Set(analysed.map((c) => c.key));
    const firstAction = Math.min(
      ...plan.cards.filter((c) => analysedKeys.has(c.campaign) && c.status !== 'planned').map((c) => Date.parse(c.occurred_at)),
    );
    const firstDay = plan.snapshots.filter((s) => analysedKeys.has(s.campaign)).reduce((m, s) => (s.date < m ? s.date : m), today);
    const analysis = await (options.analyse ?? runAnalysis)(db as unknown as SupabaseClient, {
      workspaceId: DEMO_WORKSPACE_ID,
      campaignIds: analysed.map((c) => c.id),
      trigger: 'seed',
      now: now.toISOString(),
      deepseek,
      // Every seeded action and day of the live campaigns, not just the scheduled run's last 48 h / 7 days.
      actionsWindowHours: Math.ceil((now.getTime() - firstAction) / 3_600_000) + 1,
      dataWindowDays: Math.round((Date.parse(today) - Date.parse(firstDay)) / 86_400_000) + 1,
      createdBy: people.olivia.userId,
    });
    if (analysis.failed > 0) {
      const names = new Map(plan.campaigns.map((c) => [c.id, c.name]));
      const failures = analysis.campaigns
        .filter((c) => c.status === 'failed')
        .map((c) => `${names.get(c.campaign_id) ?? c.campaign_id}: ${(c.error ?? 'unknown error').replace(/\s+/g, ' ').slice(0, 300)}`);
      throw new Error(`it failed for ${analysis.failed} campaign(s): ${failures.join('; ')}`);
    }

    step = 'generating recommendations';
    await generateRecommendations(db as unknown as SupabaseClient, { workspaceId: DEMO_WORKSPACE_ID, now });

    step = 'verifying the demo';
    progress.step('Verifying');
    const verified = await verify(db, plan);
    check(
      'marking the demo ready',
      await db
        .from('workspaces')
        .update({ settings: { demo: { status: 'ready', version: DEMO_VERSION, seeded_for: today } } })
        .eq('id', DEMO_WORKSPACE_ID),
    );
    progress.stop();

    return {
      url,
      workspaceId: DEMO_WORKSPACE_ID,
      today,
      people: DEMO_PEOPLE.map((p) => people[p.key]),
      campaigns: plan.campaigns.map((c) => ({ key: c.key, id: c.id, name: c.name, status: c.status })),
      counts: verified.counts,
      alerts: verified.alerts,
      storyAlert: verified.storyAlert,
      analysis: { correlations_written: analysis.correlations_written, alerts_written: analysis.alerts_written, failed: analysis.failed },
      durationMs: Date.now() - started,
    };
  } catch (error) {
    progress.stop(false);
    let cleanedUp = false;
    if (reset) {
      cleanedUp = await deleteDemoWorkspace(db).then(
        () => true,
        () => false,
      );
    }
    throw new SeedDemoError(step, error, cleanedUp);
  }
}


/** What the presenter needs after a seed: accounts, where to click, what the analysis found. */
export function formatSummary(result: SeedDemoResult, appUrl = process.env.DEMO_APP_URL ?? 'http://127.0.0.1:5173'): string {
  const pad = (s: string, n: number) => s.padEnd(n);
  const spring = result.campaigns.find((c) => c.key === 'spring');
  const lines = [
    '',
    `Demo workspace "${DEMO_WORKSPACE_NAME}" ready for ${result.today} (${(result.durationMs / 1000).toFixed(1)} s) at ${result.url}`,
    '',
    'Sign in with (same password for everyone):',
    ...result.people.map((p) => `  ${pad(p.email, 32)} ${pad(p.password, 20)} ${pad(p.role, 9)} ${p.fullName} (${p.purpose})`),
    '',
    'Campaigns:',
    ...result.campaigns.map((c) => `  ${pad(c.name, 34)} ${pad(c.status, 10)} ${appUrl}/campaigns/${c.id}`),
    '',
    `Alerts from the analysis (${result.analysis.correlations_written} correlations):`,
    ...[...result.alerts].sort((a, b) => compareSeverity(a.severity, b.severity) || b.confidence - a.confidence).map((a) => `  [${a.status}] ${a.title} (${a.campaign}, ${a.severity}, confidence ${Math.round(a.confidence * 100)}%)`),
    '',
    `Start here: ${appUrl}/board (as Sarah), then ${appUrl}/alerts. Presenter script: DEMO.md.`,
    ...(spring ? [`After the live revert, bring in the next day's data with: npm run demo:next-day`] : []),
    'Reset everything to this state at any time with: npm run demo:reset',
  ];
  return lines.join('\n');
}

async function main() {
  const { url } = await resolveTarget();
  console.log(`Seeding the demo workspace at ${url}`);
  try {
    const result = await seedDemo();
    console.log(formatSummary(result));
  } catch (error) {
    console.error(`\n${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
