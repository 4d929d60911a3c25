import type { DriftReport, DriftSeverity } from '@domain/drift.ts';
import { Bar, BarChart, CartesianGrid, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';

const SEVERITY_COLOR: Record<DriftSeverity, string> = {
  'On Track': '#10b981',
  'At Risk': '#f59e0b',
  Blocked: '#dc2626',
  Pending: '#cbd5e1',
};

/** Planned vs actual days per phase; actual bars take the phase's severity colour. */
export function DriftTimelineChart({ report }: { report: DriftReport }) {
  const data = report.phases.map((p) => ({ name: p.name, planned: p.planned_days, actual: p.actual_days ?? 0, severity: p.severity }));
  return (
    <figure className="grid gap-2" data-testid="drift-chart">
      <div className="h-64 w-full" role="img" aria-label="Planned versus actual days per phase">
        <ResponsiveContainer width="100%" height="100%">
          <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: -16 }} barGap={2}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} stroke="#e2e8f0" />
            <XAxis dataKey="name" tickLine={false} axisLine={false} fontSize={12} />
            <YAxis allowDecimals={false} tickLine={false} axisLine={false} fontSize={12} unit=" d" />
            <Tooltip formatter={(value, name) => [`${value} ${value === 1 ? 'day' : 'days'}`, name === 'planned' ? 'Planned' : 'Actual']} cursor={{ fill: 'rgba(148,163,184,0.12)' }} />
            <Bar dataKey="planned" fill="#94a3b8" radius={[3, 3, 0, 0]} isAnimationActive={false} />
            <Bar dataKey="actual" fill="#6366f1" radius={[3, 3, 0, 0]} isAnimationActive={false}>
              {data.map((d) => (
                <Cell key={d.name} fill={SEVERITY_COLOR[d.severity]} />
              ))}
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      </div>
      <figcaption className="flex flex-wrap items-center justify-center gap-x-4 gap-y-1 text-xs text-muted-foreground">
        <LegendSwatch color="#94a3b8" label="Planned days" />
        <span>Actual days:</span>
        {(['On Track', 'At Risk', 'Blocked'] as const).map((s) => (
          <LegendSwatch key={s} color={SEVERITY_COLOR[s]} label={s} />
        ))}
      </figcaption>
    </figure>
  );
}

function LegendSwatch({ color, label }: { color: string; label: string }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <span className="size-2.5 rounded-sm" style={{ backgroundColor: color }} aria-hidden />
      {label}
    </span>
  );
}
