import { describe, expect, it } from 'vitest';
import { addDays, toDayNumber } from './dates.ts';
import {
  isoWeek,
  recommend,
  type RecommendationAlert,
  type RecommendationCampaign,
  type RecommendationCampaignInput,
  type RecommendationSnapshot,
} from './recommendations.ts';

const NOW = '2026-03-20T12:00:00Z';
const TODAY = '2026-03-20';

/** `days` days of data ending today, each with this spend and ROAS. */
function series(days: number, spend: number, roas: number, jitter = 0): RecommendationSnapshot[] {
  return Array.from({ length: days }, (_, i) => {
    const r = roas * (1 + (i % 2 === 0 ? jitter : -jitter));
    return { date: addDays(TODAY, -i), spend, revenue: Math.round(spend * r * 100) / 100 };
  });
}

function campaign(id: string, overrides: Partial<RecommendationCampaign> = {}): RecommendationCampaign {
  return {
    id,
    name: `Campaign ${id}`,
    objective: 'sales',
    status: 'active',
    currency: 'USD',
    meta_pixel_id: '1234567890',
    website_tracking: true,
    promo_tracking: true,
    ...overrides,
  };
}

/** A finished, on-plan blueprint: no drift-based recommendation. */
const ON_PLAN = [
  { name: 'Planning', position: 0, planned_days: 3, actual_start: '2026-02-01', actual_end: '2026-02-03' },
  { name: 'Launch', position: 1, planned_days: 1, actual_start: '2026-02-04', actual_end: '2026-02-04' },
];

function entry(id: string, snapshots: RecommendationSnapshot[], overrides: Partial<RecommendationCampaignInput> = {}): RecommendationCampaignInput {
  return { campaign: campaign(id), phases: ON_PLAN, snapshots, alerts: [], ...overrides };
}

const ofKind = (recs: ReturnType<typeof recommend>, kind: string) => recs.filter((r) => r.kind === kind);

