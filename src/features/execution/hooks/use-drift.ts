import { computeDrift, type DriftReport } from '@domain/drift.ts';
import { compareIntentVsExecution, type IntentVsExecution } from '@domain/intent-vs-execution.ts';
import { useMemo } from 'react';
import { useCurrentWorkspace } from '@/hooks/use-current-workspace';
import type { CampaignPhase } from '@/lib/db';
import { useRemoteDrift } from '../api/compute-drift';
import type { DriftCampaign } from '../types';

export interface DriftState {
  report: DriftReport | null;
  comparison: IntentVsExecution | null;
  /** 'server' once the edge function confirmed the current phases; 'local' while it is on its way. */
  source: 'server' | 'local';
  error: string | null;
}

/** A version string of the phases: any logged change makes a new one. */
export function phasesVersion(phases: readonly CampaignPhase[]): string {
  return phases.map((p) => `${p.id}:${p.updated_at}:${p.actual_start ?? ''}:${p.actual_end ?? ''}:${p.delivered_assets}:${p.approvals_actual}`).join('|');
}

/**
 * Drift of the campaign: computed in the browser with the same domain function the server uses (instant), then
 * replaced by the server's report (which adds the workspace's history) once it answers for these phases. Both use the
 * workspace's thresholds, so the severity does not change when the server answers.
 */
export function useDrift(campaign: DriftCampaign, phases: readonly CampaignPhase[] | undefined): DriftState {
  const version = phases ? phasesVersion(phases) : '';
  const { thresholds } = useCurrentWorkspace();
  const local = useMemo(() => {
    if (!phases || phases.length === 0) return { report: null, comparison: null, error: null };
    try {
      const input = { campaign: { id: campaign.id, name: campaign.name, objective: campaign.objective as 'sales', industry: campaign.industry, planned_launch: campaign.planned_launch }, phases };
      const now = new Date();
      return { report: computeDrift(input, { now, thresholds }), comparison: compareIntentVsExecution(input, { now, thresholds }), error: null };
    } catch (error) {
      return { report: null, comparison: null, error: (error as Error).message };
    }
  }, [campaign.id, campaign.name, campaign.objective, campaign.industry, campaign.planned_launch, phases, thresholds]);
  const remote = useRemoteDrift(campaign.id, version, !!phases && phases.length > 0);
  const fresh = remote.data && !remote.isPlaceholderData ? remote.data : null;
  if (fresh) return { report: fresh.report, comparison: fresh.comparison, source: 'server', error: null };
  return { ...local, source: 'local' };
}
