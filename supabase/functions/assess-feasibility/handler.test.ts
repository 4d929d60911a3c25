import { describe, expect, it } from 'vitest';
import type { CampaignBundle } from '../_shared/campaign-data.ts';
import { DataError } from '../_shared/campaign-data.ts';
import { handler, type AssessmentInsert } from './handler.ts';

const ID = '6f1c2a9e-3b7d-4c1e-9a51-1d2e3f4a5b6c';

function bundle(overrides: Partial<CampaignBundle['campaign']> = {}, history: CampaignBundle['history'] = []): CampaignBundle {
  const phase = (name: string, position: number, planned_days: number, required_assets = 0, approvals_planned = 0) => ({
    id: `p${position}`, name, position, planned_start: null, planned_days, actual_start: null, actual_end: null,
    required_assets, delivered_assets: 0, approvals_planned, approvals_actual: 0, teams: ['Team'], tools: [],
  });
  return {
    campaign: {
      id: ID, workspace_id: 'w1', name: 'Spring sale', objective: 'sales', industry: 'retail', budget: 5000, currency: 'USD',
      planned_launch: null, meta_pixel_id: '1234567', ads_account_id: 'act_123456', website_tracking: true, promo_tracking: false,
      peak_start: null, peak_end: null, status: 'draft', ...overrides,
    },
    phases: [phase('Planning', 0, 3), phase('Creative', 1, 5, 6, 1), phase('Compliance', 2, 7, 0, 2), phase('Launch', 3, 1)],
    thresholds: null,
    history,
    promoCodeCount: 1,
    websiteEventCount: 0,
  };
}

function post(body: unknown) {
  return new Request('http://x/assess-feasibility', {
    method: 'POST',
    headers: { Authorization: 'Bearer user-jwt', 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('assess-feasibility handler', () => {
  it('scores the plan and records the assessment as the caller', async () => {
    const saved: AssessmentInsert[] = [];
    const res = await handler(post({ campaign_id: ID }), {
      loadCampaign: async () => bundle(),
      saveAssessment: async (_req, row) => {
        saved.push(row);
        return { id: 'a1', ...row };
      },
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ campaign_id: ID, workspace_id: 'w1', score: body.report.score, recommended_decision: body.report.decision });
    expect(body.assessment.id).toBe('a1');
    expect(body.report.benchmark_comparison.map((b: { phase: string }) => b.phase)).toEqual(['Planning', 'Creative', 'Compliance', 'Launch']);
    // promo codes rows count as a conversion source even though promo_tracking is off.
    expect(body.report.risks.find((r: { title: string }) => r.title === 'No promo codes')).toBeUndefined();
  });

  it('flags tracking dependencies of a sales campaign with no ads account and no conversion source', async () => {
    const b = bundle({ ads_account_id: null, meta_pixel_id: null, website_tracking: false });
    b.promoCodeCount = 0;
    const res = await handler(post({ campaign_id: ID }), { loadCampaign: async () => b, saveAssessment: async (_r, row) => ({ ...row }) });
    const body = await res.json();
    const tracking = body.report.risks.filter((r: { family: string }) => r.family === 'tracking_dependency');
    expect(tracking.map((r: { severity: string }) => r.severity)).toEqual(['high', 'high']);
    expect(body.report.decision).not.toBe('proceed');
  });

  it('answers 404 and writes nothing when the campaign is not visible', async () => {
    let writes = 0;
    const res = await handler(post({ campaign_id: ID }), { loadCampaign: async () => null, saveAssessment: async () => ({ n: ++writes }) });
    expect(res.status).toBe(404);
    expect(writes).toBe(0);
  });

  it('answers 400 on a bad campaign_id and 403 when RLS refuses the insert', async () => {
    const bad = await handler(post({ campaign_id: 42 }), { loadCampaign: async () => bundle() });
    expect(bad.status).toBe(400);
    const denied = await handler(post({ campaign_id: ID }), {
      loadCampaign: async () => bundle(),
      saveAssessment: async () => {
        throw new DataError('new row violates row-level security policy', '42501', 'record the assessment');
      },
    });
    expect(denied.status).toBe(403);
  });
});
