import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { ATTRIBUTION_MODELS } from '@domain/attribution.ts';
import { isTimeZone } from '@domain/snapshot-quality.ts';
import { supabase } from '@/lib/supabase';
import { dataSourceKeys } from '../keys';

export const dataSettingsSchema = z.object({
  time_zone: z.string().trim().refine(isTimeZone, 'Choose a time zone such as Europe/Berlin'),
  attribution_model: z.enum(ATTRIBUTION_MODELS),
});
export type DataSettings = z.output<typeof dataSettingsSchema>;

/** The workspace's time zone (website days) and attribution model (website conversions). */
export async function getDataSettings(workspaceId: string): Promise<DataSettings> {
  const { data, error } = await supabase.from('workspaces').select('time_zone, attribution_model').eq('id', workspaceId).single();
  if (error) throw error;
  return dataSettingsSchema.parse(data);
}

export function useDataSettings(workspaceId: string) {
  return useQuery(queryOptions({ queryKey: dataSourceKeys.settings(workspaceId), queryFn: () => getDataSettings(workspaceId) }));
}

/** Saves both settings (admins; the database checks the zone and the model too) and recomputes the website days. */
export async function updateDataSettings(workspaceId: string, input: z.input<typeof dataSettingsSchema>) {
  const values = dataSettingsSchema.parse(input);
  const { error } = await supabase.from('workspaces').update(values).eq('id', workspaceId).select('id').single();
  if (error) throw error;
  // Past website days are recounted under the new rules; a failure here is not a failed save (the schedule retries).
  await supabase.functions.invoke('roll-up-website', { body: { workspace_id: workspaceId } }).catch(() => undefined);
}

export function useUpdateDataSettings(workspaceId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.input<typeof dataSettingsSchema>) => updateDataSettings(workspaceId, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: dataSourceKeys.workspace(workspaceId) }),
  });
}
