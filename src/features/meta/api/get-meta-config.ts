import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { toFunctionError } from '@/lib/function-error';
import { supabase } from '@/lib/supabase';
import { metaKeys } from '../keys';

const configSchema = z.object({ oauth_available: z.boolean(), sandbox_available: z.boolean(), graph_version: z.string() });
export type MetaConfig = z.infer<typeof configSchema>;

/** What this server offers: Facebook Login (META_APP_ID/SECRET set) and the local Meta sandbox. */
export async function getMetaConfig(): Promise<MetaConfig> {
  const { data, error } = await supabase.functions.invoke('meta-connection', { body: { action: 'config' } });
  if (error) throw await toFunctionError(error);
  return configSchema.parse(data);
}

export function useMetaConfig() {
  return useQuery(queryOptions({ queryKey: metaKeys.config(), queryFn: getMetaConfig, staleTime: 5 * 60_000 }));
}
