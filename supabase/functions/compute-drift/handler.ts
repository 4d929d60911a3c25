// Drift report of one campaign as the caller sees it: per-phase drift and severity, launch and cumulative drift,
// the first point of failure, predicted delays for phases not started, and the intent-vs-execution comparison.
// Reads only, through the caller's JWT, so RLS decides which campaigns exist for them.
import type { SupabaseClient } from '@supabase/supabase-js';
import { DataError, campaignRequestSchema, loadCampaignBundle, phaseRows, type CampaignBundle } from '../_shared/campaign-data.ts';
import { DomainInputError } from '../_shared/domain/dates.ts';
import { computeDrift } from '../_shared/domain/drift.ts';
import { compareIntentVsExecution } from '../_shared/domain/intent-vs-execution.ts';
import { HttpError, errorResponse, handleOptions, json, readPostRequest } from '../_shared/http.ts';
import { createUserClient } from '../_shared/supabase.ts';

export interface ComputeDriftDeps {
  /** Loads the campaign as the caller; null when they cannot see it. */
  loadCampaign?: (req: Request, campaignId: string) => Promise<CampaignBundle | null>;
  /** The moment of evaluation (default: the clock). */
  now?: () => Date;
}

function loadAsCaller(req: Request, campaignId: string): Promise<CampaignBundle | null> {
  return loadCampaignBundle(createUserClient(req) as SupabaseClient, campaignId);
}

export async function handler(req: Request, deps: ComputeDriftDeps = {}): Promise<Response> {
  const preflight = handleOptions(req);
  if (preflight) return preflight;
  try {
    const { body } = await readPostRequest(req, campaignRequestSchema, { usage: '{ campaign_id }', signIn: 'Sign in to compute drift' });
    const bundle = await (deps.loadCampaign ?? loadAsCaller)(req, body.campaign_id);
    if (!bundle) return errorResponse(404, 'Campaign not found');
    if (bundle.phases.length === 0) return errorResponse(422, 'This campaign has no phases yet: add its execution blueprint first');
    const input = {
      campaign: {
        id: bundle.campaign.id,
        name: bundle.campaign.name,
        objective: bundle.campaign.objective,
        industry: bundle.campaign.industry,
        planned_launch: bundle.campaign.planned_launch,
      },
      phases: phaseRows(bundle),
    };
    const options = { now: (deps.now ?? (() => new Date()))(), thresholds: bundle.thresholds, history: bundle.history };
    const report = computeDrift(input, options);
    const comparison = compareIntentVsExecution(input, options);
    return json({ campaign_id: bundle.campaign.id, report, comparison });
  } catch (error) {
    if (error instanceof HttpError) return error.toResponse();
    if (error instanceof DomainInputError) return errorResponse(422, error.message, { field: error.field });
    if (error instanceof DataError) return errorResponse(502, `Could not ${error.action}`, { message: error.message, code: error.code });
    return errorResponse(500, 'Could not compute drift', (error as Error).message);
  }
}
