/**
 * Precision / recall of the engine against the naive rule ("any metric changed > 20 % day over day within 48 h of
 * an action → alert") on synthetic campaigns with known effects. A unit is one (non-revert) action: positive when an
 * effect was injected, alerted when the method raised an alert naming it.
 */
import { resolveThresholds } from '../thresholds.ts';
import { correlateCampaign } from './index.ts';
import type { Scenario, SyntheticCampaign } from './synthetic.ts';
import { metricSeries, metricsPresent, MS_PER_DAY, MS_PER_HOUR, timedActions, valueOn } from './timeline.ts';
import { type CampaignInputRaw, campaignInputSchema } from './types.ts';

/** Action ids the naive rule alerts on: a > threshold day-over-day change on any day overlapping the 48 h after it. */
export function naiveAlerts(input: CampaignInputRaw, changeThreshold = 0.2, windowHours = 48): Set<string> {
  const campaign = campaignInputSchema.parse(input);
  const alerted = new Set<string>();
  const series = metricsPresent(campaign.snapshots).map((m) => metricSeries(campaign.snapshots, m));
  for (const action of timedActions(campaign.actions)) {
    const lastDay = Math.floor((action.at + windowHours * MS_PER_HOUR - 1) / MS_PER_DAY);
    for (const s of series) {
      for (let d = action.day; d <= lastDay; d++) {
        const v = valueOn(s, d);
        const prev = valueOn(s, d - 1);
        if (v === null || prev === null || prev <= 0) continue;
        if (Math.abs(v / prev - 1) > changeThreshold) alerted.add(action.action.id);
      }
    }
  }
  return alerted;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface MethodScore extends Counts {
  precision: number;
  recall: number;
  f1: number;
  falseAlarmRate: number;
}

export interface EvaluationReport {
  campaigns: number;
  units: number;
  positives: number;
  engine: MethodScore;
  naive: MethodScore;
  byScenario: Record<Scenario, { engine: MethodScore; naive: MethodScore }>;
  bySize: Record<string, { engine: MethodScore; naive: MethodScore }>;
}

function score(c: Counts): MethodScore {
  // 0/0 is undefined (NaN, printed as —): a scenario without injected effects has no recall, and no alerts no precision.
  const precision = c.tp + c.fp === 0 ? Number.NaN : c.tp / (c.tp + c.fp);
  const recall = c.tp + c.fn === 0 ? Number.NaN : c.tp / (c.tp + c.fn);
  const f1 = !(precision + recall > 0) ? Number.NaN : (2 * precision * recall) / (precision + recall);
  const falseAlarmRate = c.fp + c.tn === 0 ? 0 : c.fp / (c.fp + c.tn);
  return { ...c, precision, recall, f1, falseAlarmRate };
}

const empty = (): Counts => ({ tp: 0, fp: 0, fn: 0, tn: 0 });
function tally(c: Counts, truth: boolean, alerted: boolean) {
  if (truth && alerted) c.tp++;
  else if (truth) c.fn++;
  else if (alerted) c.fp++;
  else c.tn++;
}

/** Runs both methods over the suite and scores them (engine alerts = alerts from correlateCampaign). */
export function evaluate(suite: readonly SyntheticCampaign[], now = '2025-06-01T00:00:00Z'): EvaluationReport {
  const th = resolveThresholds().correlation;
  const engine = empty();
  const naive = empty();
  const scen = new Map<Scenario, { engine: Counts; naive: Counts }>();
  const size = new Map<string, { engine: Counts; naive: Counts }>();
  let units = 0;
  let positives = 0;
  for (const { campaign, truth } of suite) {
    const result = correlateCampaign(campaign, { now });
    const engineAlerted = new Set(result.alerts.map((a) => a.trigger_action_id));
    const naiveAlerted = naiveAlerts(campaign, th.metricChangeThreshold, th.timeWindowHours);
    const s = scen.get(truth.scenario) ?? { engine: empty(), naive: empty() };
    scen.set(truth.scenario, s);
    for (const [actionId, t] of Object.entries(truth.effects)) {
      const positive = t.effect !== 0;
      units++;
      if (positive) positives++;
      tally(engine, positive, engineAlerted.has(actionId));
      tally(naive, positive, naiveAlerted.has(actionId));
      tally(s.engine, positive, engineAlerted.has(actionId));
      tally(s.naive, positive, naiveAlerted.has(actionId));
      const bucket = !positive ? 'none' : Math.abs(t.effect) < 0.4 ? '25–40 %' : Math.abs(t.effect) < 0.55 ? '40–55 %' : '55–70 %';
      const b = size.get(bucket) ?? { engine: empty(), naive: empty() };
      size.set(bucket, b);
      tally(b.engine, positive, engineAlerted.has(actionId));
      tally(b.naive, positive, naiveAlerted.has(actionId));
    }
  }
  const mapScores = <K extends string>(m: Map<K, { engine: Counts; naive: Counts }>) =>
    Object.fromEntries([...m.entries()].map(([k, v]) => [k, { engine: score(v.engine), naive: score(v.naive) }])) as Record<
      K,
      { engine: MethodScore; naive: MethodScore }
    >;
  return {
    campaigns: suite.length,
    units,
    positives,
    engine: score(engine),
    naive: score(naive),
    byScenario: mapScores(scen),
    bySize: mapScores(size),
  };
}

/** The report as a fixed-width text table. */
export function formatReport(report: EvaluationReport): string {
  const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(1)}%` : '—').padStart(7);
  const row = (label: string, m: MethodScore) =>
    `${label.padEnd(26)}${pct(m.precision)}${pct(m.recall)}${pct(m.f1)}${pct(m.falseAlarmRate)}   ${String(m.tp).padStart(4)} ${String(m.fp).padStart(4)} ${String(m.fn).padStart(4)} ${String(m.tn).padStart(4)}`;
  const lines = [
    `${report.campaigns} synthetic campaigns, ${report.units} actions, ${report.positives} with an injected effect`,
    '',
    `${'method'.padEnd(26)}${'prec'.padStart(7)}${'recall'.padStart(7)}${'F1'.padStart(7)}${'FAR'.padStart(7)}     TP   FP   FN   TN`,
    row('engine', report.engine),
    row('naive 20 %/48 h', report.naive),
    '',
    'by scenario',
  ];
  for (const [k, v] of Object.entries(report.byScenario)) {
    lines.push(row(`  ${k} · engine`, v.engine), row(`  ${k} · naive`, v.naive));
  }
  lines.push('', 'by injected effect size');
  for (const k of ['25–40 %', '40–55 %', '55–70 %', 'none']) {
    const v = report.bySize[k];
    if (v) lines.push(row(`  ${k} · engine`, v.engine), row(`  ${k} · naive`, v.naive));
  }
  return lines.join('\n');
}
