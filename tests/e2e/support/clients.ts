/** Node-side supabase-js clients for arranging and checking e2e data against the e2e stack. */
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { inject } from 'vitest';
import type { Database } from '../../../src/lib/database.types.ts';
import { E2E_PASSWORD } from './browser.ts';
import './context.ts';

export type E2eClient = SupabaseClient<Database>;

function makeClient(key: string): E2eClient {
  return createClient<Database>(inject('supabaseUrl'), key, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  });
}

/** Bypasses RLS: arrange and check only. */
export function e2eServiceClient(): E2eClient {
  return makeClient(inject('serviceRoleKey'));
}

/** A client signed in as an existing user (e.g. one who signed up through the UI). */
export async function e2eUserClient(email: string, password = E2E_PASSWORD): Promise<E2eClient> {
  const client = makeClient(inject('anonKey'));
  const { error } = await client.auth.signInWithPassword({ email, password });
  if (error) throw new Error(`signIn(${email}) failed: ${error.message}`);
  return client;
}

/** Creates a user through the auth API (autoconfirmed) with a full name, returning a signed-in client. */
export async function e2eSignUpUser(email: string, fullName: string, password = E2E_PASSWORD): Promise<{ client: E2eClient; userId: string }> {
  const client = makeClient(inject('anonKey'));
  const { data, error } = await client.auth.signUp({ email, password, options: { data: { full_name: fullName } } });
  if (error || !data.user) throw new Error(`signUp(${email}) failed: ${error?.message}`);
  return { client, userId: data.user.id };
}
