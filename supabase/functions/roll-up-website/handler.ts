// Rolls website and promo-code events up into daily 'website' snapshots (issue 9 item 5). The hourly schedule calls
// it with the service key for every workspace (or one); a member calls it for their own workspace, through their
// own JWT so RLS decides what they may read and write. Ingest runs the same roll-up in its own worker, in the
// background after answering, for the days it touched (sources/website/roll-up-queue.ts). Every roll-up is a row in
// website_rollup_runs, written with the service client (trigger 'schedule' for a service call unless it says
// 'manual', 'manual' for a member).
import type { SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';
import { errorResponse, handleOptions, HttpError, json, readPostRequest } from '../_shared/http.ts';
import { rollUpWebsite, type RollUpResult } from '../_shared/sources/website/roll-up.ts';
import { withRollUpRun } from '../_shared/sources/website/rollup-run-log.ts';
import { createServiceClient, createUserClient, isServiceRoleToken } from '../_shared/supabase.ts';

export const requestSchema = z
  .object({
    workspace_id: z.uuid().optional(),
    days: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'days are YYYY-MM-DD')).min(1).max(92).optional(),
    trigger: z.enum(['manual', 'schedule']).optional(),
  })
  .strict();

export interface RollUpWebsiteDeps {
  serviceClient?: () => SupabaseClient;
  userClient?: (req: Request) => SupabaseClient;
  serviceRoleKey?: string | null;
  now?: () => Date;
}

export async function handler(req: Request, deps: RollUpWebsiteDeps = {}): Promise<Response> {
  const preflight = handleOptions(req);
  if (preflight) return preflight;
  try {
    const { token, body } = await readPostRequest(req, requestSchema, { usage: '{ workspace_id, days? }', signIn: 'Sign in to roll up website data' });
    const now = (deps.now ?? (() => new Date()))();
    const runId = `website:${now.toISOString()}`;
    if (isServiceRoleToken(token, deps.serviceRoleKey)) {
      const client = (deps.serviceClient ?? createServiceClient)();
      let ids: string[];
      if (body.workspace_id) ids = [body.workspace_id];
      else {
        const { data, error } = await client.from('workspaces').select('id').order('id');
        if (error) throw new Error(`Could not list workspaces: ${error.message}`);
        ids = ((data ?? []) as { id: string }[]).map((w) => w.id);
      }
      const results: (RollUpResult | { workspace_id: string; error: string })[] = [];
      for (const id of ids) {
        try {
          results.push(await withRollUpRun(client, id, body.trigger ?? 'schedule', () => rollUpWebsite(client, { workspaceId: id, days: body.days, now, runId })));
        } catch (error) {
          results.push({ workspace_id: id, error: (error as Error).message });
        }
      }
      return json({ workspaces: results });
    }
    if (!body.workspace_id) throw new HttpError(400, 'Name the workspace_id to roll up');
    const client = (deps.userClient ?? createUserClient)(req);
    const { data: ws, error } = await client.from('workspaces').select('id').eq('id', body.workspace_id).maybeSingle();
    if (error) throw new Error(`Could not load the workspace: ${error.message}`);
    if (!ws) throw new HttpError(404, 'Workspace not found');
    const { data: allowed } = await client.rpc('has_workspace_role', { ws: body.workspace_id, roles: ['admin', 'ops_head', 'marketer'] });
    if (allowed !== true) throw new HttpError(403, 'Viewers cannot recompute website data');
    const workspaceId = body.workspace_id;
    const log = (deps.serviceClient ?? createServiceClient)();
    return json({ workspaces: [await withRollUpRun(log, workspaceId, 'manual', () => rollUpWebsite(client, { workspaceId, days: body.days, now, runId }))] });
  } catch (error) {
    if (error instanceof HttpError) return error.toResponse();
    return errorResponse(500, 'Could not roll up website data', (error as Error).message);
  }
}
