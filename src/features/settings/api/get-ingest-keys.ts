import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type { Tables } from '@/lib/db';
import { supabase } from '@/lib/supabase';
import { settingsKeys } from '../keys';

export type IngestKey = Pick<Tables<'ingest_keys'>, 'id' | 'label' | 'created_at' | 'revoked_at'>;

/** The workspace's website ingest keys, newest first: labels and dates only (the plain key is never stored). */
export async function getIngestKeys(workspaceId: string): Promise<IngestKey[]> {
  const id = z.uuid().parse(workspaceId);
  const { data, error } = await supabase
    .from('ingest_keys')
    .select('id, label, created_at, revoked_at')
    .eq('workspace_id', id)
    .order('created_at', { ascending: false });
  if (error) throw error;
  return data;
}

export function ingestKeysQueryOptions(workspaceId: string) {
  return queryOptions({ queryKey: settingsKeys.ingestKeys(workspaceId), queryFn: () => getIngestKeys(workspaceId) });
}

export function useIngestKeys(workspaceId: string) {
  return useQuery(ingestKeysQueryOptions(workspaceId));
}
