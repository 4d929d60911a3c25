// Supabase clients for edge functions. The user client carries the caller's Authorization header, so every
// query runs under the caller's RLS; the service client bypasses RLS and is only for work no user owns.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { getEnv, requireEnv } from './env.ts';

const serverAuth = { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false };

/** A client acting as the caller (their JWT from the request's Authorization header, or the anon key). */
export function createUserClient(req: Request): SupabaseClient {
  const anonKey = requireEnv('SUPABASE_ANON_KEY');
  const authorization = req.headers.get('Authorization') ?? `Bearer ${anonKey}`;
  return createClient(requireEnv('SUPABASE_URL'), anonKey, {
    global: { headers: { Authorization: authorization } },
    auth: serverAuth,
  });
}

/** A client with the service role key: bypasses RLS. Only for work that no user owns. */
export function createServiceClient(): SupabaseClient {
  return createClient(requireEnv('SUPABASE_URL'), requireEnv('SUPABASE_SERVICE_ROLE_KEY'), {
    auth: serverAuth,
  });
}

/**
 * Whether the caller's bearer token is the service role key (the scheduler, or a script acting for no user).
 * `serviceRoleKey` defaults to SUPABASE_SERVICE_ROLE_KEY; null means no caller counts as the service.
 */
export function isServiceRoleToken(token: string, serviceRoleKey: string | null | undefined = getEnv('SUPABASE_SERVICE_ROLE_KEY')): boolean {
  return Boolean(serviceRoleKey) && token === serviceRoleKey;
}
