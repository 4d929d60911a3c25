// Connects a Meta ad account to a workspace (admins and ops heads): a pasted system-user token, Facebook Login for
// Business (OAuth code flow, then the long-lived token exchange) when META_APP_ID / META_APP_SECRET are set, or the
// local Meta sandbox when the stack serves one. The token is checked against the Graph API (/me, /act_<id>) before
// it is kept, and stored through save_meta_connection (service role) where no client role can read it.
import type { SupabaseClient } from '@supabase/supabase-js';
import { z } from 'zod';
import { getEnv } from '../_shared/env.ts';
import { errorResponse, handleOptions, HttpError, json, readPostRequest } from '../_shared/http.ts';
import { checkAccess, GraphClient, GraphError, graphBaseUrl, META_GRAPH_VERSION, tokenExpiry } from '../_shared/sources/meta/index.ts';
import { signOAuthState, verifyOAuthState } from '../_shared/sources/meta/oauth-state.ts';
import { SANDBOX_AD_ACCOUNT_ID, SANDBOX_TOKEN } from '../_shared/sources/meta/sandbox/fixture.ts';
import { createServiceClient, createUserClient } from '../_shared/supabase.ts';


const adAccountId = z
  .string()
  .trim()
  .regex(/^(act_)?\d{1,20}$/, 'An ad account id looks like act_1234567890')
  .transform((v) => (v.startsWith('act_') ? v : `act_${v}`));

export const requestSchema = z.discriminatedUnion('action', [
  z.object({ action: z.literal('config') }).strict(),
  z
    .object({
      action: z.literal('connect_token'),
      workspace_id: z.uuid(),
      ad_account_id: adAccountId,
      access_token: z.string().trim().min(10, 'Paste the whole access token').max(2048).regex(/^\S+$/, 'An access token has no spaces'),
    })
    .strict(),
  z.object({ action: z.literal('connect_sandbox'), workspace_id: z.uuid() }).strict(),
  z.object({ action: z.literal('oauth_start'), workspace_id: z.uuid(), ad_account_id: adAccountId, redirect_uri: z.url() }).strict(),
  z.object({ action: z.literal('oauth_finish'), code: z.string().min(1).max(4000), state: z.string().min(1).max(4000), redirect_uri: z.url() }).strict(),
]);
type Body = z.output<typeof requestSchema>;

export interface MetaConnectionDeps {
  userClient?: (req: Request) => SupabaseClient;
  serviceClient?: () => SupabaseClient;
  fetch?: typeof fetch;
}

interface Caller {
  userId: string;
}

async function caller(client: SupabaseClient, token: string): Promise<Caller> {
  const { data } = await client.auth.getUser(token);
  if (!data?.user) throw new HttpError(401, 'Sign in to connect Meta');
  return { userId: data.user.id };
}

/** Admins and ops heads manage connections; a workspace the caller is not in does not exist. */
async function requireManager(client: SupabaseClient, workspaceId: string, userId: string): Promise<void> {
  const { data, error } = await client.from('workspace_members').select('role').eq('workspace_id', workspaceId).eq('user_id', userId).maybeSingle();
  if (error) throw new HttpError(502, 'Could not check your role', error.message);
  if (!data) throw new HttpError(404, 'Workspace not found');
  if (data.role !== 'admin' && data.role !== 'ops_head') throw new HttpError(403, 'Only an admin or ops head can connect Meta');
}

function oauthApp(): { id: string; secret: string } | null {
  const id = getEnv('META_APP_ID');
  const secret = getEnv('META_APP_SECRET');
  return id && secret ? { id, secret } : null;
}

function graphFailure(error: unknown, adAccount: string): HttpError {
  if (!(error instanceof GraphError)) return new HttpError(500, 'Could not check the token', (error as Error).message);
  if (error.kind === 'expired_token') return new HttpError(400, `Meta refused this token (code ${error.code ?? 190}): ${error.message}`);
  if (error.kind === 'permission' || error.kind === 'invalid_request') {
    return new HttpError(400, `This token cannot read ad account ${adAccount} (code ${error.code ?? '?'}): ${error.message}`);
  }
  return new HttpError(502, `Meta did not answer the check (${error.kind}): ${error.message}`);
}

async function checkAndSave(
  deps: MetaConnectionDeps,
  input: { workspaceId: string; adAccountId: string; token: string; kind: 'system_user_token' | 'oauth' | 'sandbox'; userId: string; expiresAt?: string | null; baseUrl: string },
) {
  const graph = new GraphClient({ accessToken: input.token, baseUrl: input.baseUrl, fetch: deps.fetch, maxRetries: 1, backoffBaseMs: 200 });
  let account;
  try {
    ({ account } = await checkAccess(graph, input.adAccountId));
  } catch (error) {
    throw graphFailure(error, input.adAccountId);
  }
  let expiresAt = input.expiresAt ?? null;
  const app = oauthApp();
  if (app && input.kind !== 'sandbox' && expiresAt === null) {
    try {
      // /debug_token takes the app's token as its access_token, so no user token may ride along in a header.
      const appGraph = new GraphClient({ accessToken: '', baseUrl: input.baseUrl, fetch: deps.fetch, maxRetries: 1, backoffBaseMs: 200 });
      expiresAt = await tokenExpiry(appGraph, input.token, app.id, app.secret);
    } catch (error) {
      throw graphFailure(error, input.adAccountId);
    }
  }
  const service = (deps.serviceClient ?? createServiceClient)();
  const { data, error } = await service.rpc('save_meta_connection', {
    p_workspace_id: input.workspaceId,
    p_ad_account_id: input.adAccountId,
    p_kind: input.kind,
    p_access_token: input.token,
    p_account_name: account.name ?? null,
    p_currency: account.currency ?? null,
    p_timezone_name: account.timezone_name ?? null,
    p_token_expires_at: expiresAt,
    p_connected_by: input.userId,
  });
  if (error) throw new HttpError(500, 'Could not save the connection', error.message);
  return data as Record<string, unknown>;
}

