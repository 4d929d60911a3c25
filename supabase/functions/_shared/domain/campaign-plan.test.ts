import { describe, expect, it } from 'vitest';
import { campaignPlanSchema, emptyCampaignPlan, validateCampaignPlan, type CampaignPlanInput } from './campaign-plan.ts';

const validPlan = (): CampaignPlanInput => ({
  ...emptyCampaignPlan(),
  name: 'Spring sale',
  industry: 'E-commerce',
  budget: 5000,
  currency: 'usd',
  meta_pixel_id: '123456789012345',
  ads_account_id: 'act_987654321',
  tracking: { website_events: true, promo_codes: false },
  planned_launch: '2025-04-01',
  primary_kpi: 'roas',
  kpi_target: 3.5,
  kpi_window_days: 30,
  peak_start: '2025-04-05',
  peak_end: '2025-04-20',
});

describe('campaignPlanSchema', () => {
  it('accepts a complete plan with the default blueprint and normalises it', () => {
    const result = validateCampaignPlan(validPlan());
    expect(result.success).toBe(true);
    expect(result.data?.currency).toBe('USD');
    expect(result.data?.phases.map((p) => p.name)).toEqual(['Planning', 'Creative', 'Compliance', 'Launch', 'Optimization']);
    expect(result.data?.audience).toEqual({ description: null, locations: [], interests: [] });
    expect(result.data?.platform).toBe('meta');
  });

  it('accepts custom phases and no peak window', () => {
    const plan = { ...validPlan(), peak_start: null, peak_end: null, phases: [{ name: 'Influencer seeding', planned_days: 4 }] };
    const parsed = campaignPlanSchema.parse(plan);
    expect(parsed.phases[0]).toEqual({ name: 'Influencer seeding', planned_days: 4, planned_start: null, required_assets: 0, approvals_planned: 0, teams: [], tools: [] });
  });

  it.each([
    [{ name: '  ' }, 'name', 'Campaign name is required'],
    [{ objective: 'fame' }, 'objective', 'objective must be one of sales, leads, awareness'],
    [{ industry: '' }, 'industry', 'Industry is required'],
    [{ budget: 0 }, 'budget', 'Budget must be greater than 0'],
    [{ budget: '100' }, 'budget', 'Budget must be a number'],
    [{ currency: 'US' }, 'currency', 'Currency must be a 3-letter ISO 4217 code, e.g. USD'],
    [{ meta_pixel_id: 'px-1' }, 'meta_pixel_id', 'Meta Pixel ID must be digits only'],
    [{ ads_account_id: 'acct_1' }, 'ads_account_id', 'Ads account ID must be digits, optionally prefixed with act_'],
    [{ primary_kpi: 'clicks' }, 'primary_kpi', 'Primary KPI must be one of sales, ROAS, CPA, engagement'],
    [{ kpi_target: -1 }, 'kpi_target', 'KPI target must be greater than 0'],
    [{ kpi_window_days: 0 }, 'kpi_window_days', 'KPI window must be at least 1 day'],
    [{ kpi_window_days: 1.5 }, 'kpi_window_days', 'KPI window must be a whole number of days'],
    [{ planned_launch: '2025-02-30' }, 'planned_launch', 'Planned launch is not a real calendar date'],
    [{ peak_end: '2025-04-01' }, 'peak_end', 'Peak window end must be on or after its start'],
    [{ peak_end: null }, 'peak_end', 'Give both the start and the end of the peak window, or neither'],
    [{ phases: [] }, 'phases', 'Add at least one phase'],
    [{ audience: { age_min: 30, age_max: 20 } }, 'audience.age_max', 'Maximum age must be at least the minimum age'],
  ])('rejects %j with a clear message on %s', (patch, path, message) => {
    const result = validateCampaignPlan({ ...validPlan(), ...patch });
    expect(result.success).toBe(false);
    expect(result.errors[path]).toBe(message);
  });

  it('rejects bad phases: non-positive or fractional days, duplicate names, negative assets, duplicate teams', () => {
    const phases = [
      { name: 'Planning', planned_days: 0 },
      { name: 'Creative', planned_days: 2.5, required_assets: -1 },
      { name: 'planning ', planned_days: 2, teams: ['Design', 'design'] },
    ];
    const result = validateCampaignPlan({ ...validPlan(), phases });
    expect(result.errors).toMatchObject({
      'phases.0.planned_days': 'Planned days must be greater than 0',
      'phases.1.planned_days': 'Planned days must be a whole number of days',
      'phases.1.required_assets': 'Required assets cannot be negative',
      'phases.2.teams': 'Teams are listed twice',
    });
    const duplicate = validateCampaignPlan({ ...validPlan(), phases: [phases[0], phases[2]].map((p) => ({ ...p, planned_days: 1, teams: [] })) });
    expect(duplicate.errors['phases.1.name']).toBe('Phase "planning" is listed twice; phase names must be unique');
  });
});
