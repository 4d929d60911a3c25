import { describe, expect, it } from 'vitest';
import { DomainInputError } from './dates.ts';
import { assessFeasibility, decide, type FeasibilityInput } from './feasibility.ts';
import type { PastCampaignInput } from './benchmarks.ts';
import type { PhaseRowInput } from './phases.ts';

type Plan = Omit<FeasibilityInput, 'phases'> & { phases: PhaseRowInput[] };

const trackedSales = {
  id: 'c-new',
  name: 'Spring sale',
  objective: 'sales' as const,
  industry: 'General',
  meta_pixel_id: '123456789012345',
  ads_account_id: 'act_1234567',
  tracking: { website_events: true, promo_codes: true },
};

const seedPlan = (): Plan => ({
  campaign: { ...trackedSales },
  phases: [
    { name: 'Planning', position: 0, planned_days: 3, approvals_planned: 1, teams: ['Marketing'] },
    { name: 'Creative', position: 1, planned_days: 5, required_assets: 6, approvals_planned: 1, teams: ['Creative'] },
    { name: 'Compliance', position: 2, planned_days: 7, approvals_planned: 2, teams: ['Legal'] },
    { name: 'Launch', position: 3, planned_days: 1 },
    { name: 'Optimization', position: 4, planned_days: 14 },
  ],
});

describe('assessFeasibility — a realistic plan', () => {
  it('proceeds with score 100 when nothing is at risk, comparing every phase with the benchmark', () => {
    const report = assessFeasibility(seedPlan());
    expect(report.risks).toEqual([]);
    expect(report.score).toBe(100);
    expect(report.decision).toBe('proceed');
    expect(report.benchmark_comparison.map((r) => [r.phase, r.benchmark_days, r.reference, r.ratio, r.verdict])).toEqual([
      ['Planning', 3, 'benchmark', 1, 'aligned'],
      ['Creative', 5, 'benchmark', 1, 'aligned'],
      ['Compliance', 5, 'benchmark', 1.4, 'generous'],
      ['Launch', 1, 'benchmark', 1, 'aligned'],
      ['Optimization', 14, 'benchmark', 1, 'aligned'],
    ]);
    expect(report.total_planned_days).toBe(30);
  });

  it('with missing history gives no prescriptions and says why', () => {
    const report = assessFeasibility(seedPlan(), { history: [] });
    expect(report.prescriptions).toEqual([]);
    expect(report.similar_campaigns).toEqual([]);
    expect(report.prescriptions_note).toMatch(/No similar past campaigns/);
    expect(report.benchmark_comparison.every((r) => r.history_count === 0 && r.history_median_days === null)).toBe(true);
  });
});

