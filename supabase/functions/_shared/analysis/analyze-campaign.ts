/**
 * One campaign through the correlation pipeline: the rules engine decides, DeepSeek (when configured) only explains
 * the findings, and the validated explanations are applied to the alerts. Shared by the offline CLI
 * (scripts/analyze-correlations.ts) and `runAnalysis`, so both produce the same findings and alerts.
 */
import { applyEnrichment, type DeepSeekOptions, type EnrichedFinding, enrichFindings, type LlmRun } from '../ai/deepseek.ts';
import {
  type ActionEffect,
  type BeforeAfterComparison,
  type CausePrior,
  type CampaignInputRaw,
  campaignInputSchema,
  correlateCampaign,
  type CorrelationAlert,
  type Diagnosis,
} from '../domain/correlation/index.ts';
import type { ThresholdOverrides } from '../domain/thresholds.ts';

export interface AnalyzeOptions {
  /** ISO timestamp stamped on alerts (detected_at). */
  now: string;
  /** Workspace threshold overrides (workspaces.settings.thresholds). */
  thresholds?: ThresholdOverrides | null;
  /** DeepSeek settings; null or no apiKey → rules only. */
  deepseek?: DeepSeekOptions | null;
  /** The workspace's priors per action type and metric, from dismissals (see causePriorsFromDismissals). */
  priors?: readonly CausePrior[];
  /** Keep only findings and alerts of these actions (default: all), e.g. those inside the analysis window. */
  includeAction?: (actionId: string) => boolean;
}

export interface CampaignAnalysis {
  campaign_id: string;
  /** 'llm' when at least one finding carries the model's validated explanation. */
  source: 'rules' | 'llm';
  findings: EnrichedFinding[];
  alerts: CorrelationAlert[];
  before_after: BeforeAfterComparison[];
  diagnosis: Diagnosis;
  /** Estimated effect of every completed action in the data (not filtered by includeAction). */
  effects: ActionEffect[];
  /** For analysis_runs: model, tokens, latency, outcome (no_key / skipped when the model was not called). */
  run: LlmRun;
}

/** Rules engine, then (when configured) DeepSeek enrichment; never throws on model failures (throws ZodError on bad input). */
export async function analyzeCampaign(input: CampaignInputRaw, options: AnalyzeOptions): Promise<CampaignAnalysis> {
  const campaign = campaignInputSchema.parse(input);
  const rules = correlateCampaign(campaign, { now: options.now, thresholds: options.thresholds, priors: options.priors });
  const include = options.includeAction;
  const findings = include ? rules.findings.filter((f) => include(f.action_id)) : rules.findings;
  const alerts = include ? rules.alerts.filter((a) => include(a.trigger_action_id)) : rules.alerts;
  const enrichment = await enrichFindings(
    findings,
    {
      campaign: { id: campaign.id, name: campaign.name, objective: campaign.objective },
      actions: campaign.actions,
      snapshots: campaign.snapshots,
    },
    options.deepseek ?? { apiKey: null },
  );
  return {
    campaign_id: campaign.id,
    source: enrichment.source,
    findings: enrichment.findings,
    alerts: applyEnrichment(alerts, enrichment.findings),
    before_after: rules.before_after,
    diagnosis: rules.diagnosis,
    effects: rules.effects,
    run: enrichment.run,
  };
}
