import { useMutation } from '@tanstack/react-query';
import { toast } from '@/components/ui/toast';
import { supabase } from '@/lib/supabase';

/**
 * Signs out everywhere; if the server can't be reached, still forgets the session on this device so the
 * user is never stuck signed in.
 */
export async function signOut() {
  const { error } = await supabase.auth.signOut();
  if (!error) return;
  const local = await supabase.auth.signOut({ scope: 'local' });
  if (local.error) throw local.error;
}

/** Signs out; the session provider then clears cached queries and the guards send the user to /sign-in. */
export function useSignOut() {
  return useMutation({
    mutationFn: signOut,
    onError: (error) => toast.error('Could not sign out', { description: error.message }),
  });
}
