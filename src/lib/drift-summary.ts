import { computeDrift, type DriftSeverity } from '@domain/drift.ts';
import type { Campaign, CampaignPhase } from '@/lib/db';

export interface DriftSummary {
  severity: DriftSeverity;
  cumulativeDays: number;
  startedPhases: number;
  totalPhases: number;
  firstFailure: string | null;
}

/**
 * A campaign's one-line drift at `now` (campaign list, ops ranking), from the same domain rule the campaign page uses;
 * null without phases or when the data cannot be evaluated.
 */
export function driftSummary(
  campaign: Pick<Campaign, 'objective' | 'industry' | 'planned_launch'>,
  phases: readonly CampaignPhase[],
  now: Date = new Date(),
): DriftSummary | null {
  if (phases.length === 0) return null;
  try {
    const report = computeDrift(
      { campaign: { objective: campaign.objective as 'sales', industry: campaign.industry, planned_launch: campaign.planned_launch }, phases },
      { now },
    );
    return {
      severity: report.overall_severity,
      cumulativeDays: report.cumulative_drift_days,
      startedPhases: report.phases.filter((p) => p.state !== 'pending').length,
      totalPhases: report.phases.length,
      firstFailure: report.first_point_of_failure?.phase ?? null,
    };
  } catch {
    return null;
  }
}