describe('recommend: budget reallocation', () => {
  it('moves budget from the lowest-ROAS to the highest-ROAS campaign within the per-step cap, citing the numbers', () => {
    const recs = recommend({ campaigns: [entry('a', series(14, 100, 1.2)), entry('b', series(14, 200, 3))], now: NOW });
    const [rec] = ofKind(recs, 'budget_reallocation');
    expect(rec).toMatchObject({ campaign_id: 'a', title: 'Move USD 20/day from Campaign a to Campaign b' });
    expect(rec.payload).toMatchObject({
      shift_per_day: 20,
      binding_constraint: 'max_shift_pct',
      from: { roas: 1.2, daily_spend: 100, new_daily_budget: 80 },
      to: { roas: 3, daily_spend: 200, new_daily_budget: 220 },
      expected_daily_revenue_delta: 36,
      rollback: { from_campaign_id: 'b', to_campaign_id: 'a', shift_per_day: 20 },
    });
    expect(rec.rationale).toContain('ROAS 3');
    expect(rec.rationale).toContain('against 1.2');
    expect(rec.rationale).toContain('the 20 % per-step cap');
    expect(rec.score).toBeGreaterThan(0.5);
    expect(rec.score).toBeLessThanOrEqual(1);
  });

  it('never takes a campaign below its minimum budget share nor grows the receiver past its cap', () => {
    const floor = recommend({
      campaigns: [entry('a', series(14, 100, 1)), entry('b', series(14, 500, 3))],
      constraints: { max_shift_pct: 0.8, min_daily_budget_share: 0.7 },
      now: NOW,
    });
    expect(ofKind(floor, 'budget_reallocation')[0].payload).toMatchObject({ shift_per_day: 30, binding_constraint: 'min_daily_budget_share' });

    const receiver = recommend({
      campaigns: [entry('a', series(14, 1000, 1)), entry('b', series(14, 100, 3))],
      constraints: { max_increase_pct: 0.5 },
      now: NOW,
    });
    expect(ofKind(receiver, 'budget_reallocation')[0].payload).toMatchObject({ shift_per_day: 50, binding_constraint: 'max_increase_pct' });
  });

  it('leaves out campaigns with too few days of data, paused campaigns and gaps under the minimum', () => {
    const thin = recommend({ campaigns: [entry('a', series(5, 100, 1)), entry('b', series(14, 100, 3))], now: NOW });
    expect(ofKind(thin, 'budget_reallocation')).toEqual([]);

    const paused = recommend({
      campaigns: [entry('a', series(14, 100, 1), { campaign: campaign('a', { status: 'paused' }) }), entry('b', series(14, 100, 3))],
      now: NOW,
    });
    expect(ofKind(paused, 'budget_reallocation')).toEqual([]);

    const close = recommend({ campaigns: [entry('a', series(14, 100, 2.5)), entry('b', series(14, 100, 3))], now: NOW });
    expect(ofKind(close, 'budget_reallocation')).toEqual([]);
  });

  it('ignores data older than the window', () => {
    const old = series(14, 100, 1).map((s) => ({ ...s, date: addDays(s.date, -20) }));
    const recs = recommend({ campaigns: [entry('a', old), entry('b', series(14, 100, 3))], now: NOW });
    expect(ofKind(recs, 'budget_reallocation')).toEqual([]);
  });

  it('pairs campaigns only within one currency, each campaign in one pair', () => {
    const eur = (id: string, roas: number) => entry(id, series(14, 100, roas), { campaign: campaign(id, { currency: 'EUR' }) });
    const recs = recommend({
      campaigns: [entry('a', series(14, 100, 1)), entry('b', series(14, 100, 1.1)), entry('c', series(14, 100, 2)), entry('d', series(14, 100, 4)), eur('e', 1), eur('f', 5)],
      now: NOW,
    });
    const pairs = ofKind(recs, 'budget_reallocation').map((r) => r.recommendation_key.split(':').pop());
    expect(pairs.sort()).toEqual(['a>d', 'b>c', 'e>f']);
  });

  it('keys a step by ISO week, so the same week gives the same key and the next week a new one, whatever the input order', () => {
    const campaigns = [entry('a', series(14, 100, 1)), entry('b', series(14, 100, 3))];
    const monday = recommend({ campaigns, now: '2026-03-16T08:00:00Z' });
    const sunday = recommend({ campaigns: [...campaigns].reverse(), now: '2026-03-22T23:00:00Z' });
    const next = recommend({ campaigns, now: '2026-03-23T08:00:00Z' });
    const key = (r: ReturnType<typeof recommend>) => ofKind(r, 'budget_reallocation')[0].recommendation_key;
    expect(key(monday)).toBe('budget_reallocation:2026-W12:a>b');
    expect(key(sunday)).toBe(key(monday));
    expect(key(next)).toBe('budget_reallocation:2026-W13:a>b');
  });

  it('lowers the score when returns are volatile', () => {
    const steady = recommend({ campaigns: [entry('a', series(14, 100, 1)), entry('b', series(14, 100, 3))], now: NOW });
    const noisy = recommend({ campaigns: [entry('a', series(14, 100, 1, 0.5)), entry('b', series(14, 100, 3, 0.5))], now: NOW });
    expect(ofKind(noisy, 'budget_reallocation')[0].score).toBeLessThan(ofKind(steady, 'budget_reallocation')[0].score);
  });
});

