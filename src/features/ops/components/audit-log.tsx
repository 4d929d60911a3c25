import { ChevronDown, ChevronRight, ScrollText } from 'lucide-react';
import { Fragment, useState } from 'react';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import type { AuditLogEntry } from '@/lib/db';
import { formatDateTime } from '@/lib/format';
import { formatRelative } from '@/lib/format-relative';
import type { Person } from '@/entities/people';
import { auditChanges, auditSummary, formatAuditValue } from '../utils/audit';
import { AUDIT_ACTION_VARIANTS } from '../utils/labels';
import { personName } from '../utils/people';

function AuditDetail({ entry }: { entry: AuditLogEntry }) {
  const changes = auditChanges(entry);
  if (changes.length === 0) return <p className="text-sm text-muted-foreground">No field changed.</p>;
  return (
    <table className="w-full text-xs">
      <thead>
        <tr className="text-left text-muted-foreground">
          <th className="w-48 py-1 pr-3 font-medium">Field</th>
          {entry.action !== 'INSERT' ? <th className="py-1 pr-3 font-medium">Old</th> : null}
          {entry.action !== 'DELETE' ? <th className="py-1 font-medium">New</th> : null}
        </tr>
      </thead>
      <tbody className="font-mono">
        {changes.map((c) => (
          <tr key={c.field} className="align-top">
            <td className="py-0.5 pr-3">{c.field}</td>
            {entry.action !== 'INSERT' ? <td className="max-w-md break-all py-0.5 pr-3 text-red-700">{formatAuditValue(c.before)}</td> : null}
            {entry.action !== 'DELETE' ? <td className="max-w-md break-all py-0.5 text-emerald-700">{formatAuditValue(c.after)}</td> : null}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The latest changes to business tables: who, which table and row, what kind of change, when; a row expands to old and new values. */
export function AuditLog({ entries, people }: { entries: AuditLogEntry[]; people: Record<string, Person> | undefined }) {
  const [open, setOpen] = useState<Set<number>>(() => new Set());
  const toggle = (id: number) =>
    setOpen((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });

  if (entries.length === 0) {
    return <EmptyState icon={ScrollText} title="No changes recorded" description="Every insert, update and delete on business tables is recorded here." className="py-8" />;
  }
  return (
    <div className="max-h-[36rem] overflow-y-auto">
      <Table aria-label="Audit log">
        <TableHeader>
          <TableRow>
            <TableHead className="w-10">
              <span className="sr-only">Details</span>
            </TableHead>
            <TableHead>When</TableHead>
            <TableHead>Actor</TableHead>
            <TableHead>Table</TableHead>
            <TableHead>Action</TableHead>
            <TableHead>Row / changed fields</TableHead>
          </TableRow>
        </TableHeader>
        <TableBody>
          {entries.map((entry) => {
            const expanded = open.has(entry.id);
            const summary = auditSummary(entry);
            return (
              <Fragment key={entry.id}>
                <TableRow data-testid={`audit-row-${entry.id}`}>
                  <TableCell>
                    <Button variant="ghost" size="icon-sm" aria-expanded={expanded} aria-label={expanded ? 'Hide values' : 'Show old and new values'} onClick={() => toggle(entry.id)}>
                      {expanded ? <ChevronDown aria-hidden /> : <ChevronRight aria-hidden />}
                    </Button>
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-sm" title={formatDateTime(entry.created_at)}>
                    {formatRelative(entry.created_at)}
                  </TableCell>
                  <TableCell className="whitespace-nowrap text-sm">
                    {personName(people, entry.actor)}
                    {entry.actor_role && !entry.actor ? <span className="text-xs text-muted-foreground"> ({entry.actor_role})</span> : null}
                  </TableCell>
                  <TableCell className="font-mono text-xs">{entry.table_name}</TableCell>
                  <TableCell>
                    <Badge variant={AUDIT_ACTION_VARIANTS[entry.action] ?? 'neutral'}>{entry.action.toLowerCase()}</Badge>
                  </TableCell>
                  <TableCell className="max-w-xs truncate text-xs text-muted-foreground" title={summary || undefined}>
                    {summary || '—'}
                  </TableCell>
                </TableRow>
                {expanded ? (
                  <TableRow className="bg-muted/30 hover:bg-muted/30">
                    <TableCell />
                    <TableCell colSpan={5} className="py-3">
                      <AuditDetail entry={entry} />
                    </TableCell>
                  </TableRow>
                ) : null}
              </Fragment>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
