import { History } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { formatDateTime } from '@/lib/format';
import { formatRelative } from '@/lib/format-relative';
import type { DecisionLogEntry } from '../api/get-decision-log';
import type { Person } from '@/entities/people';
import { RECOMMENDATION_STATUS_LABELS, RECOMMENDATION_STATUS_VARIANTS } from '../utils/labels';
import { personName } from '../utils/people';

/** Who accepted, rejected or rolled back which recommendation, when, and why. */
export function DecisionLog({ entries, people, campaignNames }: { entries: DecisionLogEntry[]; people: Record<string, Person> | undefined; campaignNames: Record<string, string> }) {
  if (entries.length === 0) {
    return <EmptyState icon={History} title="No decisions yet" description="Accepting or rejecting a recommendation is logged here with who and when." className="py-8" />;
  }
  return (
    <Table aria-label="Decision log">
      <TableHeader>
        <TableRow>
          <TableHead>When</TableHead>
          <TableHead>Decision</TableHead>
          <TableHead>Recommendation</TableHead>
          <TableHead>By</TableHead>
          <TableHead>Note</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {entries.map((entry) => (
          <TableRow key={entry.id}>
            <TableCell className="whitespace-nowrap text-sm" title={formatDateTime(entry.decided_at)}>
              {formatRelative(entry.decided_at)}
            </TableCell>
            <TableCell>
              <Badge variant={RECOMMENDATION_STATUS_VARIANTS[entry.decision] ?? 'neutral'}>{RECOMMENDATION_STATUS_LABELS[entry.decision] ?? entry.decision}</Badge>
            </TableCell>
            <TableCell className="text-sm">
              <div className="font-medium">{entry.recommendations?.title ?? 'Deleted recommendation'}</div>
              {entry.recommendations?.campaign_id ? (
                <div className="text-xs text-muted-foreground">{campaignNames[entry.recommendations.campaign_id] ?? ''}</div>
              ) : null}
            </TableCell>
            <TableCell className="whitespace-nowrap text-sm">{personName(people, entry.decided_by)}</TableCell>
            <TableCell className="max-w-xs text-sm text-muted-foreground">{entry.note ?? '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
