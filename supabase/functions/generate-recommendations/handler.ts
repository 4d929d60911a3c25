// Generates the rule-based recommendations of one workspace. The caller's JWT proves membership (read through a
// client carrying it, so RLS decides); the rows are then written with the service client, because recommendations
// take no writes from users. The scheduler may call it with the service key and an explicit `now`.
import type { SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';
import { DomainInputError } from '../_shared/domain/dates.ts';
import { errorResponse, handleOptions, HttpError, json, readPostRequest } from '../_shared/http.ts';
import {
  generateRecommendations,
  type GenerateRecommendationsOptions,
  type GenerateRecommendationsResult,
  WorkspaceNotFoundError,
} from '../_shared/recommendations/persist.ts';
import { ACTING_ROLES, callerRole } from '../_shared/membership.ts';
import { createServiceClient, createUserClient, isServiceRoleToken } from '../_shared/supabase.ts';

export const requestSchema = z
  .object({
    workspace_id: z.uuid({ error: 'workspace_id must be a workspace id (UUID)' }),
    /** Evaluation instant (service role only; members always get "now"). */
    now: z.iso.datetime({ offset: true }).optional(),
  })
  .strict();

export interface GenerateRecommendationsDeps {
  serviceClient?: () => SupabaseClient;
  userClient?: (req: Request) => SupabaseClient;
  /** The key that marks a caller as the scheduler (default SUPABASE_SERVICE_ROLE_KEY). */
  serviceRoleKey?: string | null;
  now?: () => Date;
  generate?: (db: SupabaseClient, options: GenerateRecommendationsOptions) => Promise<GenerateRecommendationsResult>;
}

/**
 * Throws 401 without a user, 404 when the caller is not a member of the workspace (it does not exist for them), 403
 * for a viewer: the rows are written with the service role, so the role is checked here.
 */
async function assertActingMember(client: SupabaseClient, token: string, workspaceId: string): Promise<void> {
  const { data: userData } = await client.auth.getUser(token);
  const userId = userData?.user?.id;
  if (!userId) throw new HttpError(401, 'Sign in to generate recommendations');
  const role = await callerRole(client, userId, workspaceId);
  if (!role) throw new HttpError(404, 'Workspace not found');
  if (!ACTING_ROLES.includes(role)) throw new HttpError(403, 'Viewers cannot generate recommendations');
}

export async function handler(req: Request, deps: GenerateRecommendationsDeps = {}): Promise<Response> {
  const preflight = handleOptions(req);
  if (preflight) return preflight;
  try {
    const { token, body } = await readPostRequest(req, requestSchema, { usage: '{ workspace_id }', signIn: 'Sign in to generate recommendations' });
    const isService = isServiceRoleToken(token, deps.serviceRoleKey);
    const clock = deps.now ?? (() => new Date());
    if (!isService) {
      if (body.now) return errorResponse(403, 'Only the scheduler may set "now"');
      await assertActingMember((deps.userClient ?? createUserClient)(req), token, body.workspace_id);
    }
    const now = body.now ? new Date(body.now).toISOString() : clock().toISOString();
    const result = await (deps.generate ?? generateRecommendations)((deps.serviceClient ?? createServiceClient)(), {
      workspaceId: body.workspace_id,
      now,
    });
    return json(result);
  } catch (error) {
    if (error instanceof HttpError) return error.toResponse();
    if (error instanceof WorkspaceNotFoundError) return errorResponse(404, 'Workspace not found');
    if (error instanceof DomainInputError) return errorResponse(422, error.message, { field: error.field });
    return errorResponse(500, 'Could not generate recommendations', (error as Error).message);
  }
}
