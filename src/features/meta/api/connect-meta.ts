import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { toFunctionError } from '@/lib/function-error';
import { supabase } from '@/lib/supabase';
import { metaKeys } from '../keys';

export const connectTokenSchema = z.object({
  ad_account_id: z.string().trim().regex(/^(act_)?\d{1,20}$/, 'An ad account id looks like act_1234567890'),
  access_token: z.string().trim().min(10, 'Paste the whole access token').regex(/^\S+$/, 'An access token has no spaces'),
});
export type ConnectTokenInput = z.input<typeof connectTokenSchema>;

type ConnectBody =
  | ({ action: 'connect_token' } & ConnectTokenInput)
  | { action: 'connect_sandbox' }
  | { action: 'oauth_finish'; code: string; state: string; redirect_uri: string };

/** Connects an ad account through the meta-connection function, which checks the token with Meta first. */
export async function connectMeta(workspaceId: string, body: ConnectBody): Promise<{ id: string; account_name: string | null }> {
  const payload = body.action === 'connect_token' ? { action: body.action, ...connectTokenSchema.parse(body) } : body;
  const { data, error } = await supabase.functions.invoke('meta-connection', {
    body: body.action === 'oauth_finish' ? payload : { ...payload, workspace_id: z.uuid().parse(workspaceId) },
  });
  if (error) throw await toFunctionError(error);
  return (data as { connection: { id: string; account_name: string | null } }).connection;
}

export function useConnectMeta(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConnectBody) => connectMeta(workspaceId, body),
    onSettled: () => queryClient.invalidateQueries({ queryKey: metaKeys.all }),
  });
}

/** Starts Facebook Login for Business: the URL of Meta's consent dialog for this workspace and ad account. */
export async function startMetaOAuth(workspaceId: string, adAccountId: string, redirectUri: string): Promise<string> {
  const { data, error } = await supabase.functions.invoke('meta-connection', {
    body: { action: 'oauth_start', workspace_id: workspaceId, ad_account_id: connectTokenSchema.shape.ad_account_id.parse(adAccountId), redirect_uri: redirectUri },
  });
  if (error) throw await toFunctionError(error);
  return z.object({ url: z.url() }).parse(data).url;
}
