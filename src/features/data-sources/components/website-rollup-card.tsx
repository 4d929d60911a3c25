import { CircleAlert, Globe } from 'lucide-react';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { useCurrentWorkspace } from '@/hooks/use-current-workspace';
import { formatDateTime } from '@/lib/format';
import { errorMessage } from '@/lib/utils';
import { type WebsiteRollupRun, useLastWebsiteRollup } from '../api/get-last-website-rollup';

const STATUS_VARIANTS: Record<WebsiteRollupRun['status'], 'success' | 'danger' | 'neutral'> = { succeeded: 'success', failed: 'danger', running: 'neutral' };
const TRIGGER_LABELS: Record<WebsiteRollupRun['trigger'], string> = { ingest: 'after ingest', schedule: 'hourly schedule', manual: 'on request' };

function daysText(days: string[]): string {
  if (days.length === 0) return '';
  return days.length === 1 ? `, day ${days[0]}` : `, days ${days[0]} – ${days.at(-1)}`;
}

/**
 * A run that found nothing to count: the hourly schedule rolls up every workspace, so a workspace without website
 * events has such runs too, and for it "no events yet" says more than "0 rows written".
 */
function foundNothing(run: WebsiteRollupRun): boolean {
  return run.status === 'succeeded' && run.rows_written + run.rows_unchanged + run.rows_quarantined + run.unattributed + run.other_currency === 0;
}

/** The latest website roll-up: when, how it went, and the conversions that reached no campaign (and how to fix that). */
export function WebsiteRollupCard() {
  const { workspace } = useCurrentWorkspace();
  const last = useLastWebsiteRollup(workspace.id);
  const run = last.data;
  return (
    <Card data-testid="website-rollup">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <Globe className="size-4 text-muted-foreground" aria-hidden />
          Website roll-up
          {run && !foundNothing(run) ? <Badge variant={STATUS_VARIANTS[run.status]}>{run.status}</Badge> : null}
        </CardTitle>
        <CardDescription>Website and promo-code events become daily website figures after each ingest and every hour.</CardDescription>
      </CardHeader>
      <CardContent>
        {last.isPending ? (
          <Skeleton className="h-12 w-full" />
        ) : last.isError ? (
          <Alert variant="destructive">
            <CircleAlert aria-hidden />
            <AlertDescription>Could not load the website roll-up: {errorMessage(last.error)}</AlertDescription>
          </Alert>
        ) : !run || foundNothing(run) ? (
          <p className="rounded-md border border-dashed px-4 py-6 text-center text-sm text-muted-foreground" data-testid="website-rollup-empty">
            No website events rolled up yet{run ? ` (last checked ${formatDateTime(run.started_at)})` : ''}. A roll-up runs after each batch the
            website snippet sends (with an ingest key from Settings) and every hour; its result shows here.
          </p>
        ) : (
          <div className="grid gap-3 text-sm">
            <p data-testid="website-rollup-summary">
              Last run {formatDateTime(run.started_at)} ({TRIGGER_LABELS[run.trigger]}){daysText(run.days)}:{' '}
              <span className="tabular-nums">
                {run.rows_written} row{run.rows_written === 1 ? '' : 's'} written, {run.rows_unchanged} unchanged
                {run.rows_quarantined ? `, ${run.rows_quarantined} quarantined` : ''}
              </span>
              .
            </p>
            {run.error ? <p className="text-xs text-red-700">{run.error}</p> : null}
            {run.unattributed > 0 ? (
              <Alert variant="warning" data-testid="website-rollup-unattributed">
                <CircleAlert aria-hidden />
                <AlertDescription>
                  {run.unattributed} website conversion{run.unattributed === 1 ? '' : 's'} in the last run reached no campaign: give the campaign its utm_campaign
                  (campaign page → Data, or the wizard's Tracking section) or send campaign_id with the events.
                </AlertDescription>
              </Alert>
            ) : null}
            {run.other_currency > 0 ? (
              <p className="text-xs text-muted-foreground" data-testid="website-rollup-other-currency">
                {run.other_currency} purchase{run.other_currency === 1 ? '' : 's'} in another currency than the campaign's were skipped.
              </p>
            ) : null}
          </div>
        )}
      </CardContent>
    </Card>
  );
}
