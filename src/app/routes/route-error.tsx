import { CircleAlert } from 'lucide-react';
import { isRouteErrorResponse, Link, useRouteError } from 'react-router-dom';
import { Button } from '@/components/ui/button';
import { errorMessage } from '@/lib/utils';

/** Last-resort error screen for anything a route throws while loading or rendering. */
export function RouteError() {
  const error = useRouteError();
  const title = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : 'Something went wrong';
  const detail = isRouteErrorResponse(error) ? String(error.data ?? '') : errorMessage(error, 'An unexpected error occurred.');
  // A new deploy removes the old lazy chunks: reloading fetches the new ones.
  const staleChunk = /dynamically imported module|Importing a module script failed/i.test(detail);

  return (
    <div className="flex min-h-[60vh] flex-col items-center justify-center gap-4 p-6 text-center">
      <div className="flex size-12 items-center justify-center rounded-full bg-red-50 text-red-600">
        <CircleAlert className="size-6" aria-hidden />
      </div>
      <div>
        <h1 className="text-lg font-semibold">{staleChunk ? 'A new version is available' : title}</h1>
        <p className="mt-1 max-w-lg text-sm text-muted-foreground">{staleChunk ? 'Reload the page to continue.' : detail}</p>
      </div>
      <div className="flex gap-2">
        <Button onClick={() => window.location.reload()}>Reload</Button>
        <Button variant="outline" asChild>
          <Link to="/">Go to overview</Link>
        </Button>
      </div>
    </div>
  );
}
