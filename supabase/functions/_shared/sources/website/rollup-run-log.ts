/**
 * The website roll-up's job log (table website_rollup_runs): a row when a roll-up starts, finished with its counts
 * or its error. Written with the service client whoever asked for the roll-up (members may only read the log).
 * Logging is best effort: a failed log write is reported on the console and never fails or stops the roll-up, so
 * every function here resolves and never throws. Starting a run also deletes the workspace's runs older than
 * RUN_RETENTION_DAYS, which keeps the log to about a month (at most one run a second after ingest, hourly otherwise).
 */
import type { SupabaseClient } from '@supabase/supabase-js';
import type { RollUpResult } from './roll-up.ts';

export type RollUpTrigger = 'ingest' | 'schedule' | 'manual';

export const RUN_RETENTION_DAYS = 30;
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
export async function startRollUpRun(client: SupabaseClient, workspaceId: string, trigger: RollUpTrigger, now = new Date()): Promise<RollUpRunLog> {
  let runId: string | null = null;
  await attempt('drop old runs', () =>
    client
      .from('website_rollup_runs')
      .delete()
      .eq('workspace_id', workspaceId)
      .lt('started_at', new Date(now.getTime() - RUN_RETENTION_DAYS * 86_400_000).toISOString()),
  );
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
