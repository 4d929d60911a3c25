/**
 * `npm run demo:next-day`: step 6 of the presenter script. After the live revert, the next day's performance data
 * "arrives": one snapshot per live demo campaign for the day after the drop (Spring Sale back near its baseline).
 * The database trigger `resolve_recovered_alerts` then marks the creative-change alert Resolved, as it would for
 * real data. Upserted on (campaign, date, source), so running it twice changes nothing.
 *
 * Refuses (unless --force) while Sarah's creative change is not reverted yet: the story is "revert, then recover".
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import { pathToFileURL } from 'node:url';
import type { Database } from '../src/lib/database.types.ts';
import { DEMO_WORKSPACE_ID, demoId } from './demo/ids.ts';
import { buildNextDay, STORY, utcDate } from './demo/scenario.ts';
import { resolveTarget, serviceClient } from './seed-demo.ts';

type Db = SupabaseClient<Database>;

export interface NextDayResult {
  /** The date of the inserted snapshots (the demo's "today"). */
  date: string;
  snapshots: number;
  storyCardStatus: string;
  storyAlert: { id: string; title: string; status: string; resolution_note: string | null } | null;
  warnings: string[];
}

export class NextDayError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NextDayError';
  }
}

/** Inserts the next day's snapshots into the demo workspace and reports the story alert's state afterwards. */
export async function insertNextDay(db: Db, options: { now?: Date; force?: boolean } = {}): Promise<NextDayResult> {
  const warnings: string[] = [];
  const workspace = await db.from('workspaces').select('settings').eq('id', DEMO_WORKSPACE_ID).maybeSingle();
  if (workspace.error) throw new NextDayError(`Could not read the demo workspace: ${workspace.error.message}`);
  const demo = (workspace.data?.settings as { demo?: { status?: string; seeded_for?: string } } | undefined)?.demo;
  if (!demo?.seeded_for || demo.status !== 'ready') {
    throw new NextDayError('There is no ready demo workspace. Run `npm run seed:demo` first.');
  }
  const date = demo.seeded_for;
  const today = utcDate(options.now ?? new Date());
  if (today !== date) {
    warnings.push(`The demo was seeded for ${date} (today is ${today}): its data is dated relative to that day. Run \`npm run demo:reset\` before presenting.`);
  }

  const storyCardId = demoId(`card:${STORY.card}`);
  const card = await db.from('marketer_actions').select('status, title').eq('id', storyCardId).maybeSingle();
  if (card.error || !card.data) throw new NextDayError(`Could not find the creative-change card: ${card.error?.message ?? 'missing'}`);
  if (card.data.status !== 'reverted') {
    if (!options.force) {
      throw new NextDayError(
        `"${card.data.title}" has not been reverted yet. Do step 5 first (open the alert, click "Revert to previous creative"), or pass --force.`,
      );
    }
    warnings.push(`"${card.data.title}" is not reverted; inserting the recovery anyway (--force).`);
  }

  const rows = buildNextDay(date).map(({ campaign, ...s }) => ({
    ...s,
    workspace_id: DEMO_WORKSPACE_ID,
    campaign_id: demoId(`campaign:${campaign}`),
  }));
  const written = await db.from('performance_snapshots').upsert(rows, { onConflict: 'campaign_id,date,data_source' }).select('id');
  if (written.error) throw new NextDayError(`Could not write the next day's data: ${written.error.message}`);

  const alert = await db
    .from('ai_alerts')
    .select('id, title, status, resolution_note')
    .eq('trigger_action_id', storyCardId)
    .order('detected_at', { ascending: false })
    .limit(1)
    .maybeSingle();
  if (alert.error) throw new NextDayError(`Could not read the alert: ${alert.error.message}`);
  return { date, snapshots: written.data?.length ?? 0, storyCardStatus: card.data.status, storyAlert: alert.data, warnings };
}

async function main() {
  const force = process.argv.includes('--force');
  const { url, key } = await resolveTarget();
  try {
    const result = await insertNextDay(serviceClient(url, key), { force });
    for (const w of result.warnings) console.warn(`Warning: ${w}`);
    console.log(`Inserted ${result.snapshots} snapshot(s) for ${result.date} at ${url}.`);
    if (result.storyAlert) {
      console.log(`Alert "${result.storyAlert.title}": ${result.storyAlert.status}${result.storyAlert.resolution_note ? `. ${result.storyAlert.resolution_note}` : ''}`);
    }
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
