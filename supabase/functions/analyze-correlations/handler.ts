// Runs the correlation analysis for one campaign or one workspace (as a member who acts on it: viewers may not, since
// the run writes alerts in their name; checked through RLS), or for every
// workspace (the 4-hourly schedule, with the service key). Writes correlations, ai_alerts and analysis_runs with the
// service client: those tables take no writes from users.
import type { SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';
import { deepSeekOptionsFromEnv, type DeepSeekOptions } from '../_shared/ai/deepseek.ts';
import { runAnalysis, type RunAnalysisOptions, type RunAnalysisResult } from '../_shared/analysis/index.ts';
import { getEnv } from '../_shared/env.ts';
import { errorResponse, handleOptions, HttpError, json, readPostRequest } from '../_shared/http.ts';
import { requireActingRole } from '../_shared/membership.ts';
import { createServiceClient, createUserClient, isServiceRoleToken } from '../_shared/supabase.ts';

export const requestSchema = z
  .object({
    campaign_id: z.uuid().optional(),
    workspace_id: z.uuid().optional(),
    /** Evaluation instant (service role only; members always analyse "now"). */
    now: z.iso.datetime({ offset: true }).optional(),
    actions_window_hours: z.number().positive().max(24 * 30).optional(),
    data_window_days: z.number().int().positive().max(90).optional(),
    trigger: z.enum(['manual', 'schedule', 'cli', 'seed']).optional(),
  })
  .strict();

export interface AnalyzeCorrelationsDeps {
  serviceClient?: () => SupabaseClient;
  userClient?: (req: Request) => SupabaseClient;
  /** The key that marks a caller as the scheduler (default SUPABASE_SERVICE_ROLE_KEY). */
  serviceRoleKey?: string | null;
  deepseek?: DeepSeekOptions | null;
  now?: () => Date;
  run?: (db: SupabaseClient, options: RunAnalysisOptions) => Promise<RunAnalysisResult>;
}

function deepSeekFromEnv(): DeepSeekOptions {
  const timeout = Number(getEnv('DEEPSEEK_TIMEOUT_MS'));
  return {
    ...deepSeekOptionsFromEnv({
      DEEPSEEK_API_KEY: getEnv('DEEPSEEK_API_KEY'),
      DEEPSEEK_BASE_URL: getEnv('DEEPSEEK_BASE_URL'),
      DEEPSEEK_MODEL: getEnv('DEEPSEEK_MODEL'),
    }),
    ...(Number.isFinite(timeout) && timeout > 0 ? { timeoutMs: timeout } : {}),
  };
}

/**
 * The member's scope, checked with their own JWT: a campaign or workspace they cannot read does not exist, and a
 * viewer may not run the analysis (it writes with the service role, attributed to the caller).
 */
async function memberScope(
  client: SupabaseClient,
  token: string,
  body: z.output<typeof requestSchema>,
): Promise<{ workspaceId: string; campaignIds: string[] | null; userId: string }> {
  const scope = await readableScope(client, token, body);
  await requireActingRole(client, scope.userId, scope.workspaceId, 'Viewers cannot run the analysis');
  return scope;
}

async function readableScope(
  client: SupabaseClient,
  token: string,
  body: z.output<typeof requestSchema>,
): Promise<{ workspaceId: string; campaignIds: string[] | null; userId: string }> {
  const { data: userData } = await client.auth.getUser(token);
  const userId = userData?.user?.id ?? null;
  if (!userId) throw new HttpError(401, 'Sign in to run the analysis');
  if (body.campaign_id) {
    const { data, error } = await client.from('campaigns').select('id, workspace_id').eq('id', body.campaign_id).maybeSingle();
    if (error) throw new HttpError(502, 'Could not load the campaign', error.message);
    if (!data || (body.workspace_id && data.workspace_id !== body.workspace_id)) throw new HttpError(404, 'Campaign not found');
    return { workspaceId: data.workspace_id as string, campaignIds: [data.id as string], userId };
  }
  if (!body.workspace_id) throw new HttpError(400, 'Name a campaign_id or a workspace_id to analyse');
  const { data, error } = await client.from('workspaces').select('id').eq('id', body.workspace_id).maybeSingle();
  if (error) throw new HttpError(502, 'Could not load the workspace', error.message);
  if (!data) throw new HttpError(404, 'Workspace not found');
  return { workspaceId: data.id as string, campaignIds: null, userId };
}

export async function handler(req: Request, deps: AnalyzeCorrelationsDeps = {}): Promise<Response> {
  const preflight = handleOptions(req);
  if (preflight) return preflight;
  try {
    const { token, body } = await readPostRequest(req, requestSchema, {
      usage: '{ campaign_id } or { workspace_id }',
      signIn: 'Sign in to run the analysis',
    });
    const isService = isServiceRoleToken(token, deps.serviceRoleKey);
    const clock = deps.now ?? (() => new Date());

    let options: RunAnalysisOptions;
    if (isService) {
      options = {
        workspaceId: body.workspace_id ?? null,
        campaignIds: body.campaign_id ? [body.campaign_id] : null,
        trigger: body.trigger ?? 'schedule',
        now: body.now ? new Date(body.now).toISOString() : clock().toISOString(),
      };
    } else {
      if (body.now) return errorResponse(403, 'Only the scheduler may set "now"');
      const scope = await memberScope((deps.userClient ?? createUserClient)(req), token, body);
      options = {
        workspaceId: scope.workspaceId,
        campaignIds: scope.campaignIds,
        trigger: 'manual',
        now: clock().toISOString(),
        createdBy: scope.userId,
      };
    }
    options.actionsWindowHours = body.actions_window_hours;
    options.dataWindowDays = body.data_window_days;
    options.deepseek = deps.deepseek === undefined ? deepSeekFromEnv() : deps.deepseek;

    const result = await (deps.run ?? runAnalysis)((deps.serviceClient ?? createServiceClient)(), options);
    return json(result, result.failed > 0 && result.failed === result.campaigns.length ? 500 : 200);
  } catch (error) {
    if (error instanceof HttpError) return error.toResponse();
    return errorResponse(500, 'Could not run the analysis', (error as Error).message);
  }
}