describe('recommend: drift', () => {
  it('extends a running phase past plan by the remaining work at the pace so far', () => {
    // Creative started 2026-03-13: day 8 of 5 planned, 6 of 12 assets delivered.
    const phases = [
      { id: 'p1', name: 'Planning', position: 0, planned_days: 3, actual_start: '2026-03-10', actual_end: '2026-03-12' },
      { id: 'p2', name: 'Creative', position: 1, planned_days: 5, actual_start: '2026-03-13', required_assets: 12, delivered_assets: 6, teams: ['Studio'] },
      { id: 'p3', name: 'Launch', position: 2, planned_days: 1 },
    ];
    const recs = recommend({ campaigns: [entry('a', [], { campaign: campaign('a', { status: 'planned' }), phases })], now: NOW });
    const [extend] = ofKind(recs, 'extend_phase');
    expect(extend).toMatchObject({
      campaign_id: 'a',
      title: 'Extend Creative on Campaign a from 5 to 16 days',
      recommendation_key: 'extend_phase:a:creative',
      payload: { phase_id: 'p2', elapsed_days: 8, drift_days: 3, severity: 'Blocked', proposed_planned_days: 16, downstream_phases: ['Launch'] },
    });
    expect(extend.rationale).toContain('has run 8 days against 5 planned (3 over, Blocked)');
    expect(extend.score).toBe(0.9);

    const [cut] = ofKind(recs, 'reduce_assets');
    // 12 were due by day 8; 6 delivered at 0.75 a day, with at least one more day: 6 in all.
    expect(cut.payload).toMatchObject({ required_assets: 12, delivered_assets: 6, proposed_required_assets: 6, cut: 6 });
    expect(cut.rationale).toContain('6 of 12 assets delivered after 8 of 5 planned days');
  });

  it('cuts assets on a phase still within plan when delivery is behind its pro-rata share', () => {
    const phases = [{ name: 'Creative', position: 0, planned_days: 10, actual_start: '2026-03-15', required_assets: 20, delivered_assets: 2, teams: ['Studio', 'Copy'] }];
    const recs = recommend({ campaigns: [entry('a', [], { phases })], now: NOW });
    expect(ofKind(recs, 'extend_phase')).toEqual([]);
    const [cut] = ofKind(recs, 'reduce_assets');
    // Day 6 of 10: 12 due, 2 delivered at 1/3 a day → 2 + floor(4 / 3) = 3.
    expect(cut.payload).toMatchObject({ due_by_now: 12, proposed_required_assets: 3, cut: 17 });
  });

  it('proposes parallel approvals while a phase runs over its rounds, and as prevention once it finished late', () => {
    const running = [{ name: 'Compliance', position: 0, planned_days: 7, actual_start: '2026-03-16', approvals_planned: 2, approvals_actual: 3, teams: ['Legal', 'Brand'] }];
    const [live] = ofKind(recommend({ campaigns: [entry('a', [], { phases: running })], now: NOW }), 'parallelize_approvals');
    expect(live).toMatchObject({ title: 'Parallelize the remaining Compliance approvals on Campaign a', payload: { extra_rounds: 1, preventive: false, days_at_stake: 2 } });

    const finished = [
      { name: 'Compliance', position: 0, planned_days: 7, actual_start: '2026-03-09', actual_end: '2026-03-18', approvals_planned: 3, approvals_actual: 5, teams: ['Legal', 'Brand'] },
      { name: 'Launch', position: 1, planned_days: 1 },
    ];
    const [prevent] = ofKind(recommend({ campaigns: [entry('a', [], { phases: finished })], now: NOW }), 'parallelize_approvals');
    expect(prevent.payload).toMatchObject({ preventive: true, extra_rounds: 2, drift_days: 3, days_at_stake: 4 });
    expect(prevent.rationale).toContain('took 5 approval rounds against 3 planned (+2) and finished 3 day(s) late');
  });

  it('recommends shifting the launch when the projected launch misses part of the peak window', () => {
    // Launch planned 2026-03-19 (inside the peak from 03-18), projected 03-23: 4 peak days lost.
    const phases = [
      { name: 'Creative', position: 0, planned_days: 5, planned_start: '2026-03-14', actual_start: '2026-03-14', delivered_assets: 1, required_assets: 5 },
      { name: 'Launch', position: 1, planned_days: 1, planned_start: '2026-03-19' },
    ];
    const c = campaign('a', { status: 'planned', planned_launch: '2026-03-19', peak_start: '2026-03-18', peak_end: '2026-03-31' });
    const recs = recommend({ campaigns: [{ campaign: c, phases }], now: '2026-03-22T10:00:00Z' });
    const [shift] = ofKind(recs, 'shift_launch');
    expect(shift.payload).toMatchObject({ planned_launch: '2026-03-19', projected_launch: '2026-03-23', peak_days: 14, peak_days_missed: 4, misses_entirely: false, days_to_pull_forward: 4 });
    expect(shift.rationale).toContain('because Creative (+4 days) is running late');
    expect(shift.recommendation_key).toBe('shift_launch:a');

    const late = recommend({ campaigns: [{ campaign: { ...c, peak_end: '2026-03-21' }, phases }], now: '2026-03-22T10:00:00Z' });
    expect(ofKind(late, 'shift_launch')[0]).toMatchObject({ score: 1, payload: { misses_entirely: true } });

    const noPeak = recommend({ campaigns: [{ campaign: { ...c, peak_start: null, peak_end: null }, phases }], now: '2026-03-22T10:00:00Z' });
    expect(ofKind(noPeak, 'shift_launch')).toEqual([]);
  });

  it('says nothing about phases of completed campaigns, or on a plan that runs on time', () => {
    const phases = [{ name: 'Compliance', position: 0, planned_days: 3, actual_start: '2026-03-01', actual_end: '2026-03-08', approvals_planned: 1, approvals_actual: 4 }];
    const done = recommend({ campaigns: [entry('a', [], { campaign: campaign('a', { status: 'completed' }), phases })], now: NOW });
    expect(done).toEqual([]);
    expect(recommend({ campaigns: [entry('a', [])], now: NOW })).toEqual([]);
  });

  it('skips drift rules for a campaign whose phases cannot be read, and still reports the rest', () => {
    const bad = [{ name: 'Creative', position: 0, planned_days: 0 }];
    const recs = recommend({ campaigns: [entry('a', [], { campaign: campaign('a', { meta_pixel_id: null }), phases: bad })], now: NOW });
    expect(recs.map((r) => r.kind)).toEqual(['fix_tracking']);
  });
});

