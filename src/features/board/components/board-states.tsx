import { Megaphone, RotateCw } from 'lucide-react';
import { Link } from 'react-router-dom';
import { Alert, AlertDescription, AlertTitle } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/utils';

/** The board's columns while its cards load. */
export function BoardSkeleton() {
  return (
    <div className="flex gap-3" aria-busy="true" aria-label="Loading the board">
      {[0, 1, 2, 3].map((i) => (
        <div key={i} className="flex min-w-[16rem] flex-1 flex-col gap-2 rounded-xl border bg-slate-100/70 p-3">
          <Skeleton className="h-4 w-28" />
          {[0, 1, 2].map((j) => (
            <Skeleton key={j} className="h-28 w-full" />
          ))}
        </div>
      ))}
    </div>
  );
}

export function BoardLoadError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  return (
    <Alert variant="destructive">
      <AlertTitle>The board could not be loaded</AlertTitle>
      <AlertDescription className="flex items-center justify-between gap-4">
        {errorMessage(error)}
        <Button variant="outline" size="sm" onClick={onRetry}>
          <RotateCw aria-hidden />
          Try again
        </Button>
      </AlertDescription>
    </Alert>
  );
}

export function NoCampaignsYet({ canWrite }: { canWrite: boolean }) {
  return (
    <EmptyState
      icon={Megaphone}
      title="No campaigns yet"
      description="Action cards belong to a campaign. Create one, then log every creative, targeting and budget change here."
      action={
        canWrite ? (
          <Button asChild>
            <Link to="/campaigns/new">New campaign</Link>
          </Button>
        ) : null
      }
    />
  );
}

export function CampaignNotFound() {
  return <EmptyState icon={Megaphone} title="Campaign not found" description="It may have been deleted, or it belongs to another workspace." />;
}
