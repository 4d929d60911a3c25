import type { ReactNode } from 'react';
import { Navigate, useLocation, useSearchParams } from 'react-router-dom';
import { PageSpinner } from '@/components/ui/spinner';
import { useSession } from '@/hooks/use-session';
import { safeRedirectPath } from '../utils/auth-errors';

/** Renders its children only for a signed-in user; otherwise sends them to /sign-in and back afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const location = useLocation();
  if (status === 'loading') return <PageSpinner className="min-h-screen" label="Restoring your session" />;
  if (status === 'unauthenticated') {
    const target = `${location.pathname}${location.search}${location.hash}`;
    const search = target === '/' ? '' : `?redirectTo=${encodeURIComponent(target)}`;
    return <Navigate to={`/sign-in${search}`} replace />;
  }
  return children;
}

/** For the sign-in / sign-up pages: a signed-in user goes straight to where they were heading. */
export function RedirectIfAuthenticated({ children }: { children: ReactNode }) {
  const { status } = useSession();
  const [params] = useSearchParams();
  if (status === 'loading') return <PageSpinner className="min-h-screen" label="Restoring your session" />;
  if (status === 'authenticated') return <Navigate to={safeRedirectPath(params.get('redirectTo'))} replace />;
  return children;
}
