import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type { Tables } from '@/lib/db';
import { supabase } from '@/lib/supabase';
import { metaKeys } from '../keys';

export type MetaConnection = Pick<
  Tables<'meta_connections'>,
  | 'id' | 'ad_account_id' | 'account_name' | 'currency' | 'timezone_name' | 'kind' | 'status' | 'status_reason'
  | 'token_hint' | 'token_expires_at' | 'connected_at' | 'last_sync_at' | 'last_sync_status'
>;

/** The workspace's Meta ad accounts (never the token: it is not in this table). */
export async function getMetaConnections(workspaceId: string): Promise<MetaConnection[]> {
  const id = z.uuid().parse(workspaceId);
  const { data, error } = await supabase
    .from('meta_connections')
    .select('id, ad_account_id, account_name, currency, timezone_name, kind, status, status_reason, token_hint, token_expires_at, connected_at, last_sync_at, last_sync_status')
    .eq('workspace_id', id)
    .order('connected_at');
  if (error) throw error;
  return data;
}

export function metaConnectionsQueryOptions(workspaceId: string) {
  return queryOptions({ queryKey: metaKeys.connections(workspaceId), queryFn: () => getMetaConnections(workspaceId) });
}

export function useMetaConnections(workspaceId: string) {
  return useQuery(metaConnectionsQueryOptions(workspaceId));
}
