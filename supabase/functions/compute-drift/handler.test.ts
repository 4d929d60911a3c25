import { describe, expect, it } from 'vitest';
import type { CampaignBundle, PhaseRow } from '../_shared/campaign-data.ts';
import { handler } from './handler.ts';

const ID = '6f1c2a9e-3b7d-4c1e-9a51-1d2e3f4a5b6c';

function phase(name: string, position: number, planned_days: number, actual_start: string | null, actual_end: string | null): PhaseRow {
  return {
    id: `p${position}`, name, position, planned_start: null, planned_days, actual_start, actual_end,
    required_assets: 0, delivered_assets: 0, approvals_planned: 0, approvals_actual: 0, teams: [], tools: [],
  };
}

/** The spec's drift sample (docs/domain-rules.md, Drift): Planning 3 → 3, Creative 5 → 7, Compliance 7 → 10, Launch not started. */
function seedBundle(): CampaignBundle {
  return {
    campaign: {
      id: ID, workspace_id: 'w1', name: 'Spring sale', objective: 'sales', industry: 'retail', budget: 5000, currency: 'USD',
      planned_launch: '2026-03-16', meta_pixel_id: null, ads_account_id: null, website_tracking: false, promo_tracking: false,
      peak_start: null, peak_end: null, status: 'active',
    },
    phases: [
      phase('Planning', 0, 3, '2026-03-01T09:00:00Z', '2026-03-03T17:00:00Z'),
      phase('Creative', 1, 5, '2026-03-04T09:00:00Z', '2026-03-10T17:00:00Z'),
      phase('Compliance', 2, 7, '2026-03-11T09:00:00Z', '2026-03-20T17:00:00Z'),
      phase('Launch', 3, 1, null, null),
    ],
    thresholds: null,
    history: [],
    promoCodeCount: 0,
    websiteEventCount: 0,
  };
}

function post(body: unknown, token = 'user-jwt') {
  return new Request('http://x/compute-drift', {
    method: 'POST',
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

const now = () => new Date('2026-03-21T12:00:00Z');

describe('compute-drift handler', () => {
  it('reproduces the seed drift table with Creative as the first point of failure', async () => {
    const res = await handler(post({ campaign_id: ID }), { loadCampaign: async () => seedBundle(), now });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.report.phases.map((p: { name: string; actual_days: number | null; drift_days: number | null; severity: string }) => [p.name, p.actual_days, p.drift_days, p.severity])).toEqual([
      ['Planning', 3, 0, 'On Track'],
      ['Creative', 7, 2, 'At Risk'],
      ['Compliance', 10, 3, 'Blocked'],
      ['Launch', null, null, 'Pending'],
    ]);
    expect(body.report.first_point_of_failure.phase).toBe('Creative');
    expect(body.report.cumulative_drift_days).toBe(5);
    expect(body.comparison.root_delay_origin.phase).toBe('Creative');
  });

  it('answers 404 when the caller cannot see the campaign', async () => {
    const res = await handler(post({ campaign_id: ID }), { loadCampaign: async () => null, now });
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'Campaign not found' });
  });

  it('refuses a missing or malformed campaign_id with 400', async () => {
    const missing = await handler(post({}), { loadCampaign: async () => seedBundle(), now });
    expect(missing.status).toBe(400);
    const bad = await handler(post({ campaign_id: 'nope' }), { loadCampaign: async () => seedBundle(), now });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error).toContain('campaign_id');
    const malformed = await handler(post('{"campaign_id":'), { loadCampaign: async () => seedBundle(), now });
    expect(malformed.status).toBe(400);
  });

  it('refuses callers without a token and other methods', async () => {
    const res = await handler(new Request('http://x/compute-drift', { method: 'POST', body: '{}' }));
    expect(res.status).toBe(401);
    const get = await handler(new Request('http://x/compute-drift', { headers: { Authorization: 'Bearer t' } }));
    expect(get.status).toBe(405);
  });

  it('answers 422 with the rule that rejected the phases', async () => {
    const bundle = seedBundle();
    bundle.phases[1] = phase('Creative', 1, 5, '2026-03-10T09:00:00Z', '2026-03-04T17:00:00Z');
    const res = await handler(post({ campaign_id: ID }), { loadCampaign: async () => bundle, now });
    expect(res.status).toBe(422);
    expect((await res.json()).error).toMatch(/before actual_start/);
  });
});
