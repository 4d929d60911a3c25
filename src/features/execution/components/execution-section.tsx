import { Activity, CircleAlert, GitCompareArrows, Timer } from 'lucide-react';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { errorMessage } from '@/lib/utils';
import { useCampaignPhases } from '../api/get-campaign-phases';
import { useDrift } from '../hooks/use-drift';
import { usePhasesRealtime } from '../hooks/use-phases-realtime';
import type { DriftCampaign } from '../types';
import { DriftSummary } from './drift-summary';
import { DriftTable } from './drift-table';
import { DriftTimelineChart } from './drift-timeline-chart';
import { ExecutionTracker } from './execution-tracker';
import { IntentVsExecutionPanel } from './intent-vs-execution-panel';

/** Execution tracking, drift and intent vs execution of one campaign, live for everyone looking at it. */
export function ExecutionSection({ campaign, canWrite }: { campaign: DriftCampaign; canWrite: boolean }) {
  usePhasesRealtime(campaign.id);
  const phases = useCampaignPhases(campaign.id);
  const drift = useDrift(campaign, phases.data);

  if (phases.isPending) return <Skeleton className="h-64" />;
  if (phases.error) {
    return (
      <Alert variant="destructive">
        <CircleAlert aria-hidden />
        <AlertDescription>Could not load the phases: {errorMessage(phases.error)}</AlertDescription>
      </Alert>
    );
  }
  if (phases.data.length === 0) return null;

  return (
    <div className="grid gap-6">
      <Card>
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            <Timer className="size-4 text-primary" aria-hidden />
            Execution tracker
          </CardTitle>
          <CardDescription>Log when each phase starts and finishes, what it delivered and how many approval rounds it took.</CardDescription>
        </CardHeader>
        <CardContent>
          <ExecutionTracker campaign={campaign} phases={phases.data} canWrite={canWrite} />
        </CardContent>
      </Card>

      <Card data-testid="drift-panel" data-source={drift.source}>
        <CardHeader>
          <CardTitle className="flex items-center gap-2">
            <Activity className="size-4 text-primary" aria-hidden />
            Drift
          </CardTitle>
          <CardDescription>
            Drift = actual − planned days per phase. {drift.source === 'server' ? 'Confirmed by the server with this workspace’s history.' : 'Instant preview; the server confirms in a moment.'}
          </CardDescription>
        </CardHeader>
        <CardContent className="grid gap-6">
          {drift.error ? (
            <Alert variant="destructive">
              <CircleAlert aria-hidden />
              <AlertDescription>{drift.error}</AlertDescription>
            </Alert>
          ) : null}
          {drift.report ? (
            <>
              <DriftSummary report={drift.report} />
              <DriftTable report={drift.report} />
              <DriftTimelineChart report={drift.report} />
            </>
          ) : null}
        </CardContent>
      </Card>

      {drift.comparison ? (
        <Card>
          <CardHeader>
            <CardTitle className="flex items-center gap-2">
              <GitCompareArrows className="size-4 text-primary" aria-hidden />
              Intent vs execution
            </CardTitle>
            <CardDescription>Did we run the campaign the way we planned, and if not, where did it deviate first?</CardDescription>
          </CardHeader>
          <CardContent>
            <IntentVsExecutionPanel comparison={drift.comparison} />
          </CardContent>
        </Card>
      ) : null}
    </div>
  );
}
