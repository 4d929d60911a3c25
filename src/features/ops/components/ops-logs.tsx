import { Badge } from '@/components/ui/badge';
import { Tabs, TabsContent, TabsList, TabsTrigger } from '@/components/ui/tabs';
import { useAnalysisRuns } from '../api/get-analysis-runs';
import { useAuditLog } from '../api/get-audit-log';
import { useDecisionLog } from '../api/get-decision-log';
import { useMetaSyncRuns } from '../api/get-meta-sync-runs';
import { peopleById, useWorkspacePeople } from '@/entities/people';
import { AuditLog } from './audit-log';
import { DecisionLog } from './decision-log';
import { JobLog } from './job-log';
import { MetaSyncLog } from './meta-sync-log';
import { SectionCard } from './section-card';

/** The three logs of the page: decisions on recommendations, analysis jobs, and (for ops heads and admins) the audit trail. */
export function OpsLogs({ workspaceId, canReadAudit, campaignNames }: { workspaceId: string; canReadAudit: boolean; campaignNames: Record<string, string> }) {
  const decisions = useDecisionLog(workspaceId);
  const runs = useAnalysisRuns(workspaceId);
  const syncs = useMetaSyncRuns(workspaceId);
  const audit = useAuditLog(workspaceId, canReadAudit);
  const people = useWorkspacePeople(workspaceId, peopleById);
  const failed = [...(runs.data ?? []), ...(syncs.data ?? [])].filter((r) => r.status === 'failed').length;

  return (
    <Tabs defaultValue="decisions">
      <TabsList>
        <TabsTrigger value="decisions">Decision log</TabsTrigger>
        <TabsTrigger value="jobs">
          Job log
          {failed > 0 ? <Badge variant="danger">{failed} failed</Badge> : null}
        </TabsTrigger>
        {canReadAudit ? <TabsTrigger value="audit">Audit log</TabsTrigger> : null}
      </TabsList>
      <TabsContent value="decisions">
        <SectionCard title="Decision log" description="Who decided on which recommendation, and when." pending={decisions.isPending} error={decisions.error} testId="decision-log">
          <DecisionLog entries={decisions.data ?? []} people={people.data} campaignNames={campaignNames} />
        </SectionCard>
      </TabsContent>
      <TabsContent value="jobs" className="grid gap-6">
        <SectionCard title="Job log" description="The latest correlation analysis runs: scope, output, model and latency." pending={runs.isPending} error={runs.error} testId="job-log">
          <JobLog runs={runs.data ?? []} />
        </SectionCard>
        <SectionCard title="Meta sync" description="The latest Meta Ads syncs: days asked for, rows fetched, what was written or skipped and why." pending={syncs.isPending} error={syncs.error} testId="meta-sync-log">
          <MetaSyncLog runs={syncs.data ?? []} />
        </SectionCard>
      </TabsContent>
      {canReadAudit ? (
        <TabsContent value="audit">
          <SectionCard title="Audit log" description="The latest 50 changes to business tables. Expand a row for old and new values." pending={audit.isPending} error={audit.error} testId="audit-log">
            <AuditLog entries={audit.data ?? []} people={people.data} />
          </SectionCard>
        </TabsContent>
      ) : null}
    </Tabs>
  );
}
