/**
 * The website roll-up's job log (table website_rollup_runs): a row when a roll-up starts, finished with its counts
 * or its error. Written with the service client whoever asked for the roll-up (members may only read the log).
 * Logging is best effort: a failed log write is reported on the console and never fails or stops the roll-up, so
 * every function here resolves and never throws. Starting a run also deletes all but the workspace's newest
 * KEPT_RUNS runs: a count, not an age, because a steady ingest stream can roll up once a second (a month of that
 * would be millions of rows), while the hourly schedule alone keeps about three weeks. Both reads are served by the
 * (workspace_id, started_at desc) index.
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { RollUpResult } from './roll-up.ts';

export type RollUpTrigger = 'ingest' | 'schedule' | 'manual';

export const KEPT_RUNS = 500;
const MAX_ERROR_CHARS = 2000;

export interface RollUpRunLog {
  succeeded(result: RollUpResult): Promise<void>;
  failed(error: unknown): Promise<void>;
}

function warn(action: string, error: unknown): void {
  console.error(`website roll-up log: could not ${action}: ${(error as Error)?.message ?? String(error)}`);
}

async function attempt(action: string, write: () => PromiseLike<{ error: { message: string } | null }>): Promise<void> {
  try {
    const { error } = await write();
    if (error) warn(action, error);
  } catch (error) {
    warn(action, error);
  }
}

/** Opens a 'running' row for a roll-up of `workspaceId`; the returned log closes it. */
export async function startRollUpRun(client: SupabaseClient, workspaceId: string, trigger: RollUpTrigger): Promise<RollUpRunLog> {
  let runId: string | null = null;
  await attempt('drop old runs', async () => {
    // The oldest run still kept once this one is added; everything that started before it goes.
    const res = await client.from('website_rollup_runs').select('started_at').eq('workspace_id', workspaceId).order('started_at', { ascending: false }).range(KEPT_RUNS - 2, KEPT_RUNS - 2);
    const cutoff = (res.data as { started_at: string }[] | null)?.[0]?.started_at;
    if (res.error || !cutoff) return res;
    return client.from('website_rollup_runs').delete().eq('workspace_id', workspaceId).lt('started_at', cutoff);
  });
  await attempt('start a run', async () => {
    const res = await client.from('website_rollup_runs').insert({ workspace_id: workspaceId, trigger }).select('id').single();
    runId = (res.data as { id: string } | null)?.id ?? null;
    return res;
  });
  const finish = (action: string, values: Record<string, unknown>) =>
    runId === null ? Promise.resolve() : attempt(action, () => client.from('website_rollup_runs').update({ ...values, finished_at: new Date().toISOString() }).eq('id', runId!));
  return {
    succeeded: (r) =>
      finish('finish a run', {
        status: 'succeeded',
        days: r.days,
        rows_written: r.written,
        rows_unchanged: r.unchanged,
        rows_quarantined: r.quarantined,
        unattributed: r.unattributed,
        other_currency: r.other_currency,
      }),
    failed: (error) => finish('record a failed run', { status: 'failed', error: ((error as Error)?.message ?? String(error)).slice(0, MAX_ERROR_CHARS) }),
  };
}

/** Runs `rollUp` between a start and a finish row; its result or error passes through unchanged. */
export async function withRollUpRun(client: SupabaseClient, workspaceId: string, trigger: RollUpTrigger, rollUp: () => Promise<RollUpResult>): Promise<RollUpResult> {
  const log = await startRollUpRun(client, workspaceId, trigger);
  let result: RollUpResult;
  try {
    result = await rollUp();
  } catch (error) {
    await log.failed(error);
    throw error;
  }
  await log.succeeded(result);
  return result;
}