describe('recommend: alerts and tracking', () => {
  const alert = (overrides: Partial<RecommendationAlert> = {}): RecommendationAlert => ({
    id: 'alert-1',
    finding_key: 'card-1:sales',
    title: 'Sales dropped 58% after creative change',
    status: 'active',
    confidence: 0.86,
    trigger_action_id: 'card-1',
    revert_action_id: null,
    suggested_action: { type: 'revert', target_action_id: 'card-1', button_label: 'Revert to previous creative' },
    correlation_data: { metric: 'sales', change_pct: -58.3, impact: 'negative', action: { id: 'card-1', title: 'Swapped hero image', action_type: 'creative_change', occurred_at: '2026-11-20T10:00:00Z' } },
    ...overrides,
  });

  it('turns an active revert alert into a revert recommendation keyed by its finding', () => {
    const [rec] = recommend({ campaigns: [entry('a', [], { alerts: [alert()] })], now: NOW });
    expect(rec).toMatchObject({
      kind: 'revert_change',
      title: 'Revert "Swapped hero image" on Campaign a',
      score: 0.86,
      recommendation_key: 'revert_change:a:card-1:sales',
      payload: { alert_id: 'alert-1', target_action_id: 'card-1', metric: 'sales', change_pct: -58.3 },
    });
    expect(rec.rationale).toContain('sales -58.3 % against its counterfactual');
    expect(rec.rationale).toContain('confidence 86 %');
  });

  it('ignores alerts already reverted, resolved, only asking for review, or under the confidence bar', () => {
    const alerts = [
      alert({ id: 'x1', revert_action_id: 'card-2' }),
      alert({ id: 'x2', status: 'resolved' }),
      alert({ id: 'x3', suggested_action: { type: 'review', target_action_id: 'card-1' } }),
      alert({ id: 'x4', confidence: '0.5' }),
    ];
    expect(ofKind(recommend({ campaigns: [entry('a', [], { alerts })], now: NOW }), 'revert_change')).toEqual([]);
  });

  it('asks a sales campaign for the conversion sources it lacks, most urgent with none at all', () => {
    const none = campaign('a', { meta_pixel_id: null, website_tracking: false, promo_tracking: false });
    const [rec] = recommend({ campaigns: [{ campaign: none, phases: ON_PLAN }], now: NOW });
    expect(rec).toMatchObject({
      kind: 'fix_tracking',
      title: 'Add a Meta Pixel and website event tracking and promo codes to Campaign a',
      score: 0.95,
      recommendation_key: 'fix_tracking:a:meta_pixel+website_events+promo_codes',
    });
    expect(rec.rationale).toContain('0 of 3 conversion sources');

    const promoOnly = campaign('b', { promo_tracking: false, tracking: { promo_codes: true } });
    const website = campaign('c', { website_tracking: false });
    const leads = campaign('d', { objective: 'leads', meta_pixel_id: null });
    const recs = recommend({ campaigns: [promoOnly, website, leads].map((c) => ({ campaign: c, phases: ON_PLAN })), now: NOW });
    expect(recs.map((r) => [r.campaign_id, r.payload.missing])).toEqual([['c', ['website_events']]]);
  });
});

describe('recommend: determinism', () => {
  it('returns the same list for the same input, ordered by kind then score', () => {
    const input = {
      campaigns: [
        entry('a', series(14, 100, 1), { campaign: campaign('a', { meta_pixel_id: null }) }),
        entry('b', series(14, 100, 3)),
      ],
      now: NOW,
    };
    const first = recommend(input);
    expect(recommend(structuredClone(input))).toEqual(first);
    expect(first.map((r) => r.kind)).toEqual(['budget_reallocation', 'fix_tracking']);
    for (const r of first) {
      expect(r.score).toBeGreaterThanOrEqual(0);
      expect(r.score).toBeLessThanOrEqual(1);
      expect(r.title.length).toBeLessThanOrEqual(200);
    }
  });

  it('names ISO weeks across year boundaries', () => {
    expect(isoWeek(toDayNumber('2026-01-01'))).toBe('2026-W01');
    expect(isoWeek(toDayNumber('2027-01-01'))).toBe('2026-W53');
    expect(isoWeek(toDayNumber('2024-12-30'))).toBe('2025-W01');
  });
});
