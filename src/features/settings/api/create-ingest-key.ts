import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { supabase } from '@/lib/supabase';
import { settingsKeys } from '../keys';

export const createIngestKeySchema = z.object({
  label: z.string().trim().min(1, 'Name the key after the site that will use it').max(120, 'Keep the label under 120 characters'),
});
export type CreateIngestKeyInput = z.input<typeof createIngestKeySchema>;

const createdKeySchema = z.object({ id: z.uuid(), key: z.string().startsWith('mot_'), label: z.string(), created_at: z.string() });
export type CreatedIngestKey = z.infer<typeof createdKeySchema>;

/** Issues a key (admins only). The answer holds the plain key, the only time anyone sees it. */
export async function createIngestKey(workspaceId: string, input: CreateIngestKeyInput): Promise<CreatedIngestKey> {
  const { label } = createIngestKeySchema.parse(input);
  const { data, error } = await supabase.rpc('create_ingest_key', { p_workspace_id: workspaceId, p_label: label });
  if (error) throw error;
  return createdKeySchema.parse(data);
}

export function useCreateIngestKey(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateIngestKeyInput) => createIngestKey(workspaceId, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: settingsKeys.ingestKeys(workspaceId) }),
  });
}