async function act(req: Request, token: string, body: Body, deps: MetaConnectionDeps): Promise<Response> {
  const sandboxUrl = getEnv('META_SANDBOX_URL') ?? null;
  const app = oauthApp();
  if (body.action === 'config') {
    return json({ oauth_available: Boolean(app), sandbox_available: Boolean(sandboxUrl), graph_version: META_GRAPH_VERSION });
  }
  const user = (deps.userClient ?? createUserClient)(req);
  const { userId } = await caller(user, token);

  if (body.action === 'connect_token') {
    await requireManager(user, body.workspace_id, userId);
    const connection = await checkAndSave(deps, { workspaceId: body.workspace_id, adAccountId: body.ad_account_id, token: body.access_token, kind: 'system_user_token', userId, baseUrl: graphBaseUrl() });
    return json({ connection });
  }
  if (body.action === 'connect_sandbox') {
    if (!sandboxUrl) throw new HttpError(400, 'The Meta sandbox runs only on the local stack (META_SANDBOX_URL is not set)');
    await requireManager(user, body.workspace_id, userId);
    const connection = await checkAndSave(deps, { workspaceId: body.workspace_id, adAccountId: SANDBOX_AD_ACCOUNT_ID, token: SANDBOX_TOKEN, kind: 'sandbox', userId, baseUrl: sandboxUrl });
    return json({ connection });
  }
  if (!app) throw new HttpError(400, 'Facebook Login is not configured on this server (META_APP_ID / META_APP_SECRET)');
  const secret = getEnv('SUPABASE_SERVICE_ROLE_KEY') ?? app.secret;
  if (body.action === 'oauth_start') {
    await requireManager(user, body.workspace_id, userId);
    const state = await signOAuthState({ workspace_id: body.workspace_id, ad_account_id: body.ad_account_id, user_id: userId, expires_at: Date.now() + 10 * 60_000 }, secret);
    const dialog = new URL(`${(getEnv('META_OAUTH_DIALOG_URL') ?? 'https://www.facebook.com').replace(/\/+$/, '')}/${META_GRAPH_VERSION}/dialog/oauth`);
    dialog.searchParams.set('client_id', app.id);
    dialog.searchParams.set('redirect_uri', body.redirect_uri);
    dialog.searchParams.set('state', state);
    dialog.searchParams.set('response_type', 'code');
    const configId = getEnv('META_LOGIN_CONFIG_ID');
    // Facebook Login for Business names its permissions in a configuration; plain Facebook Login takes a scope.
    if (configId) dialog.searchParams.set('config_id', configId);
    else dialog.searchParams.set('scope', 'ads_read,business_management');
    return json({ url: dialog.toString() });
  }
  // oauth_finish
  const state = await verifyOAuthState(body.state, secret);
  if (!state || state.user_id !== userId) throw new HttpError(400, 'This Facebook Login link has expired or belongs to someone else: start again');
  await requireManager(user, state.workspace_id, userId);
  const exchange = new GraphClient({ accessToken: '', fetch: deps.fetch, maxRetries: 1, backoffBaseMs: 200 });
  let longLived: { access_token: string; expires_in?: number };
  try {
    const short = z.object({ access_token: z.string() }).loose().parse(
      await exchange.get('oauth/access_token', { client_id: app.id, client_secret: app.secret, redirect_uri: body.redirect_uri, code: body.code }),
    );
    longLived = z.object({ access_token: z.string(), expires_in: z.number().optional() }).loose().parse(
      await exchange.get('oauth/access_token', { grant_type: 'fb_exchange_token', client_id: app.id, client_secret: app.secret, fb_exchange_token: short.access_token }),
    );
  } catch (error) {
    if (error instanceof z.ZodError) throw new HttpError(502, 'Meta answered the code exchange with something unexpected');
    throw graphFailure(error, state.ad_account_id);
  }
  const expiresAt = longLived.expires_in ? new Date(Date.now() + longLived.expires_in * 1000).toISOString() : null;
  const connection = await checkAndSave(deps, { workspaceId: state.workspace_id, adAccountId: state.ad_account_id, token: longLived.access_token, kind: 'oauth', userId, expiresAt, baseUrl: graphBaseUrl() });
  return json({ connection });
}

export async function handler(req: Request, deps: MetaConnectionDeps = {}): Promise<Response> {
  const preflight = handleOptions(req);
  if (preflight) return preflight;
  try {
    const { token, body } = await readPostRequest(req, requestSchema, {
      usage: '{ action: "connect_token" | "connect_sandbox" | "oauth_start" | "oauth_finish" | "config", … }',
      signIn: 'Sign in to connect Meta',
    });
    return await act(req, token, body, deps);
  } catch (error) {
    if (error instanceof HttpError) return error.toResponse();
    return errorResponse(500, 'Could not connect Meta', (error as Error).message);
  }
}
