import { historyFromCampaigns } from '@domain/benchmarks.ts';
import { computeDrift, type DriftSeverity } from '@domain/drift.ts';
import type { Thresholds } from '@domain/thresholds.ts';
import type { Campaign, CampaignPhase } from '@/lib/db';

export interface DriftSummary {
  severity: DriftSeverity;
  cumulativeDays: number;
  startedPhases: number;
  totalPhases: number;
  firstFailure: string | null;
}

/** A campaign row with its phases (the campaign list and ops ranking read them together). */
export interface DriftSummaryCampaign {
  id: string;
  name: string;
  status: Campaign['status'];
  objective: Campaign['objective'];
  industry: string | null;
  planned_launch: string | null;
  campaign_phases: readonly CampaignPhase[];
}

/**
 * Every campaign's one-line drift at `now` (campaign list, ops ranking), by the rule the campaign page's report uses
 * with the same inputs: the workspace's thresholds and, as history, the workspace's other campaigns. A campaign
 * without phases, or whose data cannot be evaluated, maps to null.
 */
export function driftSummaries(
  campaigns: readonly DriftSummaryCampaign[],
  options: { now?: Date; thresholds: Thresholds },
): Map<string, DriftSummary | null> {
  const now = options.now ?? new Date();
  const history = historyFromCampaigns(campaigns.map((c) => ({ ...c, campaign_phases: [...c.campaign_phases] })));
  return new Map(
    campaigns.map((campaign) => [
      campaign.id,
      summarise(campaign, { now, thresholds: options.thresholds, history: history.filter((h) => h.id !== campaign.id) }),
    ]),
  );
}

function summarise(
  campaign: DriftSummaryCampaign,
  options: { now: Date; thresholds: Thresholds; history: readonly unknown[] },
): DriftSummary | null {
  if (campaign.campaign_phases.length === 0) return null;
  try {
    const report = computeDrift(
      {
        campaign: { id: campaign.id, name: campaign.name, objective: campaign.objective as 'sales', industry: campaign.industry, planned_launch: campaign.planned_launch },
        phases: campaign.campaign_phases,
      },
      options,
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
