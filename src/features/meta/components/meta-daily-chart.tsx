import { format, parseISO } from 'date-fns';
import { Bar, CartesianGrid, ComposedChart, Legend, Line, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatCurrency, formatNumber } from '@/lib/format';
import { SourceLabel } from '@/components/source-label';
import type { CampaignDay } from '../api/get-campaign-performance';

const shortDate = (date: string) => format(parseISO(date), 'MMM d');
const SERIES = { revenue: 'Revenue', spend: 'Spend', conversions: 'Purchases' } as const;

type Sources = Record<'revenue' | 'spend' | 'conversions', string | null>;

/**
 * Day by day, each series from the source that counts for it: revenue and spend (money, left) and purchases
 * (bars, right). A day the source did not report is a gap, not a zero.
 */
export function MetaDailyChart({ rows, currency, campaignName, sources }: { rows: CampaignDay[]; currency: string; campaignName: string; sources: Sources }) {
  const points = rows.map((r) => ({ date: r.date, revenue: r.revenue, spend: r.spend, conversions: r.conversions }));
  const caption = (['revenue', 'spend', 'conversions'] as const).filter((k) => sources[k]).map((k) => `${SERIES[k]} ${sources[k]}`);
  return (
    <div className="grid gap-1">
      <div className="h-72 w-full" data-testid="meta-daily-chart" data-points={points.length} role="img" aria-label={`${campaignName}: daily ${caption.join(', ')}`}>
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="hsl(var(--border))" vertical={false} />
            <XAxis dataKey="date" tickFormatter={shortDate} tick={{ fontSize: 12 }} stroke="hsl(var(--muted-foreground))" minTickGap={16} />
            <YAxis yAxisId="money" tickFormatter={(v: number) => formatCurrency(v, currency)} tick={{ fontSize: 12 }} width={72} stroke="hsl(var(--muted-foreground))" />
            <YAxis yAxisId="count" orientation="right" tickFormatter={(v: number) => formatNumber(v, { compact: true })} tick={{ fontSize: 12 }} width={40} stroke="hsl(var(--muted-foreground))" />
            <Tooltip
              labelFormatter={(label) => format(parseISO(String(label)), 'EEE, MMM d')}
              formatter={(value, name) => [name === 'Purchases' ? formatNumber(Number(value)) : formatCurrency(Number(value), currency), name]}
            />
            <Legend wrapperStyle={{ fontSize: 12 }} />
            <Bar yAxisId="count" dataKey="conversions" name="Purchases" fill="#c7d2fe" radius={[3, 3, 0, 0]} isAnimationActive={false} />
            <Line yAxisId="money" type="monotone" dataKey="revenue" name="Revenue" stroke="#059669" strokeWidth={2.5} dot={false} isAnimationActive={false} />
            <Line yAxisId="money" type="monotone" dataKey="spend" name="Spend" stroke="#dc2626" strokeWidth={2} strokeDasharray="5 3" dot={false} isAnimationActive={false} />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <SourceLabel label={caption.join(' · ')} className="text-xs" />
    </div>
  );
}
