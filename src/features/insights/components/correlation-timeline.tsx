import { format, parseISO } from 'date-fns';
import { Activity, Undo2, Zap } from 'lucide-react';
import { useMemo, useState } from 'react';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { EmptyState } from '@/components/ui/empty-state';
import { Skeleton } from '@/components/ui/skeleton';
import { Tooltip, TooltipContent, TooltipProvider, TooltipTrigger } from '@/components/ui/tooltip';
import { formatCurrency, formatDateTime, formatNumber, formatPercent } from '@/lib/format';
import { cn } from '@/lib/utils';
import { useCorrelationTimeline } from '../api/get-correlation-timeline';
import { useElementWidth } from '../hooks/use-element-width';
import { useTimelineRealtime } from '../hooks/use-timeline-realtime';
import { buildTimelineModel, clusterLinks, defaultMetrics } from '../utils/timeline-model';
import { LinkTooltip, MarkerTooltip, metricLabel } from './timeline-tooltips';

const ACTION_TRACK = 64;
const GAP = 36;
const METRIC_TRACK = 200;
const AXIS = 24;
const PAD_X = 16;
const HEIGHT = ACTION_TRACK + GAP + METRIC_TRACK + AXIS;
const METRIC_TOP = ACTION_TRACK + GAP;
const LINE_COLORS = ['#2563eb', '#9333ea', '#0891b2'];
const IMPACT_COLORS = { negative: '#dc2626', positive: '#059669', neutral: '#64748b' } as const;
const MONEY = new Set(['sales', 'revenue', 'spend', 'cpa']);
/**
 * The correlation timeline (docs/domain-rules.md, Correlation engine: timeline): the campaign's actions on the top track,
 * its daily metrics as lines below, a connecting line from each correlated action to the day its metric change
 * began, and the AI's annotations in tooltips. `focusActionId` highlights one action (e.g. an alert's).
 */
