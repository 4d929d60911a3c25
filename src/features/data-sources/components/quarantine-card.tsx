import { CircleAlert, ShieldAlert } from 'lucide-react';
import { useState } from 'react';
import { toast } from '@/components/ui/toast';
import { CSV_TARGET_LABELS } from '@domain/csv-import.ts';
import { sourceLabel } from '@domain/metric-sources.ts';
import { SNAPSHOT_METRICS, type SnapshotMetric } from '@domain/snapshot-quality.ts';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from '@/components/ui/dialog';
import { Input } from '@/components/ui/input';
import { Label } from '@/components/ui/label';
import { Skeleton } from '@/components/ui/skeleton';
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from '@/components/ui/table';
import { useCurrentWorkspace } from '@/hooks/use-current-workspace';
import { errorMessage } from '@/lib/utils';
import { type QuarantinedRow, useQuarantine } from '../api/get-quarantine';
import { StillQuarantinedError, useResolveQuarantine } from '../api/resolve-quarantine';

const CHECK_LABELS: Record<string, string> = {
  negative_value: 'Negative value',
  clicks_above_impressions: 'Clicks > impressions',
  conversions_above_clicks: 'Conversions > clicks',
  future_date: 'Future date',
  outlier: 'Outlier',
};

/** Rows kept out of the figures because they failed a data-quality check; admins fix or discard them. */
export function QuarantineCard() {
  const { workspace, isAdmin } = useCurrentWorkspace();
  const rows = useQuarantine(workspace.id);
  const resolve = useResolveQuarantine(workspace.id);
  const [fixing, setFixing] = useState<QuarantinedRow | null>(null);

  const discard = (row: QuarantinedRow) =>
    resolve.mutate(
      { action: 'discard', id: row.id },
      {
        onSuccess: () => toast.success('Row discarded', { description: `${row.campaign}, ${row.date}` }),
        onError: (error) => toast.error('Could not discard the row', { description: errorMessage(error) }),
      },
    );

  return (
    <Card data-testid="quarantine">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <ShieldAlert className="size-4 text-muted-foreground" aria-hidden />
          Quarantine
          {rows.data?.length ? <Badge variant="warning">{rows.data.length}</Badge> : null}
        </CardTitle>
        <CardDescription>
          Daily rows that failed a data-quality check (negative values, clicks above impressions, conversions above clicks, a future date, an outlier
          over 10× the campaign's usual level). They count nowhere until fixed.{isAdmin ? '' : ' Only admins can fix or discard them.'}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {rows.isPending ? (
          <Skeleton className="h-16 w-full" />
        ) : rows.isError ? (
          <Alert variant="destructive">
            <CircleAlert aria-hidden />
            <AlertDescription>Could not load the quarantine: {errorMessage(rows.error)}</AlertDescription>
          </Alert>
        ) : rows.data.length === 0 ? (
          <p className="rounded-md border border-dashed px-4 py-6 text-center text-sm text-muted-foreground" data-testid="quarantine-empty">
            Nothing in quarantine. Rows that fail a check on import or sync wait here.
          </p>
        ) : (
          <Table aria-label="Quarantined rows">
            <TableHeader>
              <TableRow>
                <TableHead>Day</TableHead>
                <TableHead>Campaign</TableHead>
                <TableHead>Source</TableHead>
                <TableHead>Why</TableHead>
                <TableHead>Values</TableHead>
                {isAdmin ? <TableHead className="w-40"><span className="sr-only">Actions</span></TableHead> : null}
              </TableRow>
            </TableHeader>
            <TableBody>
              {rows.data.map((row) => (
                <TableRow key={row.id} data-quarantine-date={row.date}>
                  <TableCell className="tabular-nums">{row.date}</TableCell>
                  <TableCell className="font-medium">{row.campaign}</TableCell>
                  <TableCell>{sourceLabel(row.data_source)}</TableCell>
                  <TableCell className="text-xs">
                    {row.reasons.map((r, i) => (
                      <div key={i}>
                        <Badge variant="warning" className="mr-1">
                          {CHECK_LABELS[r.check] ?? r.check}
                        </Badge>
                        {r.message}
                      </div>
                    ))}
                  </TableCell>
                  <TableCell className="text-xs text-muted-foreground">{metricsText(row.metrics)}</TableCell>
                  {isAdmin ? (
                    <TableCell className="space-x-2 text-right">
                      <Button size="sm" variant="outline" onClick={() => setFixing(row)}>
                        Fix
                      </Button>
                      <Button size="sm" variant="ghost" onClick={() => discard(row)} disabled={resolve.isPending}>
                        Discard
                      </Button>
                    </TableCell>
                  ) : null}
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </CardContent>
      {fixing ? <FixDialog row={fixing} onClose={() => setFixing(null)} /> : null}
    </Card>
  );
}

function metricsText(metrics: Record<string, number>): string {
  return Object.entries(metrics)
    .map(([k, v]) => `${CSV_TARGET_LABELS[k as SnapshotMetric] ?? k} ${v}`)
    .join(' · ');
}

/** Edit the values, re-validate on the server, write. A row that still fails stays, with the reasons shown. */
function FixDialog({ row, onClose }: { row: QuarantinedRow; onClose: () => void }) {
  const { workspace } = useCurrentWorkspace();
  const resolve = useResolveQuarantine(workspace.id);
  const shown = SNAPSHOT_METRICS.filter((m) => m in row.metrics);
  const [values, setValues] = useState<Record<string, string>>(Object.fromEntries(shown.map((m) => [m, String(row.metrics[m])])));
  const [stillFailing, setStillFailing] = useState<StillQuarantinedError['reasons'] | null>(null);
  const [acceptOutlier, setAcceptOutlier] = useState(false);
  const [invalid, setInvalid] = useState<string | null>(null);
  const onlyOutliers = Boolean(stillFailing?.length) && stillFailing!.every((r) => r.check === 'outlier');

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const metrics: Record<string, number | null> = {};
    for (const m of shown) {
      const text = values[m]?.trim() ?? '';
      if (text === '') metrics[m] = null;
      else if (!Number.isFinite(Number(text))) return setInvalid(`${CSV_TARGET_LABELS[m]} must be a number`);
      else metrics[m] = Number(text);
    }
    setInvalid(null);
    resolve.mutate(
      { action: 'fix', id: row.id, metrics, accept_outlier: acceptOutlier || undefined },
      {
        onSuccess: () => {
          toast.success('Row fixed and written', { description: `${row.campaign}, ${row.date}` });
          onClose();
        },
        onError: (error) => {
          if (error instanceof StillQuarantinedError) setStillFailing(error.reasons);
          else toast.error('Could not fix the row', { description: errorMessage(error) });
        },
      },
    );
  }

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()}>
      <DialogContent>
        <form onSubmit={submit} className="grid gap-4" aria-label="Fix quarantined row">
          <DialogHeader>
            <DialogTitle>
              Fix {row.campaign}, {row.date}
            </DialogTitle>
            <DialogDescription>Correct the values; they are checked again before they are written ({sourceLabel(row.data_source)}).</DialogDescription>
          </DialogHeader>
          <div className="grid grid-cols-2 gap-3">
            {shown.map((m) => (
              <div key={m} className="grid gap-1">
                <Label htmlFor={`fix-${m}`}>{CSV_TARGET_LABELS[m]}</Label>
                <Input id={`fix-${m}`} inputMode="decimal" value={values[m] ?? ''} onChange={(e) => setValues({ ...values, [m]: e.target.value })} />
              </div>
            ))}
          </div>
          {invalid ? <p className="text-xs font-medium text-destructive">{invalid}</p> : null}
          {stillFailing ? (
            <Alert variant="warning" data-testid="fix-still-failing">
              <CircleAlert aria-hidden />
              <AlertDescription>
                Still failing: {stillFailing.map((r) => r.message).join('; ')}
                {onlyOutliers ? (
                  <label className="mt-2 flex items-center gap-2">
                    <input type="checkbox" checked={acceptOutlier} onChange={(e) => setAcceptOutlier(e.target.checked)} />
                    This value is real: accept the outlier
                  </label>
                ) : null}
              </AlertDescription>
            </Alert>
          ) : null}
          <DialogFooter>
            <Button type="button" variant="outline" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={resolve.isPending}>
              Re-check and write
            </Button>
          </DialogFooter>
        </form>
      </DialogContent>
    </Dialog>
  );
}
