// Fixing or discarding a quarantined row (issue 9 item 8), as an admin of its workspace (RLS and a role check).
// Fix: the edited values are checked by the same data-quality rules against the campaign's history; a row that still
// fails answers 422 with the reasons and nothing changes; a good one is written to performance_snapshots and the
// entry is marked fixed. An admin may accept an outlier as real (only that check is waived). Discard: the entry is marked discarded (kept, with who and when, for the audit log).
import type { SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';
import { SNAPSHOT_METRICS, type SnapshotRow } from '../_shared/domain/snapshot-quality.ts';
import { errorResponse, handleOptions, HttpError, json, readPostRequest } from '../_shared/http.ts';
import { applySnapshotPlan, planSnapshots, SnapshotRowError } from '../_shared/sources/snapshot-writer.ts';
import { createUserClient } from '../_shared/supabase.ts';

const metricsSchema = z.object(Object.fromEntries(SNAPSHOT_METRICS.map((m) => [m, z.number().finite().nullable().optional()]))).strict();

export const requestSchema = z.discriminatedUnion('action', [
  z
    .object({
      action: z.literal('fix'),
      id: z.uuid(),
      metrics: metricsSchema,
      /** The admin confirms an outlier is real (a record day): only the outlier check is waived. */
      accept_outlier: z.boolean().optional(),
    })
    .strict(),
  z.object({ action: z.literal('discard'), id: z.uuid() }).strict(),
]);

export interface ResolveQuarantineDeps {
  userClient?: (req: Request) => SupabaseClient;
  now?: () => Date;
}

interface Entry {
  id: string;
  workspace_id: string;
  campaign_id: string;
  date: string;
  data_source: string;
  status: string;
}

export async function handler(req: Request, deps: ResolveQuarantineDeps = {}): Promise<Response> {
  const preflight = handleOptions(req);
  if (preflight) return preflight;
  try {
    const { body } = await readPostRequest(req, requestSchema, { usage: '{ action: "fix" | "discard", id, metrics? }', signIn: 'Sign in to resolve quarantined rows' });
    const client = (deps.userClient ?? createUserClient)(req);
    const { data, error } = await client.from('quarantined_snapshots').select('id, workspace_id, campaign_id, date, data_source, status').eq('id', body.id).maybeSingle();
    if (error) throw new Error(`Could not load the quarantined row: ${error.message}`);
    if (!data) throw new HttpError(404, 'Quarantined row not found');
    const entry = data as Entry;
    const { data: isAdmin } = await client.rpc('has_workspace_role', { ws: entry.workspace_id, roles: ['admin'] });
    if (isAdmin !== true) throw new HttpError(403, 'Only admins can fix or discard quarantined rows');
    if (entry.status !== 'open') throw new HttpError(409, `This row was already ${entry.status}`);

    if (body.action === 'discard') {
      const { data: updated, error: upError } = await client.from('quarantined_snapshots').update({ status: 'discarded' }).eq('id', entry.id).eq('status', 'open').select('id, status, resolved_at');
      if (upError) throw new Error(`Could not discard the row: ${upError.message}`);
      if (!updated?.length) throw new HttpError(409, 'This row was resolved meanwhile');
      return json({ entry: updated[0] });
    }

    const row: SnapshotRow = { campaign_id: entry.campaign_id, date: entry.date, data_source: entry.data_source, ...body.metrics };
    const opts = { source: entry.data_source, runId: `fix:${entry.id}`, now: (deps.now ?? (() => new Date()))() };
    const plan = await planSnapshots(client, [row], opts);
    const waived = body.accept_outlier === true && plan.toQuarantine.length === 1 && plan.toQuarantine[0].reasons.every((r) => r.check === 'outlier');
    if (waived) {
      plan.toWrite.push({ row: plan.toQuarantine[0].row, replaces: false });
      plan.toQuarantine = [];
    }
    if (plan.toQuarantine.length > 0) return json({ error: 'The row still fails the data-quality checks', reasons: plan.toQuarantine[0].reasons }, 422);
    // Claim the entry first, so two admins fixing at once cannot both write.
    const { data: claimed, error: claimError } = await client
      .from('quarantined_snapshots')
      .update({ status: 'fixed', metrics: Object.fromEntries(Object.entries(body.metrics).filter(([, v]) => v !== null && v !== undefined)) })
      .eq('id', entry.id)
      .eq('status', 'open')
      .select('id, status, resolved_at');
    if (claimError) throw new Error(`Could not mark the row fixed: ${claimError.message}`);
    if (!claimed?.length) throw new HttpError(409, 'This row was resolved meanwhile');
    try {
      await applySnapshotPlan(client, plan, opts);
    } catch (writeError) {
      await client.from('quarantined_snapshots').update({ status: 'open' }).eq('id', entry.id);
      throw writeError;
    }
    return json({ entry: claimed[0], written: plan.toWrite.length, unchanged: plan.unchanged.length });
  } catch (error) {
    if (error instanceof HttpError) return error.toResponse();
    if (error instanceof SnapshotRowError) return errorResponse(400, error.message, error.issues);
    return errorResponse(500, 'Could not resolve the quarantined row', (error as Error).message);
  }
}
