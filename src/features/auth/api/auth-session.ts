import type { AuthChangeEvent, Session } from '@supabase/supabase-js';
import { supabase } from '@/lib/supabase';

/**
 * Subscribes to Supabase auth changes. Fires INITIAL_SESSION first (the session restored from storage, or null),
 * then SIGNED_IN / TOKEN_REFRESHED / SIGNED_OUT … Returns the unsubscribe function.
 */
export function subscribeToAuthChanges(callback: (event: AuthChangeEvent, session: Session | null) => void): () => void {
  const { data } = supabase.auth.onAuthStateChange(callback);
  return () => data.subscription.unsubscribe();
}
