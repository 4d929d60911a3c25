import { createClient } from '@supabase/supabase-js';
import type { Database } from './database.types';
import { getEnv } from './env';

const env = getEnv();

/**
 * The one Supabase client of the SPA. Only `features/<x>/api/` files should call it.
 * The session is kept in localStorage and refreshed automatically, so a reload keeps the user signed in.
 */
export const supabase = createClient<Database>(env.VITE_SUPABASE_URL, env.VITE_SUPABASE_ANON_KEY, {
  auth: {
    persistSession: true,
    autoRefreshToken: true,
    detectSessionInUrl: true,
    storageKey: 'mot-auth',
  },
});
