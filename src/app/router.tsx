import { useState } from 'react';
import { createBrowserRouter, Outlet, RouterProvider, ScrollRestoration } from 'react-router-dom';
import { PageSpinner } from '@/components/ui/spinner';
import { RouteError } from './routes/route-error';

/**
 * Route table. Each page is its own module under ./routes, loaded lazily; a module exports `Component`
 * (and may add `loader`, `ErrorBoundary`, `handle`), so features slot in by replacing the placeholder page.
 */
export function createAppRouter() {
  return createBrowserRouter([
    {
      element: (
        <>
          <Outlet />
          <ScrollRestoration />
        </>
      ),
      errorElement: <RouteError />,
      hydrateFallbackElement: <PageSpinner className="min-h-screen" />,
      children: [
        { path: '/sign-in', lazy: () => import('./routes/auth/sign-in') },
        { path: '/sign-up', lazy: () => import('./routes/auth/sign-up') },
        {
          path: '/',
          lazy: () => import('./routes/app/root'),
          children: [
            { index: true, lazy: () => import('./routes/app/home') },
            { path: 'campaigns', lazy: () => import('./routes/app/campaigns') },
            { path: 'campaigns/new', lazy: () => import('./routes/app/campaign-new') },
            { path: 'campaigns/:id', lazy: () => import('./routes/app/campaign') },
            { path: 'campaigns/:id/kanban', lazy: () => import('./routes/app/campaign-kanban') },
            { path: 'board', lazy: () => import('./routes/app/board') },
            { path: 'alerts', lazy: () => import('./routes/app/alerts') },
            { path: 'alerts/:id', lazy: () => import('./routes/app/alert') },
            { path: 'ops', lazy: () => import('./routes/app/ops') },
            { path: 'settings', lazy: () => import('./routes/app/settings') },
            { path: 'settings/meta/callback', lazy: () => import('./routes/app/meta-callback') },
            { path: '*', lazy: () => import('./routes/not-found') },
          ],
        },
      ],
    },
  ]);
}

export function AppRouter() {
  const [router] = useState(createAppRouter);
  return <RouterProvider router={router} />;
}
