/**
 * supabase-js clients for integration tests, pointed at the stack the global setup started (Node 22's native
 * WebSocket carries realtime).
 */
import { createClient, type Session, type SupabaseClient, type User } from '@supabase/supabase-js';
import { inject } from 'vitest';
import type { Database } from '../../src/lib/database.types.ts';
import type { StackContext } from './stack-context.ts';
import './stack-context.ts';

export type Client = SupabaseClient<Database>;

export function stack(): StackContext {
  return inject('stack');
}

/** A client for any key or URL (defaults to the test stack), with in-memory sessions. */
export function makeClient(key: string, url = stack().url): Client {
  return createClient<Database>(url, key, {
    auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
  });
}

export function anonClient(): Client {
  return makeClient(stack().anonKey);
}

/** Bypasses RLS: use it to arrange and to check, never to exercise the product's paths. */
export function serviceClient(): Client {
  return makeClient(stack().serviceRoleKey);
}

export function uniqueEmail(label = 'user'): string {
  return `${label}-${crypto.randomUUID().slice(0, 8)}@example.com`;
}

export const TEST_PASSWORD = 'correct-horse-42';

/** Signs up a fresh user (autoconfirmed) and returns a client signed in as them. */
export async function signUpUser(
  email = uniqueEmail(),
  password = TEST_PASSWORD,
  data: Record<string, unknown> = {},
): Promise<{ client: Client; user: User; session: Session; email: string; password: string }> {
  const client = anonClient();
  const { data: result, error } = await client.auth.signUp({ email, password, options: { data } });
  if (error) throw new Error(`signUp(${email}) failed: ${error.message}`);
  if (!result.user || !result.session) throw new Error(`signUp(${email}) returned no session`);
  return { client, user: result.user, session: result.session, email, password };
}
