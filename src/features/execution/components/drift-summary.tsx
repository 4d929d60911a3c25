import type { DriftReport } from '@domain/drift.ts';
import { DriftSeverityBadge } from '@/components/drift-severity-badge';
import { formatDate, formatDriftDays, formatPercent } from '@/lib/format';

function Stat({ label, children, testId }: { label: string; children: React.ReactNode; testId?: string }) {
  return (
    <div className="rounded-md border p-3" data-testid={testId}>
      <div className="text-xs uppercase tracking-wide text-muted-foreground">{label}</div>
      <div className="mt-1 text-sm font-medium">{children}</div>
    </div>
  );
}

/** Overall status, launch drift, cumulative drift and the first point of failure; predicted delays below. */
export function DriftSummary({ report }: { report: DriftReport }) {
  const launch = report.launch;
  const fpf = report.first_point_of_failure;
  return (
    <div className="grid gap-3">
      <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-4">
        <Stat label="Operational health" testId="overall-severity">
          <DriftSeverityBadge severity={report.overall_severity} />
        </Stat>
        <Stat label="Cumulative drift" testId="cumulative-drift">
          {formatDriftDays(report.cumulative_drift_days)}
        </Stat>
        <Stat label={launch.projected ? 'Launch (projected)' : 'Launch'} testId="launch-drift">
          {launch.phase === null ? (
            'No launch phase'
          ) : (
            <>
              {formatDate(launch.actual_date ?? launch.projected_date)}
              <span className="ml-1 text-muted-foreground">
                {launch.drift_days === null ? '(no planned date)' : `(${formatDriftDays(launch.drift_days)} vs ${formatDate(launch.planned_date)})`}
              </span>
            </>
          )}
        </Stat>
        <Stat label="First point of failure" testId="first-point-of-failure">
          {fpf ? (
            <>
              {fpf.phase} <span className="text-muted-foreground">({formatDriftDays(fpf.drift_days)})</span>
            </>
          ) : (
            'None'
          )}
        </Stat>
      </div>
      {fpf ? <p className="text-sm text-muted-foreground">{fpf.reason}.</p> : null}
      {report.predictions.length > 0 ? (
        <div className="grid gap-1.5">
          <h4 className="text-sm font-semibold">Predicted delay for upcoming phases</h4>
          <ul className="grid gap-1 text-sm">
            {report.predictions.map((p) => (
              <li key={p.name} className="flex flex-wrap items-baseline gap-x-2" title={p.rationale}>
                <span className="font-medium">{p.name}</span>
                <span>{formatPercent(p.delay_probability, { ratio: true })} chance of running late</span>
                <span className="text-muted-foreground">· expected +{p.expected_delay_days} d · {p.confidence} confidence ({p.basis})</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