describe('assessFeasibility — the four risk families', () => {
  it('flags timeline compression by ratio to the benchmark', () => {
    const plan = seedPlan();
    plan.phases = plan.phases.map((p) => (p.name === 'Creative' ? { ...p, planned_days: 2, required_assets: 0 } : p.name === 'Planning' ? { ...p, planned_days: 2 } : p));
    const report = assessFeasibility(plan);
    const creative = report.risks.find((r) => r.phase === 'Creative')!;
    expect(creative).toMatchObject({ family: 'timeline_compression', severity: 'high' });
    expect(creative.evidence).toContain('0.4× the benchmark reference of 5 days');
    expect(report.risks.find((r) => r.phase === 'Planning')).toMatchObject({ severity: 'medium' });
    expect(report.benchmark_comparison[1].verdict).toBe('compressed');
  });

  it('uses workspace history as the reference once there are enough records', () => {
    const history: PastCampaignInput[] = [6, 7, 8].map((d, i) => ({
      id: `h${i}`,
      name: `Past ${i}`,
      objective: 'sales',
      phases: [{ name: 'Creative', planned_days: 5, actual_days: d }],
    }));
    const report = assessFeasibility(seedPlan(), { history });
    const creative = report.benchmark_comparison.find((r) => r.phase === 'Creative')!;
    expect(creative).toMatchObject({ benchmark_days: 5, history_median_days: 7, history_count: 3, reference: 'history', reference_days: 7, ratio: 0.71, verdict: 'compressed' });
    expect(report.risks.find((r) => r.phase === 'Creative')?.evidence).toContain('past sales campaigns took a median 7 (3 campaign(s))');
  });

  it('flags a plan that does not fit before the planned launch, and slack lost against the peak window', () => {
    const plan = seedPlan();
    plan.phases[0] = { ...plan.phases[0], planned_start: '2025-03-01' };
    plan.campaign = { ...plan.campaign, planned_launch: '2025-03-10' };
    expect(assessFeasibility(plan).risks[0]).toMatchObject({ family: 'timeline_compression', severity: 'high', title: 'The plan does not fit before launch' });

    plan.campaign = { ...plan.campaign, planned_launch: '2025-03-16', peak_start: '2025-03-13', peak_end: '2025-03-31' };
    plan.phases[2] = { ...plan.phases[2], planned_days: 5 };
    plan.phases[1] = { ...plan.phases[1], planned_days: 4 };
    // 3 + 4 + 5 = 12 planned days fit in 15; at benchmark durations 3 + 5 + 5 = 13 also fit: no schedule risk.
    expect(assessFeasibility(plan).risks.filter((r) => !r.phase)).toEqual([]);
    plan.campaign = { ...plan.campaign, planned_launch: '2025-03-13' };
    const slack = assessFeasibility(plan).risks.find((r) => r.title === 'No slack before launch at typical durations');
    expect(slack?.severity).toBe('medium');
    expect(slack?.evidence).toContain('launch would land on 2025-03-14');
    expect(slack?.evidence).toContain('after the peak window opens on 2025-03-13');
  });

  it('flags asset overload against team capacity, counting a phase without a team as one team', () => {
    const plan = seedPlan();
    plan.phases[1] = { ...plan.phases[1], required_assets: 12, teams: [] };
    const medium = assessFeasibility(plan).risks.find((r) => r.family === 'asset_overload')!;
    expect(medium.severity).toBe('medium');
    expect(medium.evidence).toContain('no team assigned (counted as 1)');
    plan.phases[1] = { ...plan.phases[1], required_assets: 30, teams: ['Design'] };
    expect(assessFeasibility(plan).risks.find((r) => r.family === 'asset_overload')?.severity).toBe('high');
    plan.phases[1] = { ...plan.phases[1], required_assets: 30, teams: ['Design', 'Video', 'Copy'] };
    expect(assessFeasibility(plan).risks.find((r) => r.family === 'asset_overload')).toBeUndefined();
  });

  it('flags approval bottlenecks, longer in regulated industries and with history of rework', () => {
    const plan = seedPlan();
    plan.phases[2] = { ...plan.phases[2], approvals_planned: 4 };
    expect(assessFeasibility(plan).risks.find((r) => r.family === 'approval_bottleneck')).toMatchObject({ severity: 'medium', phase: 'Compliance' });
    plan.campaign = { ...plan.campaign, industry: 'Pharma' };
    const pharma = assessFeasibility(plan);
    expect(pharma.risks.find((r) => r.family === 'approval_bottleneck')?.severity).toBe('high');
    expect(pharma.industry).toMatchObject({ key: 'healthcare', regulated: true });

    const history: PastCampaignInput[] = [{ id: 'h', name: 'Past', objective: 'sales', phases: [{ name: 'Compliance', planned_days: 7, actual_days: 9, approvals_planned: 2, approvals_actual: 4 }] }];
    const rework = seedPlan();
    rework.phases[2] = { ...rework.phases[2], approvals_planned: 3 };
    expect(assessFeasibility(rework).risks.find((r) => r.family === 'approval_bottleneck')).toBeUndefined();
    const withHistory = assessFeasibility(rework, { history }).risks.find((r) => r.family === 'approval_bottleneck');
    expect(withHistory?.evidence).toContain('needed 2× their planned approvals');
  });

  it('flags a regulated industry without a compliance phase', () => {
    const plan = seedPlan();
    plan.campaign = { ...plan.campaign, industry: 'banking' };
    plan.phases = plan.phases.filter((p) => p.name !== 'Compliance');
    expect(assessFeasibility(plan).risks.map((r) => r.title)).toContain('No compliance phase in a regulated industry');
  });

  it('flags tracking dependencies of a sales campaign', () => {
    const plan = seedPlan();
    plan.campaign = { ...plan.campaign, meta_pixel_id: null, ads_account_id: null, tracking: { website_events: false, promo_codes: false } };
    const report = assessFeasibility(plan);
    expect(report.risks.filter((r) => r.family === 'tracking_dependency').map((r) => [r.severity, r.title])).toEqual([
      ['high', 'No Meta ads account'],
      ['high', 'No conversion source'],
    ]);
    expect(report.family_penalties.tracking_dependency).toBe(40);
    expect(report.score).toBe(60);
    expect(report.decision).toBe('adjust');

    plan.campaign = { ...trackedSales, meta_pixel_id: '', tracking: { website_events: true, promo_codes: false } };
    expect(assessFeasibility(plan).risks.map((r) => [r.severity, r.title])).toEqual([
      ['medium', 'No Meta Pixel'],
      ['low', 'No promo codes'],
    ]);
  });

  it('does not require sales tracking for awareness campaigns', () => {
    const plan = seedPlan();
    plan.campaign = { ...plan.campaign, objective: 'awareness', meta_pixel_id: null, tracking: null };
    expect(assessFeasibility(plan).risks.filter((r) => r.family === 'tracking_dependency')).toEqual([]);
  });

  it('handles custom phases: no benchmark, history when available', () => {
    const plan = seedPlan();
    plan.phases = [...plan.phases, { name: 'Influencer seeding', position: 5, planned_days: 2 }];
    const row = assessFeasibility(plan).benchmark_comparison.find((r) => r.phase === 'Influencer seeding')!;
    expect(row).toMatchObject({ benchmark_days: null, reference: null, ratio: null, verdict: 'no_reference' });
    const history: PastCampaignInput[] = [{ id: 'h', name: 'Past', objective: 'sales', phases: [{ name: 'influencer seeding', planned_days: 4, actual_days: 6 }] }];
    const withHistory = assessFeasibility(plan, { history });
    expect(withHistory.benchmark_comparison.find((r) => r.phase === 'Influencer seeding')).toMatchObject({ reference: 'history', reference_days: 6, ratio: 0.33, verdict: 'compressed' });
    expect(withHistory.risks.find((r) => r.phase === 'Influencer seeding')?.severity).toBe('high');
  });
});

