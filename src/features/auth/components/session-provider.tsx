import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { SessionContext, type SessionState } from '@/hooks/use-session';
import { subscribeToAuthChanges } from '../api/auth-session';

/** Keeps the Supabase session in React state; mount once, inside the QueryClientProvider. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState<SessionState>({ status: 'loading', session: null, user: null });

  useEffect(() => {
    return subscribeToAuthChanges((event, session) => {
      if (event === 'SIGNED_OUT') queryClient.clear(); // no data of the previous user may survive
      setState((previous) => {
        if (!session) return { status: 'unauthenticated', session: null, user: null };
        // Token refreshes keep the same user: keep the user object stable so effects keyed on it don't rerun.
        const user = previous.user && previous.user.id === session.user.id && event === 'TOKEN_REFRESHED' ? previous.user : session.user;
        return { status: 'authenticated', session, user };
      });
    });
  }, [queryClient]);

  return <SessionContext.Provider value={state}>{children}</SessionContext.Provider>;
}
