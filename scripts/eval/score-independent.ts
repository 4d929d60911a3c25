/**
 * Scores alerts (the CLI's `--json` shape) against the independent campaigns' truth, the way a marketer would read
 * them: an alert is right when it names the action that caused the shift and a metric that moved the way it says;
 * every other alert is a false alarm, and so is a second alert for the same shift ("never two alerts for one shift").
 */
import type { IndependentClass, IndependentTruth } from './independent-campaigns.ts';

export interface ScoredAlert {
  campaign_id: string;
  trigger_action_id: string;
  metric: string;
  change_pct: number;
  confidence: number;
}

export interface ClassScore {
  campaigns: number;
  /** Campaigns with at least one alert. */
  alerted: number;
  /** Campaigns whose cause was named by a right alert. */
  found: number;
  alerts: number;
  right: number;
}

export interface IndependentScore {
  campaigns: number;
  alerts: number;
  truePositives: number;
  falsePositives: number;
  positives: number;
  precision: number;
  recall: number;
  f1: number;
  /** Share of null campaigns with any alert. */
  nullFalseAlarmRate: number;
  /** Type 1: share of pre-existing-shift campaigns with no alert. */
  preexistingNotAlerted: number;
  /** Type 2: share of two-action campaigns where the first action (the cause) alone was named. */
  twoActionsRightAction: number;
  /** Type 3: share of single-action effects found. */
  singleRecall: number;
  byClass: Record<IndependentClass, ClassScore>;
  /** Confidence band → alerts in it and the share that were right. */
  reliability: Array<{ band: string; alerts: number; right: number; precision: number | null }>;
}

/** Whether one alert names the cause and a metric that moved in the stated direction. */
export function isRightAlert(alert: ScoredAlert, truth: IndependentTruth): boolean {
  if (!truth.cause_action_id || alert.trigger_action_id !== truth.cause_action_id) return false;
  const sign = truth.moved[alert.metric];
  if (!sign) return false;
  return Math.sign(alert.change_pct) === sign;
}

const BANDS: Array<[number, number]> = [
  [0, 0.5],
  [0.5, 0.6],
  [0.6, 0.7],
  [0.7, 0.8],
  [0.8, 0.9],
  [0.9, 1.0001],
];

/** Precision per confidence band of scored items ({confidence, right}). */
export function reliabilityTable(items: ReadonlyArray<{ confidence: number; right: boolean }>): IndependentScore['reliability'] {
  return BANDS.map(([lo, hi]) => {
    const inBand = items.filter((i) => i.confidence >= lo && i.confidence < hi);
    const right = inBand.filter((i) => i.right).length;
    return {
      band: `${Math.round(lo * 100)}–${Math.min(100, Math.round(hi * 100))} %`,
      alerts: inBand.length,
      right,
      precision: inBand.length ? right / inBand.length : null,
    };
  });
}

export function scoreIndependent(alerts: readonly ScoredAlert[], truths: readonly IndependentTruth[]): IndependentScore {
  const byCampaign = new Map<string, ScoredAlert[]>();
  for (const a of alerts) byCampaign.set(a.campaign_id, [...(byCampaign.get(a.campaign_id) ?? []), a]);
  const empty = (): ClassScore => ({ campaigns: 0, alerted: 0, found: 0, alerts: 0, right: 0 });
  const byClass: Record<IndependentClass, ClassScore> = { null: empty(), preexisting: empty(), two_actions: empty(), single: empty() };
  let tp = 0;
  let fp = 0;
  let positives = 0;
  let twoRight = 0;
  const scored: Array<{ confidence: number; right: boolean }> = [];
  for (const truth of truths) {
    const mine = [...(byCampaign.get(truth.campaign_id) ?? [])].sort((a, b) => b.confidence - a.confidence);
    const c = byClass[truth.class];
    c.campaigns++;
    c.alerts += mine.length;
    if (mine.length) c.alerted++;
    if (truth.cause_action_id) positives++;
    let foundHere = false;
    for (const alert of mine) {
      // Only the first right alert counts; a second one for the same shift is noise to the reader.
      const right = !foundHere && isRightAlert(alert, truth);
      scored.push({ confidence: alert.confidence, right });
      if (right) {
        foundHere = true;
        tp++;
        c.right++;
      } else fp++;
    }
    if (foundHere) c.found++;
    if (truth.class === 'two_actions' && foundHere && !mine.some((a) => a.trigger_action_id === truth.competitor_action_id)) twoRight++;
  }
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = positives ? tp / positives : 1;
  return {
    campaigns: truths.length,
    alerts: alerts.length,
    truePositives: tp,
    falsePositives: fp,
    positives,
    precision,
    recall,
    f1: precision + recall ? (2 * precision * recall) / (precision + recall) : 0,
    nullFalseAlarmRate: byClass.null.campaigns ? byClass.null.alerted / byClass.null.campaigns : 0,
    preexistingNotAlerted: byClass.preexisting.campaigns ? 1 - byClass.preexisting.alerted / byClass.preexisting.campaigns : 1,
    twoActionsRightAction: byClass.two_actions.campaigns ? twoRight / byClass.two_actions.campaigns : 1,
    singleRecall: byClass.single.campaigns ? byClass.single.found / byClass.single.campaigns : 1,
    byClass,
    reliability: reliabilityTable(scored),
  };
}

const pct = (x: number | null) => (x === null ? '   –  ' : `${(x * 100).toFixed(1).padStart(5)} %`);

/** A plain-text report of one score. */
export function formatIndependentScore(label: string, s: IndependentScore): string {
  const lines = [
    `${label}: ${s.campaigns} campaigns, ${s.positives} caused effects, ${s.alerts} alerts`,
    `  precision ${pct(s.precision)}  recall ${pct(s.recall)}  F1 ${pct(s.f1)}`,
    `  null false alarms ${pct(s.nullFalseAlarmRate)} (${s.byClass.null.alerted}/${s.byClass.null.campaigns})`,
    `  type 1 pre-existing shift not alerted ${pct(s.preexistingNotAlerted)} (${s.byClass.preexisting.campaigns - s.byClass.preexisting.alerted}/${s.byClass.preexisting.campaigns})`,
    `  type 2 right action named ${pct(s.twoActionsRightAction)} (of ${s.byClass.two_actions.campaigns})`,
    `  type 3 single-action recall ${pct(s.singleRecall)} (${s.byClass.single.found}/${s.byClass.single.campaigns})`,
    '  confidence band → observed precision:',
    ...s.reliability.map((r) => `    ${r.band.padEnd(10)} ${String(r.alerts).padStart(4)} alerts  ${pct(r.precision)}`),
  ];
  return lines.join('\n');
}