export function CorrelationTimeline({ campaignId, focusActionId, currency = 'USD', className }: { campaignId: string; focusActionId?: string | null; currency?: string; className?: string }) {
  const query = useCorrelationTimeline(campaignId);
  const [ref, width] = useElementWidth();
  const [chosen, setChosen] = useState<string[] | null>(null);

  useTimelineRealtime(campaignId);

  const metrics = chosen ?? defaultMetrics(query.data?.correlations ?? []);
  const model = useMemo(() => (query.data ? buildTimelineModel({ ...query.data, metrics }) : null), [query.data, metrics]);
  const available = useMemo(() => {
    const present = new Set<string>();
    for (const s of query.data?.snapshots ?? []) for (const m of ['sales', 'revenue', 'conversions', 'roas', 'cpa', 'clicks']) if (s[m] !== null && s[m] !== undefined) present.add(m);
    return [...present];
  }, [query.data]);

  const inner = Math.max(0, width - PAD_X * 2);
  const px = (x: number) => PAD_X + x * inner;
  const py = (y: number) => METRIC_TOP + (1 - y) * (METRIC_TRACK - 12) + 6;
  const show = (metric: string, v: number | null) => (MONEY.has(metric) ? formatCurrency(v, currency) : formatNumber(v));
  const labelEvery = model ? Math.max(1, Math.ceil(model.days.length / Math.max(1, Math.floor(inner / 56)))) : 1;

  return (
    <TooltipProvider>
      <Card className={className} data-testid="correlation-timeline">
        <CardHeader className="flex-row flex-wrap items-start justify-between gap-3">
          <div className="space-y-1">
            <CardTitle className="flex items-center gap-2">
              <Activity className="size-4 text-primary" aria-hidden />
              Correlation timeline
            </CardTitle>
            <CardDescription>Actions on the top track, daily metrics below; a line joins an action to the change it correlates with. Hover for the annotation.</CardDescription>
          </div>
          <div className="flex flex-wrap gap-1.5" role="group" aria-label="Metrics shown">
            {available.map((m) => {
              const on = metrics.includes(m);
              return (
                <button
                  key={m}
                  type="button"
                  aria-pressed={on}
                  onClick={() => setChosen(on ? metrics.filter((x) => x !== m) : [...metrics, m].slice(-3))}
                  className={cn(
                    'rounded-full border px-2.5 py-0.5 text-xs font-medium transition-colors focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring',
                    on ? 'border-primary bg-primary/10 text-primary' : 'text-muted-foreground hover:bg-muted',
                  )}
                >
                  {metricLabel(m)}
                </button>
              );
            })}
          </div>
        </CardHeader>
        <CardContent>
          {query.isPending ? (
            <Skeleton className="h-[324px]" />
          ) : query.isError ? (
            <EmptyState title="Could not load the timeline" description={query.error.message} />
          ) : !model ? (
            <EmptyState icon={Activity} title="No data yet" description="Daily snapshots and completed action cards of this campaign will appear here." />
          ) : (
            <div ref={ref} className="relative w-full select-none" style={{ height: HEIGHT }}>
              {width > 0 ? (
                <>
                  <svg width={width} height={HEIGHT} className="absolute inset-0" aria-hidden>
                    <text x={PAD_X} y={12} className="fill-muted-foreground text-[11px]">Actions</text>
                    <line x1={PAD_X} x2={width - PAD_X} y1={ACTION_TRACK / 2 + 8} y2={ACTION_TRACK / 2 + 8} stroke="hsl(var(--border))" />
                    <text x={PAD_X} y={METRIC_TOP - 6} className="fill-muted-foreground text-[11px]">Metrics (each scaled to its own maximum)</text>
                    <rect x={PAD_X} y={METRIC_TOP} width={inner} height={METRIC_TRACK} fill="hsl(var(--muted))" opacity={0.35} rx={6} />
                    {model.days.map((d, i) => (
                      <g key={d.date}>
                        <line x1={px(d.x)} x2={px(d.x)} y1={METRIC_TOP} y2={METRIC_TOP + METRIC_TRACK} stroke="hsl(var(--border))" strokeDasharray="2 4" />
                        {i % labelEvery === 0 ? (
                          <text x={px(d.x)} y={HEIGHT - 6} textAnchor="middle" className="fill-muted-foreground text-[11px]">
                            {format(parseISO(d.date), 'MMM d')}
                          </text>
                        ) : null}
                      </g>
                    ))}
                    {model.series.map((s, i) => {
                      const pts = s.points.filter((p) => p.y !== null);
                      return (
                        <g key={s.metric}>
                          <polyline
                            fill="none"
                            stroke={LINE_COLORS[i % LINE_COLORS.length]}
                            strokeWidth={2.5}
                            strokeLinejoin="round"
                            points={pts.map((p) => `${px(p.x)},${py(p.y!)}`).join(' ')}
                          />
                          {pts.map((p) => (
                            <circle key={p.date} cx={px(p.x)} cy={py(p.y!)} r={3} fill={LINE_COLORS[i % LINE_COLORS.length]}>
                              <title>{`${metricLabel(s.metric)} ${format(parseISO(p.date), 'MMM d')}: ${show(s.metric, p.value)}`}</title>
                            </circle>
                          ))}
                        </g>
                      );
                    })}
                    {model.links.map((l) => {
                      const x1 = px(l.x1);
                      const y1 = ACTION_TRACK / 2 + 20;
                      const x2 = px(l.x2);
                      const y2 = py(l.y2);
                      const focus = !focusActionId || l.actionId === focusActionId;
                      return (
                        <path
                          key={l.id}
                          data-testid="timeline-link"
                          d={`M ${x1} ${y1} C ${x1} ${(y1 + y2) / 2}, ${x2} ${(y1 + y2) / 2}, ${x2} ${y2}`}
                          fill="none"
                          stroke={IMPACT_COLORS[l.impact]}
                          strokeWidth={focus ? 2 : 1.25}
                          strokeDasharray="5 4"
                          opacity={focus ? 0.95 : 0.45}
                        />
                      );
                    })}
                  </svg>
                  {model.markers.map((m) => {
                    const focus = m.id === focusActionId;
                    const Icon = m.isRevert ? Undo2 : Zap;
                    return (
                      <Tooltip key={m.id}>
                        <TooltipTrigger asChild>
                          <button
                            type="button"
                            data-testid="timeline-action"
                            aria-label={`${m.title}, ${formatDateTime(m.at)}`}
                            className={cn(
                              'absolute flex size-7 -translate-x-1/2 items-center justify-center rounded-full border-2 bg-background shadow-sm focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring',
                              focus && 'size-8 ring-2 ring-offset-2',
                            )}
                            style={{ left: px(m.x), top: ACTION_TRACK / 2 - 6, borderColor: IMPACT_COLORS[m.impact], color: IMPACT_COLORS[m.impact] }}
                          >
                            <Icon className="size-3.5" aria-hidden />
                          </button>
                        </TooltipTrigger>
                        <TooltipContent side="top">
                          <MarkerTooltip marker={m} />
                        </TooltipContent>
                      </Tooltip>
                    );
                  })}
                  {clusterLinks(
                    model.links.map((l) => ({ ...l, x: px(l.x2), y: py(l.y2) })),
                    10,
                  ).map((cluster) => {
                    const [first] = cluster;
                    return (
                      <Tooltip key={`dot-${first.id}`}>
                        <TooltipTrigger asChild>
                          <button
                            type="button"
                            data-testid="timeline-change"
                            aria-label={`${cluster.map((l) => `${metricLabel(l.metric)} ${formatPercent(l.changePct, { signed: true })}`).join(', ')}: annotation`}
                            className="absolute size-4 -translate-x-1/2 -translate-y-1/2 rounded-full border-2 border-background shadow focus-visible:outline-none focus-visible:ring-2 focus-visible:ring-ring"
                            style={{ left: first.x, top: first.y, background: IMPACT_COLORS[first.impact] }}
                          />
                        </TooltipTrigger>
                        <TooltipContent side="bottom">
                          <LinkTooltip links={cluster} />
                        </TooltipContent>
                      </Tooltip>
                    );
                  })}
                </>
              ) : null}
            </div>
          )}
          {model ? (
            <div className="mt-3 flex flex-wrap items-center gap-4 text-xs text-muted-foreground">
              {model.series.map((s, i) => (
                <span key={s.metric} className="inline-flex items-center gap-1.5">
                  <span className="h-0.5 w-4 rounded" style={{ background: LINE_COLORS[i % LINE_COLORS.length] }} />
                  {metricLabel(s.metric)} (max {show(s.metric, s.max)})
                </span>
              ))}
              <span className="inline-flex items-center gap-1.5">
                <span className="h-0 w-4 border-t-2 border-dashed border-red-600" /> correlated decline
              </span>
              <span className="inline-flex items-center gap-1.5">
                <span className="h-0 w-4 border-t-2 border-dashed border-emerald-600" /> correlated improvement
              </span>
            </div>
          ) : null}
        </CardContent>
      </Card>
    </TooltipProvider>
  );
}
