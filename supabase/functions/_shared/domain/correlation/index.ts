/**
 * Correlation engine entry point: parse a campaign, find action ↔ metric effects, build alerts, compare before and
 * after every change and diagnose the outcome. Pure and deterministic: `now` is passed in.
 */
import { resolveThresholds, type ThresholdOverrides, type Thresholds } from '../thresholds.ts';
import { buildAlerts } from './alerts.ts';
import { baselineCache } from './baseline.ts';
import { type BeforeAfterComparison, compareBeforeAfter } from './before-after.ts';
import { reviewCauses } from './causes.ts';
import { type ActionEffect, estimateActionEffects } from './effects.ts';
import { detectFindings } from './detect.ts';
import { type Diagnosis, diagnoseCampaign } from './diagnosis.ts';
import { buildTimeline, type TimelineEvent } from './timeline.ts';
import { type CampaignInputRaw, campaignInputSchema, type CausePrior, type CorrelationAlert, type CorrelationFinding } from './types.ts';

export interface CorrelateOptions {
  /** ISO timestamp stamped on alerts as detected_at. */
  now: string;
  /** Workspace overrides (workspaces.settings.thresholds) or already-resolved thresholds. */
  thresholds?: ThresholdOverrides | Thresholds | null;
  /** The workspace's priors per action type and metric (from dismissal feedback). */
  priors?: readonly CausePrior[];
}

export interface CampaignCorrelation {
  campaign_id: string;
  timeline: TimelineEvent[];
  findings: CorrelationFinding[];
  alerts: CorrelationAlert[];
  before_after: BeforeAfterComparison[];
  diagnosis: Diagnosis;
  /** The estimated effect of every completed action, alerting or not. */
  effects: ActionEffect[];
}

/** Runs the whole rules engine on one campaign (raw input is zod-validated; throws ZodError on bad input). */
export function correlateCampaign(input: CampaignInputRaw, options: CorrelateOptions): CampaignCorrelation {
  const campaign = campaignInputSchema.parse(input);
  const thresholds = resolveThresholds(options.thresholds as ThresholdOverrides | null | undefined).correlation;
  // Detection and the before/after comparison ask for many of the same baselines: estimate each once.
  const baselines = baselineCache(thresholds);
  const findings = reviewCauses(campaign, detectFindings(campaign, thresholds, baselines), thresholds, options.priors ?? []);
  return {
    campaign_id: campaign.id,
    timeline: buildTimeline(campaign.actions, campaign.snapshots),
    findings,
    alerts: buildAlerts(findings, { now: options.now, primaryKpi: campaign.primary_kpi, thresholds }),
    before_after: compareBeforeAfter(campaign, findings, thresholds, undefined, baselines),
    diagnosis: diagnoseCampaign(campaign, findings),
    effects: estimateActionEffects(campaign, findings),
  };
}

export { actionTypeLabel, alertDescription, alertTitle, buildAlerts, metricLabel, plainText, suggestedActionFor } from './alerts.ts';
export { type Baseline, estimateBaseline, predictValue } from './baseline.ts';
export { classifySeverity, classifyStrength, confidenceLabel, scoreConfidence } from './confidence.ts';
export { counterfactualSeries, dayDeviation, estimateEffect } from './counterfactual.ts';
export { attributionShares, detectFindings, findingKey, isRecovered } from './detect.ts';
export { compareBeforeAfter } from './before-after.ts';
export { diagnoseCampaign, observedKpi } from './diagnosis.ts';
export { buildTimeline, dayDate, dayNumber, metricSeries, timedActions } from './timeline.ts';
export * from './types.ts';
export type { BeforeAfterComparison, Diagnosis, TimelineEvent };
export { calibrateConfidence } from './calibration.ts';
export { reviewCauses } from './causes.ts';
export {
  type ActionEffect,
  actionEffectDetailsSchema,
  actionEffectSchema,
  causePriorsFromDismissals,
  type Dismissal,
  dismissalSchema,
  effectLibrary,
  type EffectLibraryRow,
  estimateActionEffects,
  formatEffect,
} from './effects.ts';