describe('assessFeasibility — score, gate and prescriptions', () => {
  it('pauses a plan stacked with risks', () => {
    const plan = seedPlan();
    plan.campaign = { ...plan.campaign, ads_account_id: null, meta_pixel_id: null, tracking: null, industry: 'healthcare' };
    plan.phases = plan.phases.map((p) => ({ ...p, planned_days: 1, required_assets: p.name === 'Creative' ? 20 : 0, approvals_planned: p.name === 'Compliance' ? 3 : 0 }));
    const report = assessFeasibility(plan);
    expect(report.score).toBeLessThan(50);
    expect(report.decision).toBe('pause');
    expect(report.risks[0].severity).toBe('high');
  });

  it('decide(): documented thresholds', () => {
    expect(decide(75, 0).decision).toBe('proceed');
    expect(decide(100, 1).decision).toBe('adjust');
    expect(decide(74, 0).decision).toBe('adjust');
    expect(decide(50, 3).decision).toBe('adjust');
    expect(decide(49, 0).decision).toBe('pause');
    expect(() => decide(101, 0)).toThrow(DomainInputError);
  });

  const similarHistory: PastCampaignInput[] = [
    {
      id: 'p1',
      name: 'Summer sale 2024',
      objective: 'sales',
      phases: [
        { name: 'Planning', planned_days: 3, actual_days: 3 },
        { name: 'Creative', planned_days: 5, actual_days: 8, required_assets: 12, delivered_assets: 12, teams: ['Design'], approvals_planned: 1, approvals_actual: 2 },
        { name: 'Compliance', planned_days: 7, actual_days: 9, approvals_planned: 2, approvals_actual: 3 },
        { name: 'Launch', planned_days: 1, actual_days: 1 },
        { name: 'Optimization', planned_days: 14, actual_days: 14 },
      ],
    },
    {
      id: 'p2',
      name: 'Black Friday 2024',
      objective: 'sales',
      phases: [
        { name: 'Creative', planned_days: 6, actual_days: 7, required_assets: 10, delivered_assets: 7, teams: ['Design'] },
        { name: 'Compliance', planned_days: 6, actual_days: 6, approvals_planned: 2, approvals_actual: 3 },
        { name: 'Optimization', planned_days: 20, actual_days: null },
      ],
    },
    // Different objective and a far longer timeline: never similar.
    { id: 'p3', name: 'Brand film', objective: 'awareness', phases: [{ name: 'Creative', planned_days: 30, actual_days: 40 }] },
    { id: 'p4', name: 'Year-long always-on', objective: 'sales', phases: [{ name: 'Creative', planned_days: 100, actual_days: 120 }] },
  ];

  it('prescribes fixes only from similar campaigns (same objective, timeline ±20 %), naming them', () => {
    const plan = seedPlan();
    plan.phases[1] = { ...plan.phases[1], required_assets: 16, teams: ['Design'] };
    plan.phases[2] = { ...plan.phases[2], approvals_planned: 4 };
    const report = assessFeasibility(plan, { history: similarHistory });
    expect(report.similar_campaigns.map((c) => c.id)).toEqual(['p1', 'p2']);
    expect(report.similar_campaigns.find((c) => c.id === 'p1')?.total_actual_days).toBe(35);
    const titles = report.prescriptions.map((p) => p.title);
    expect(titles).toContain('Extend Creative from 5 to 8 days');
    const extend = report.prescriptions.find((p) => p.title.startsWith('Extend Creative'))!;
    expect(extend.based_on).toEqual([
      { id: 'p1', name: 'Summer sale 2024' },
      { id: 'p2', name: 'Black Friday 2024' },
    ]);
    expect(extend.detail).toContain('Summer sale 2024 (8 d, planned 5)');
    expect(report.prescriptions.find((p) => p.family === 'asset_overload')?.title).toBe('Cut Creative to 6 assets, or plan 13 days');
    expect(report.prescriptions.find((p) => p.family === 'approval_bottleneck')?.title).toBe('Plan 3 approval cycle(s) in Compliance, as similar campaigns needed');
    expect(report.prescriptions.every((p) => p.based_on.every((b) => b.id === 'p1' || b.id === 'p2'))).toBe(true);
    expect(report.prescriptions_note).toContain('Black Friday 2024');
  });

  it('prescribes a longer approval window when similar campaigns needed more cycles than fit', () => {
    const plan = seedPlan();
    plan.phases[2] = { ...plan.phases[2], planned_days: 3, approvals_planned: 2 };
    const report = assessFeasibility(plan, { history: similarHistory });
    expect(report.similar_campaigns.map((c) => c.name)).toEqual(['Summer sale 2024']);
    expect(report.prescriptions.map((p) => p.title)).toEqual(
      expect.arrayContaining(['Extend Compliance from 3 to 9 days', 'Give Compliance 6 days for 3 approval cycle(s), or run reviews in parallel']),
    );
  });

  it('gives no prescriptions when past campaigns differ in objective or timeline', () => {
    const plan = seedPlan();
    plan.campaign = { ...plan.campaign, objective: 'leads' };
    expect(assessFeasibility(plan, { history: similarHistory }).prescriptions).toEqual([]);
    const short = seedPlan();
    short.phases = short.phases.slice(0, 3); // 15 days: Summer sale (30) and Black Friday (32) are out of ±20 %
    expect(assessFeasibility(short, { history: similarHistory }).similar_campaigns).toEqual([]);
  });
});

describe('assessFeasibility — bad input', () => {
  it('rejects negative durations, unknown objective, unknown launch phase and bad history', () => {
    const plan = seedPlan();
    plan.phases[0] = { ...plan.phases[0], planned_days: -1 };
    expect(() => assessFeasibility(plan)).toThrow(/phases\[0\]\.planned_days: planned_days must be greater than 0/);
    expect(() => assessFeasibility({ ...seedPlan(), campaign: { ...trackedSales, objective: 'fame' as 'sales' } })).toThrow(/objective must be one of sales, leads, awareness/);
    expect(() => assessFeasibility({ ...seedPlan(), launch_phase: 'Go live' })).toThrow(/Unknown phase "Go live"/);
    expect(() => assessFeasibility(seedPlan(), { history: [{ id: 'x' }] })).toThrow(DomainInputError);
    const negativeAssets = seedPlan();
    negativeAssets.phases[1] = { ...negativeAssets.phases[1], required_assets: -3 };
    expect(() => assessFeasibility(negativeAssets)).toThrow(/required_assets cannot be negative/);
  });
});
