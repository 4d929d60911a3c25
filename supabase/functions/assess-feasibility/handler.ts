// Feasibility of a campaign plan: loads the campaign, its phases and the workspace's past campaigns as the caller,
// scores it with the domain rules, and records the assessment with the service role once the caller's role allows
// planning. Clients cannot write assessments themselves: a score they wrote would be whatever they chose.
import type { SupabaseClient } from '@supabase/supabase-js';
import {
  DataError,
  campaignRecord,
  campaignRequestSchema,
  loadCampaignBundle,
  phaseRows,
  type CampaignBundle,
} from '../_shared/campaign-data.ts';
import { DomainInputError } from '../_shared/domain/dates.ts';
import { assessFeasibility, type FeasibilityReport } from '../_shared/domain/feasibility.ts';
import { HttpError, errorResponse, handleOptions, json, readPostRequest } from '../_shared/http.ts';
import { requireActingRole } from '../_shared/membership.ts';
import { createServiceClient, createUserClient } from '../_shared/supabase.ts';

/** The feasibility_assessments row written for a report. */
export interface AssessmentInsert {
  campaign_id: string;
  workspace_id: string;
  score: number;
  risks: FeasibilityReport['risks'];
  benchmarks: FeasibilityReport['benchmark_comparison'];
  recommended_decision: FeasibilityReport['decision'];
  prescriptions: FeasibilityReport['prescriptions'];
  similar_campaigns: FeasibilityReport['similar_campaigns'];
}

export interface AssessFeasibilityDeps {
  /** Loads the campaign as the caller; null when they cannot see it. */
  loadCampaign?: (req: Request, campaignId: string) => Promise<CampaignBundle | null>;
  /** Checks the caller may plan in the workspace, records the assessment and returns the stored row. */
  saveAssessment?: (req: Request, row: AssessmentInsert) => Promise<Record<string, unknown>>;
}

function loadAsCaller(req: Request, campaignId: string): Promise<CampaignBundle | null> {
  return loadCampaignBundle(createUserClient(req) as SupabaseClient, campaignId);
}

async function saveForCaller(req: Request, row: AssessmentInsert): Promise<Record<string, unknown>> {
  const caller = createUserClient(req);
  const { data: who } = await caller.auth.getUser(req.headers.get('Authorization')?.replace(/^Bearer\s+/i, '') ?? '');
  if (!who?.user) throw new HttpError(401, 'Sign in to assess feasibility');
  await requireActingRole(caller, who.user.id, row.workspace_id, 'Only marketers, ops heads and admins can assess feasibility');
  const { data, error } = await createServiceClient()
    .from('feasibility_assessments')
    .insert({ ...row, created_by: who.user.id })
    .select()
    .single();
  if (error) throw new DataError(error.message, error.code, 'record the assessment');
  return data as Record<string, unknown>;
}

export async function handler(req: Request, deps: AssessFeasibilityDeps = {}): Promise<Response> {
  const preflight = handleOptions(req);
  if (preflight) return preflight;
  try {
    const { body } = await readPostRequest(req, campaignRequestSchema, { usage: '{ campaign_id }', signIn: 'Sign in to assess feasibility' });
    const bundle = await (deps.loadCampaign ?? loadAsCaller)(req, body.campaign_id);
    if (!bundle) return errorResponse(404, 'Campaign not found');
    if (bundle.phases.length === 0) return errorResponse(422, 'This campaign has no phases yet: add its execution blueprint first');
    const report = assessFeasibility(
      { campaign: campaignRecord(bundle), phases: phaseRows(bundle) },
      { thresholds: bundle.thresholds, history: bundle.history },
    );
    const row: AssessmentInsert = {
      campaign_id: bundle.campaign.id,
      workspace_id: bundle.campaign.workspace_id,
      score: report.score,
      risks: report.risks,
      benchmarks: report.benchmark_comparison,
      recommended_decision: report.decision,
      prescriptions: report.prescriptions,
      similar_campaigns: report.similar_campaigns,
    };
    const assessment = await (deps.saveAssessment ?? saveForCaller)(req, row);
    return json({ assessment, report }, 201);
  } catch (error) {
    if (error instanceof HttpError) return error.toResponse();
    if (error instanceof DomainInputError) return errorResponse(422, error.message, { field: error.field });
    if (error instanceof DataError) {
      if (error.code === '42501') return errorResponse(403, 'Only marketers, ops heads and admins can assess feasibility');
      return errorResponse(502, `Could not ${error.action}`, { message: error.message, code: error.code });
    }
    return errorResponse(500, 'Could not assess feasibility', (error as Error).message);
  }
}
