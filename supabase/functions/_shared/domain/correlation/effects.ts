/**
 * The effect of every completed action, alerting or not: a step at the action's time fitted on the pooled outcome
 * series (sales, revenue, conversions; weekday effects removed), up to the next change a day or more later, as a
 * percentage with its 95 % interval. Also the workspace's library of what worked: effects by action type and metric.
 */
import { z } from 'zod';
import { pooledLogSeries, stepModel } from './step-model.ts';
import { type DailySeries, metricSeries, MS_PER_HOUR, timedActions } from './timeline.ts';
import { type CampaignInput, type CorrelationFinding, METRICS, type Metric } from './types.ts';
import { round } from './stats.ts';

const POOLED: Metric[] = ['sales', 'revenue', 'conversions'];

/** action_effects.details (jsonb). */
export const actionEffectDetailsSchema = z.object({
  pooled_metrics: z.array(z.enum(METRICS)),
  pre_days: z.number().int().nonnegative(),
  post_days: z.number().int().nonnegative(),
  z: z.number(),
  cause_of_shift: z.boolean().nullable(),
});
export type ActionEffectDetails = z.output<typeof actionEffectDetailsSchema>;

/** One action_effects row as the analysis writes it (and readers parse it). */
export const actionEffectSchema = z.object({
  action_id: z.string().min(1),
  action_type: z.string().min(1),
  metric: z.enum(METRICS),
  change_pct: z.number().min(-100),
  lower_pct: z.number().min(-100),
  upper_pct: z.number(),
  significant: z.boolean(),
  note: z.string().max(500).nullable(),
  details: actionEffectDetailsSchema,
});
export type ActionEffect = z.output<typeof actionEffectSchema>;

/** Effects (percent, 95 % interval) of every completed action with a day after it and four before (seven days in all). */
export function estimateActionEffects(campaign: CampaignInput, findings: readonly CorrelationFinding[] = []): ActionEffect[] {
  const actions = timedActions(campaign.actions).filter((a) => a.action.status !== 'in_progress');
  const pooled = POOLED.map((m) => metricSeries(campaign.snapshots, m)).filter((s) => s.values.some((v) => v !== null && v > 0));
  if (pooled.length === 0) return [];
  const start = Math.min(...pooled.map((s: DailySeries) => s.start));
  const end = Math.max(...pooled.map((s) => s.start + s.values.length - 1));
  const effects: ActionEffect[] = [];
  for (const action of actions) {
    const next = actions.find((b) => b.at > action.at + 24 * MS_PER_HOUR);
    const fromDay = Math.max(start, action.day - 21);
    const toDay = Math.min(end, next ? next.day - 1 : end, action.day + 14);
    if (toDay <= action.day || action.day - fromDay < 4) continue;
    const model = stepModel(pooledLogSeries(pooled, fromDay, toDay));
    const fit = model?.fitAt(action.at);
    if (!fit || !Number.isFinite(fit.standardError)) continue;
    const own = findings.filter((f) => f.action_id === action.action.id && POOLED.includes(f.metric));
    const note = own.find((f) => f.onset_note)?.onset_note ?? null;
    effects.push({
      action_id: action.action.id,
      action_type: action.action.action_type,
      metric: pooled[0].metric,
      change_pct: percentOf(fit.effect),
      lower_pct: percentOf(fit.effect - 1.96 * fit.standardError),
      upper_pct: percentOf(fit.effect + 1.96 * fit.standardError),
      significant: Math.abs(fit.z) >= 1.96 && note === null,
      note,
      details: {
        pooled_metrics: pooled.map((s) => s.metric),
        pre_days: action.day - fromDay,
        post_days: toDay - action.day,
        z: round(fit.z, 2),
        cause_of_shift: own.length ? own.some((f) => f.cause_of_shift) : null,
      },
    });
  }
  return effects;
}

/** A log effect in percent (at least −100 %), one decimal. */
function percentOf(logEffect: number): number {
  return round(Math.max(-100, (Math.exp(logEffect) - 1) * 100), 1);
}

function signed(v: number): string {
  const r = Math.round(v);
  return `${r > 0 ? '+' : r < 0 ? '−' : '±'}${Math.abs(r)} %`;
}

/** "+12 % sales (−3 % to +27 %), not significant". */
export function formatEffect(e: Pick<ActionEffect, 'change_pct' | 'lower_pct' | 'upper_pct' | 'significant' | 'metric'>): string {
  return `${signed(e.change_pct)} ${e.metric} (${signed(e.lower_pct)} to ${signed(e.upper_pct)}), ${e.significant ? 'significant' : 'not significant'}`;
}

export interface EffectLibraryRow {
  action_type: string;
  metric: Metric;
  actions: number;
  median_change_pct: number;
  significant_up: number;
  significant_down: number;
}

/** What worked across a workspace: per action type and metric, how many actions, the median effect and how many clearly moved it. */
export function effectLibrary(effects: ReadonlyArray<Pick<ActionEffect, 'action_type' | 'metric' | 'change_pct' | 'significant'>>): EffectLibraryRow[] {
  const groups = new Map<string, typeof effects[number][]>();
  for (const e of effects) {
    const key = `${e.action_type}\u0000${e.metric}`;
    groups.set(key, [...(groups.get(key) ?? []), e]);
  }
  return [...groups.values()]
    .map((list) => {
      const sorted = list.map((e) => e.change_pct).sort((a, b) => a - b);
      const mid = Math.floor(sorted.length / 2);
      const median = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
      return {
        action_type: list[0].action_type,
        metric: list[0].metric,
        actions: list.length,
        median_change_pct: round(median, 1),
        significant_up: list.filter((e) => e.significant && e.change_pct > 0).length,
        significant_down: list.filter((e) => e.significant && e.change_pct < 0).length,
      };
    })
    .sort((a, b) => b.actions - a.actions || a.action_type.localeCompare(b.action_type));
}

/** A dismissal the analysis learns from: the alert's action type, lead metric and the reason given. */
export const dismissalSchema = z.object({
  action_type: z.string().min(1),
  metric: z.enum(METRICS),
  reason: z.enum(['wrong_cause', 'expected_change', 'noise']),
});
export type Dismissal = z.output<typeof dismissalSchema>;

/**
 * Priors per action type and metric from dismissals: each "wrong cause" or "noise" multiplies the prior by 0.7
 * (floor 0.2); "expected change" says the engine was right, so it changes nothing.
 */
export function causePriorsFromDismissals(dismissals: readonly Dismissal[]): Array<{ action_type: string; metric: Metric; weight: number }> {
  const counts = new Map<string, { action_type: string; metric: Metric; n: number }>();
  for (const d of dismissals) {
    if (d.reason === 'expected_change') continue;
    const key = `${d.action_type}\u0000${d.metric}`;
    const c = counts.get(key) ?? { action_type: d.action_type, metric: d.metric, n: 0 };
    c.n++;
    counts.set(key, c);
  }
  return [...counts.values()].map((c) => ({ action_type: c.action_type, metric: c.metric, weight: round(Math.max(0.2, 0.7 ** c.n), 3) }));
}
