import { ChartColumn } from 'lucide-react';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { DriftSeverityBadge } from '@/components/drift-severity-badge';
import { SourceLabel } from '@/components/source-label';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { DECISION_LABELS, DECISION_VARIANTS, STATUS_LABELS, STATUS_VARIANTS } from '@/lib/campaign-labels';
import { formatCurrency, formatDriftDays, formatNumber } from '@/lib/format';
import { cn } from '@/lib/utils';
import { ALERT_SEVERITIES } from '../utils/labels';
import { defaultDirection, type RankingRow, type RankingSort, type SortKey, sortRanking } from '../utils/ranking';
import { AlertSeverityBadge } from './alert-severity-badge';
import { SortHeader } from './sort-header';

function DriftCell({ row }: { row: RankingRow }) {
  if (!row.drift) return <span className="text-sm text-muted-foreground">No phases</span>;
  if (row.drift.startedPhases === 0) return <DriftSeverityBadge severity="Pending" />;
  return (
    <div className="grid gap-0.5">
      <div className="flex items-center gap-2">
        <DriftSeverityBadge severity={row.drift.severity} />
        <span className="whitespace-nowrap text-xs tabular-nums text-muted-foreground">{formatDriftDays(row.drift.cumulativeDays)}</span>
      </div>
      {row.drift.firstFailure ? <span className="text-xs text-muted-foreground">First slip: {row.drift.firstFailure}</span> : null}
    </div>
  );
}

function AlertsCell({ row }: { row: RankingRow }) {
  if (row.alerts.total === 0) return <span className="text-sm text-muted-foreground">None</span>;
  return (
    <div className="flex flex-wrap gap-1">
      {ALERT_SEVERITIES.filter((s) => row.alerts[s] > 0).map((s) => (
        <AlertSeverityBadge key={s} severity={s} count={row.alerts[s]} />
      ))}
    </div>
  );
}

/**
 * Every campaign ranked by the column the ops head picks: status, decision gate, the last 7 days' ROAS, CPA and
 * revenue, drift so far and active alerts. A row opens the campaign; the chart button drills down on this page.
 */
export function CampaignRankingTable({
  rows,
  selectedId,
  onSelect,
}: {
  rows: RankingRow[];
  selectedId: string | null;
  onSelect: (campaignId: string) => void;
}) {
  const navigate = useNavigate();
  const [sort, setSort] = useState<RankingSort>({ key: 'roas', direction: 'desc' });
  const sorted = sortRanking(rows, sort);
  const onSort = (key: SortKey) =>
    setSort((s) => (s.key === key ? { key, direction: s.direction === 'asc' ? 'desc' : 'asc' } : { key, direction: defaultDirection(key) }));
  const header = { sort, onSort };

  return (
    <Table aria-label="Campaign ranking">
      <TableHeader>
        <TableRow>
          <SortHeader column="name" label="Campaign" {...header} />
          <SortHeader column="status" label="Status" {...header} />
          <SortHeader column="decision" label="Gate" {...header} />
          <SortHeader column="roas" label="ROAS 7 d" align="right" {...header} />
          <SortHeader column="cpa" label="CPA 7 d" align="right" {...header} />
          <SortHeader column="revenue" label="Revenue 7 d" align="right" {...header} />
          <SortHeader column="drift" label="Drift" {...header} />
          <SortHeader column="alerts" label="Active alerts" {...header} />
          <TableHead className="sr-only">Drill down</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {sorted.map((row) => {
          const selected = row.id === selectedId;
          return (
            <TableRow
              key={row.id}
              data-testid={`ranking-row-${row.id}`}
              data-state={selected ? 'selected' : undefined}
              className="cursor-pointer"
              onClick={() => navigate(`/campaigns/${row.id}`)}
            >
              <TableCell className="font-medium">
                <Link to={`/campaigns/${row.id}`} className="hover:text-primary hover:underline" onClick={(e) => e.stopPropagation()}>
                  {row.name}
                </Link>
                {row.industry ? <div className="text-xs font-normal text-muted-foreground">{row.industry}</div> : null}
              </TableCell>
              <TableCell>
                <Badge variant={STATUS_VARIANTS[row.status] ?? 'neutral'}>{STATUS_LABELS[row.status] ?? row.status}</Badge>
              </TableCell>
              <TableCell>
                {row.decision ? (
                  <Badge variant={DECISION_VARIANTS[row.decision] ?? 'neutral'}>{DECISION_LABELS[row.decision] ?? row.decision}</Badge>
                ) : (
                  <span className="text-sm text-muted-foreground">Awaiting</span>
                )}
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {row.roas === null ? '—' : `${formatNumber(row.roas, { decimals: 2 })}×`}
                <SourceLabel label={row.roas === null ? null : row.sources.roas} className="block whitespace-nowrap" />
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {formatCurrency(row.cpa, row.currency)}
                <SourceLabel label={row.cpa === null ? null : row.sources.cpa} className="block whitespace-nowrap" />
              </TableCell>
              <TableCell className="text-right tabular-nums">
                {formatCurrency(row.revenue, row.currency)}
                <SourceLabel label={row.revenue === null ? null : row.sources.revenue} className="block whitespace-nowrap" />
              </TableCell>
              <TableCell>
                <DriftCell row={row} />
              </TableCell>
              <TableCell>
                <AlertsCell row={row} />
              </TableCell>
              <TableCell className="text-right">
                <Button
                  variant={selected ? 'secondary' : 'ghost'}
                  size="icon-sm"
                  aria-pressed={selected}
                  aria-label={`Drill down into ${row.name}`}
                  title="Show in the drilldown"
                  className={cn(selected && 'text-primary')}
                  onClick={(e) => {
                    e.stopPropagation();
                    onSelect(row.id);
                  }}
                >
                  <ChartColumn aria-hidden />
                </Button>
              </TableCell>
            </TableRow>
          );
        })}
      </TableBody>
    </Table>
  );
}
