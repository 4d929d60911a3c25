import type { Session, User } from '@supabase/supabase-js';
import { createContext, useContext } from 'react';

export type SessionState =
  | { status: 'loading'; session: null; user: null }
  | { status: 'authenticated'; session: Session; user: User }
  | { status: 'unauthenticated'; session: null; user: null };

/** Filled by the auth feature's SessionProvider (mounted in src/app/provider.tsx). */
export const SessionContext = createContext<SessionState | null>(null);

/** The current auth session; `status` is 'loading' until Supabase has restored it from storage. */
export function useSession(): SessionState {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}

/** The signed-in user. Only for components under the protected routes, where a user is guaranteed. */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useUser called outside a signed-in route');
  return user;
}

/** Display name from sign-up metadata, falling back to the email. */
export function userDisplayName(user: Pick<User, 'email' | 'user_metadata'>): string {
  const fullName = user.user_metadata?.full_name;
  return typeof fullName === 'string' && fullName.trim() ? fullName.trim() : (user.email ?? 'Signed-in user');
}
