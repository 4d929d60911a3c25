// Syncs Meta Ads data into the product: for a campaign or workspace (a member who may write: admin, ops head,
// marketer, checked with their own JWT), or every active connection (the hourly schedule, with the service key).
// The sync itself writes with the service client (snapshots, imported cards, the job log), then runs the
// correlation analysis for the campaigns that got new data.
import type { SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';
import { deepSeekOptionsFromEnv } from '../_shared/ai/deepseek.ts';
import { runAnalysis } from '../_shared/analysis/index.ts';
import { getEnv } from '../_shared/env.ts';
import { errorResponse, handleOptions, HttpError, json, readPostRequest } from '../_shared/http.ts';
import { syncConnection, type SyncOptions, type SyncResult } from '../_shared/sources/meta/index.ts';
import { createServiceClient, createUserClient, isServiceRoleToken } from '../_shared/supabase.ts';

export const requestSchema = z
  .object({
    campaign_id: z.uuid().optional(),
    workspace_id: z.uuid().optional(),
    connection_id: z.uuid().optional(),
    trigger: z.enum(['manual', 'schedule', 'connect', 'cli']).optional(),
  })
  .strict();

export interface SyncMetaDeps {
  userClient?: (req: Request) => SupabaseClient;
  serviceClient?: () => SupabaseClient;
  serviceRoleKey?: string | null;
  sync?: Partial<SyncOptions>;
}

/** After new data: the correlation analysis for those campaigns (actions of the last 14 days, 30 days of data). */
async function analyse(db: SupabaseClient, workspaceId: string, campaignIds: string[], trigger: 'manual' | 'schedule'): Promise<void> {
  const timeout = Number(getEnv('DEEPSEEK_TIMEOUT_MS'));
  await runAnalysis(db, {
    workspaceId,
    campaignIds,
    trigger,
    actionsWindowHours: 24 * 14,
    dataWindowDays: 30,
    deepseek: {
      ...deepSeekOptionsFromEnv({ DEEPSEEK_API_KEY: getEnv('DEEPSEEK_API_KEY'), DEEPSEEK_BASE_URL: getEnv('DEEPSEEK_BASE_URL'), DEEPSEEK_MODEL: getEnv('DEEPSEEK_MODEL') }),
      ...(Number.isFinite(timeout) && timeout > 0 ? { timeoutMs: timeout } : {}),
    },
  });
}

interface Scope {
  workspaceId: string | null;
  campaignIds: string[] | null;
  connectionId: string | null;
  userId: string | null;
}

/** The member's scope, checked with their JWT: what they cannot read does not exist; viewers cannot sync. */
async function memberScope(client: SupabaseClient, token: string, body: z.output<typeof requestSchema>): Promise<Scope> {
  const { data: userData } = await client.auth.getUser(token);
  const userId = userData?.user?.id;
  if (!userId) throw new HttpError(401, 'Sign in to sync Meta');
  let workspaceId = body.workspace_id ?? null;
  if (body.campaign_id) {
    const { data, error } = await client.from('campaigns').select('id, workspace_id').eq('id', body.campaign_id).maybeSingle();
    if (error) throw new HttpError(502, 'Could not load the campaign', error.message);
    if (!data || (workspaceId && data.workspace_id !== workspaceId)) throw new HttpError(404, 'Campaign not found');
    workspaceId = data.workspace_id as string;
  }
  if (!workspaceId && body.connection_id) {
    const { data } = await client.from('meta_connections').select('workspace_id').eq('id', body.connection_id).maybeSingle();
    if (!data) throw new HttpError(404, 'Connection not found');
    workspaceId = data.workspace_id as string;
  }
  if (!workspaceId) throw new HttpError(400, 'Name a campaign_id, workspace_id or connection_id to sync');
  const { data: member, error } = await client.from('workspace_members').select('role').eq('workspace_id', workspaceId).eq('user_id', userId).maybeSingle();
  if (error) throw new HttpError(502, 'Could not check your role', error.message);
  if (!member) throw new HttpError(404, 'Workspace not found');
  if (member.role === 'viewer') throw new HttpError(403, 'Viewers cannot start a sync');
  return { workspaceId, campaignIds: body.campaign_id ? [body.campaign_id] : null, connectionId: body.connection_id ?? null, userId };
}

export async function handler(req: Request, deps: SyncMetaDeps = {}): Promise<Response> {
  const preflight = handleOptions(req);
  if (preflight) return preflight;
  try {
    const { token, body } = await readPostRequest(req, requestSchema, {
      usage: '{ campaign_id } or { workspace_id } or { connection_id }',
      signIn: 'Sign in to sync Meta',
    });
    const isService = isServiceRoleToken(token, deps.serviceRoleKey);
    const scope: Scope = isService
      ? { workspaceId: body.workspace_id ?? null, campaignIds: body.campaign_id ? [body.campaign_id] : null, connectionId: body.connection_id ?? null, userId: null }
      : await memberScope((deps.userClient ?? createUserClient)(req), token, body);
    const trigger = isService ? body.trigger ?? 'schedule' : body.trigger === 'connect' ? 'connect' : 'manual';

    const db = (deps.serviceClient ?? createServiceClient)();
    let query = db.from('meta_connections').select('id, workspace_id, status').order('created_at');
    if (scope.workspaceId) query = query.eq('workspace_id', scope.workspaceId);
    if (scope.connectionId) query = query.eq('id', scope.connectionId);
    // The schedule skips connections waiting for a person to reconnect; a person asking gets the reason back.
    query = isService && trigger === 'schedule' ? query.eq('status', 'active') : query.neq('status', 'revoked');
    const { data: connections, error } = await query;
    if (error) throw new HttpError(502, 'Could not load Meta connections', error.message);
    if (!connections?.length) {
      if (isService) return json({ runs: [] });
      throw new HttpError(409, 'No Meta ad account is connected to this workspace: connect one in Settings');
    }

    const runs: SyncResult[] = [];
    for (const c of connections) {
      runs.push(
        await syncConnection(db, c.id as string, {
          trigger,
          campaignIds: scope.campaignIds,
          createdBy: scope.userId,
          analyse: (d, ws, ids) => analyse(d, ws, ids, trigger === 'schedule' ? 'schedule' : 'manual'),
          ...deps.sync,
        }),
      );
    }
    return json({ runs });
  } catch (error) {
    if (error instanceof HttpError) return error.toResponse();
    return errorResponse(500, 'Could not sync Meta', (error as Error).message);
  }
}
