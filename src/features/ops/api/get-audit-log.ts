import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import type { AuditLogEntry } from '@/lib/db';
import { supabase } from '@/lib/supabase';
import { opsKeys } from '../keys';

const workspaceIdSchema = z.uuid();

/** The latest 50 audit rows of the workspace (RLS shows them to ops heads and admins only). */
export async function getAuditLog(workspaceId: string): Promise<AuditLogEntry[]> {
  const { data, error } = await supabase
    .from('audit_log')
    .select('*')
    .eq('workspace_id', workspaceIdSchema.parse(workspaceId))
    .order('created_at', { ascending: false })
    .order('id', { ascending: false })
    .limit(50);
  if (error) throw error;
  return data ?? [];
}

export function auditLogQueryOptions(workspaceId: string) {
  return queryOptions({ queryKey: opsKeys.auditLog(workspaceId), queryFn: () => getAuditLog(workspaceId) });
}

/** Only asked for when the user may read it; others never see the section. */
export function useAuditLog(workspaceId: string, enabled: boolean) {
  return useQuery({ ...auditLogQueryOptions(workspaceId), enabled });
}
