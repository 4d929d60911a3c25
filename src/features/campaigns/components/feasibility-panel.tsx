import type { BenchmarkComparison, Prescription, Risk, SimilarCampaignRef } from '@domain/feasibility.ts';
import { CircleAlert, RefreshCw, ShieldCheck } from 'lucide-react';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { formatDateTime } from '@/lib/format';
import { errorMessage } from '@/lib/utils';
import { useAssessFeasibility } from '../api/assess-feasibility';
import { useLatestAssessment } from '../api/get-latest-assessment';
import { BenchmarkTable } from './benchmark-table';
import { DecisionGate } from './decision-gate';
import { FeasibilityScore } from './feasibility-score';
import { PrescriptionList } from './prescription-list';
import { RiskList } from './risk-list';

/** Feasibility & risk assessment and the decision gate (docs/domain-rules.md, Feasibility and the decision gate) of one campaign. */
export function FeasibilityPanel({ campaignId, canAssess, isOpsHead }: { campaignId: string; canAssess: boolean; isOpsHead: boolean }) {
  const latest = useLatestAssessment(campaignId);
  const assess = useAssessFeasibility();
  const assessment = latest.data;
  const runButton = canAssess ? (
    <Button variant={assessment ? 'outline' : 'default'} size="sm" onClick={() => assess.mutate({ campaignId })} loading={assess.isPending}>
      <RefreshCw aria-hidden />
      {assessment ? 'Re-assess' : 'Assess feasibility'}
    </Button>
  ) : null;

  return (
    <Card data-testid="feasibility-panel">
      <CardHeader className="flex-row items-start justify-between gap-4">
        <div className="space-y-1">
          <CardTitle className="flex items-center gap-2">
            <ShieldCheck className="size-4 text-primary" aria-hidden />
            Feasibility &amp; decision gate
          </CardTitle>
          <CardDescription>
            {assessment ? `Assessed ${formatDateTime(assessment.created_at)}` : 'Timeline compression, asset overload, approval bottlenecks and tracking dependencies, checked before launch.'}
          </CardDescription>
        </div>
        {runButton}
      </CardHeader>
      <CardContent className="grid gap-6">
        {assess.error ? (
          <Alert variant="destructive">
            <CircleAlert aria-hidden />
            <AlertDescription>{errorMessage(assess.error)}</AlertDescription>
          </Alert>
        ) : null}
        {latest.isPending ? (
          <Skeleton className="h-40" />
        ) : latest.error ? (
          <Alert variant="destructive">
            <CircleAlert aria-hidden />
            <AlertDescription>Could not load the assessment: {errorMessage(latest.error)}</AlertDescription>
          </Alert>
        ) : !assessment ? (
          <p className="text-sm text-muted-foreground">Not assessed yet.</p>
        ) : (
          <AssessmentBody assessment={assessment} isOpsHead={isOpsHead} />
        )}
      </CardContent>
    </Card>
  );
}

function AssessmentBody({ assessment, isOpsHead }: { assessment: NonNullable<ReturnType<typeof useLatestAssessment>['data']>; isOpsHead: boolean }) {
  const risks = assessment.risks as unknown as Risk[];
  const high = risks.filter((r) => r.severity === 'high').length;
  return (
    <>
      <div className="flex flex-wrap items-center gap-6">
        <FeasibilityScore score={assessment.score} />
        <div className="min-w-60 flex-1 space-y-1 text-sm">
          <p className="font-medium">
            {risks.length === 0 ? 'No risks found.' : `${risks.length} risk${risks.length === 1 ? '' : 's'} found${high ? `, ${high} high` : ''}.`}
          </p>
          <p className="text-muted-foreground">Score = 100 minus each risk family’s penalty (high 20, medium 10, low 4, at most 40 per family).</p>
        </div>
      </div>
      <DecisionGate assessment={assessment} isOpsHead={isOpsHead} />
      <section className="grid gap-2">
        <h3 className="text-sm font-semibold">Risks</h3>
        <RiskList risks={risks} />
      </section>
      <section className="grid gap-2">
        <h3 className="text-sm font-semibold">Historical benchmark comparison</h3>
        <BenchmarkTable rows={assessment.benchmarks as unknown as BenchmarkComparison[]} />
      </section>
      <section className="grid gap-2">
        <h3 className="text-sm font-semibold">Fix prescriptions</h3>
        <PrescriptionList prescriptions={assessment.prescriptions as unknown as Prescription[]} similar={assessment.similar_campaigns as unknown as SimilarCampaignRef[]} />
      </section>
    </>
  );
}
