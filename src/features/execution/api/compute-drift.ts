import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { DriftReport } from '@domain/drift.ts';
import type { IntentVsExecution } from '@domain/intent-vs-execution.ts';
import { toFunctionError } from '@/lib/function-error';
import { supabase } from '@/lib/supabase';
import { executionKeys } from '../keys';

export interface DriftResponse {
  campaign_id: string;
  report: DriftReport;
  comparison: IntentVsExecution;
}

/** The authoritative drift report (edge function `compute-drift`: workspace thresholds and history included). */
export async function computeDriftRemote(campaignId: string): Promise<DriftResponse> {
  const { data, error } = await supabase.functions.invoke('compute-drift', { body: { campaign_id: campaignId } });
  if (error) throw await toFunctionError(error);
  return data as DriftResponse;
}

/** Keyed by the phases' version, so every logged change asks the server again. */
export function driftQueryOptions(campaignId: string, version: string, enabled: boolean) {
  return queryOptions({
    queryKey: executionKeys.drift(campaignId, version),
    queryFn: () => computeDriftRemote(campaignId),
    enabled,
    staleTime: 60_000,
    placeholderData: keepPreviousData,
  });
}

export function useRemoteDrift(campaignId: string, version: string, enabled: boolean) {
  return useQuery(driftQueryOptions(campaignId, version, enabled));
}
