import { format, parseISO } from 'date-fns';
import { Area, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCurrency, formatNumber } from '@/lib/format';
import type { ImpactChartRow } from '../utils/alert-data';

function shortDate(date: string): string {
  return format(parseISO(date), 'MMM d');
}

/** The action's title above its reference line, running away from the nearer edge of the chart. */
function ActionLabel({ viewBox, text, towardsLeft }: { viewBox?: unknown; text: string; towardsLeft: boolean }) {
  const box = viewBox as { x?: number; y?: number } | undefined;
  if (box?.x === undefined || box.y === undefined) return null;
  return (
    <text x={box.x + (towardsLeft ? -4 : 4)} y={box.y - 8} textAnchor={towardsLeft ? 'end' : 'start'} fontSize={11} fill="#0f172a">
      {text}
    </text>
  );
}

/**
 * Before/after impact of the action on the metric: what was observed, what the pre-period predicts would have
 * happened without the action (the counterfactual) with its 95 % band, the action itself, and the recovery line.
 */
export function ImpactChart({
  rows,
  actionDate,
  actionLabel,
  metricLabel,
  money,
  currency = 'USD',
  recoveryLine,
}: {
  rows: ImpactChartRow[];
  actionDate: string | null;
  actionLabel: string;
  metricLabel: string;
  money: boolean;
  currency?: string;
  recoveryLine?: number | null;
}) {
  const value = (v: number | null | undefined) => (money ? formatCurrency(v, currency) : formatNumber(v));
  // The reference line needs a date that is on the axis: the action's day, or the first charted day after it.
  const actionTick = actionDate ? (rows.find((r) => r.date >= actionDate)?.date ?? null) : null;
  // An action in the chart's right half gets its label on the line's left, so a long title is not cut off.
  const actionLate = actionTick !== null && rows.findIndex((r) => r.date === actionTick) > rows.length / 2;
  return (
    <div className="h-72 w-full" data-testid="impact-chart" role="img" aria-label={`${metricLabel}: observed against expected without the change`}>
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={rows} margin={{ top: 28, right: 24, bottom: 0, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="hsl(var(--border))" vertical={false} />
          <XAxis dataKey="date" tickFormatter={shortDate} tick={{ fontSize: 12 }} stroke="hsl(var(--muted-foreground))" />
          <YAxis tickFormatter={(v: number) => (money ? formatCurrency(v, currency) : formatNumber(v, { compact: true }))} tick={{ fontSize: 12 }} width={64} stroke="hsl(var(--muted-foreground))" />
          <Tooltip
            labelFormatter={(label) => format(parseISO(String(label)), 'EEE, MMM d')}
            formatter={(v, name) => (Array.isArray(v) ? [`${value(Number(v[0]))} – ${value(Number(v[1]))}`, name] : [value(Number(v)), name])}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Area type="linear" dataKey="band" name="Expected range (95%)" stroke="none" fill="#6366f1" fillOpacity={0.12} isAnimationActive={false} />
          <Line type="linear" dataKey="counterfactual" name="Expected without the change" stroke="#6366f1" strokeDasharray="6 4" strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line type="linear" dataKey="observed" name={`${metricLabel} observed`} stroke="#dc2626" strokeWidth={2.5} dot={{ r: 3 }} connectNulls isAnimationActive={false} />
          {actionTick ? (
            <ReferenceLine x={actionTick} stroke="#0f172a" strokeDasharray="3 3" label={(props: { viewBox?: unknown }) => <ActionLabel viewBox={props.viewBox} text={actionLabel} towardsLeft={actionLate} />} />
          ) : null}
          {recoveryLine ? (
            <ReferenceLine y={recoveryLine} stroke="#059669" strokeDasharray="2 4" label={{ value: 'Recovery line', position: 'insideBottomLeft', fontSize: 11, fill: '#059669' }} />
          ) : null}
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
