import { describe, expect, it } from 'vitest';
import { addDays } from '../../supabase/functions/_shared/domain/dates.ts';
import { computeDrift } from '../../supabase/functions/_shared/domain/drift.ts';
import { correlateCampaign, isRecovered } from '../../supabase/functions/_shared/domain/correlation/index.ts';
import type { CampaignInputRaw } from '../../supabase/functions/_shared/domain/correlation/types.ts';
import { buildDemoPlan, buildNextDay, type CampaignKey, type DemoPlan, STORY } from './scenario.ts';

const TODAY = '2026-03-12';
const plan = buildDemoPlan(TODAY);
const d = (n: number) => addDays(TODAY, n);

/** The engine's input for one campaign, as the analysis builds it from the rows (ids are the plan's card keys). */
function engineInput(p: DemoPlan, key: CampaignKey, extra: DemoPlan['snapshots'] = []): CampaignInputRaw {
  const c = p.campaigns.find((x) => x.key === key)!;
  return {
    id: c.id,
    name: c.name,
    objective: c.objective,
    primary_kpi: c.primary_kpi,
    kpi_target: c.kpi_target,
    actions: p.cards
      .filter((a) => a.campaign === key)
      .map((a) => ({ id: a.key, action_type: a.action_type, title: a.title, description: a.description, occurred_at: a.occurred_at, status: a.status, metadata: a.metadata, reverts_action_id: a.reverts })),
    snapshots: [...p.snapshots, ...extra].filter((s) => s.campaign === key).sort((a, b) => a.date.localeCompare(b.date)),
  };
}

const NOW = `${TODAY}T08:00:00.000Z`;

describe('buildDemoPlan', () => {
  it('is deterministic for a given day and moves with the calendar', () => {
    expect(buildDemoPlan(TODAY)).toEqual(plan);
    const later = buildDemoPlan(d(1));
    expect(later.snapshots.map((s) => s.sales)).toEqual(plan.snapshots.map((s) => s.sales));
    expect(later.snapshots[0].date).toBe(addDays(plan.snapshots[0].date, 1));
  });

  it('keeps every id unique and every row inside the database constraints', () => {
    const ids = [plan.workspace.id, ...plan.campaigns, ...plan.phases, ...plan.cards, ...plan.snapshots, ...plan.promoCodes, ...plan.trackingEvents].map((r) =>
      typeof r === 'string' ? r : r.id,
    );
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(plan.trackingEvents.map((e) => e.event_id)).size).toBe(plan.trackingEvents.length);
    for (const s of plan.snapshots) {
      expect(Math.min(s.sales, s.revenue, s.spend, s.roas, s.impressions, s.clicks, s.conversions, s.engagement)).toBeGreaterThanOrEqual(0);
      expect(s.clicks).toBeLessThanOrEqual(s.impressions);
      expect(s.conversions).toBeLessThanOrEqual(s.clicks);
    }
    for (const p of plan.phases) {
      expect(p.planned_days).toBeGreaterThan(0);
      if (p.actual_end) expect(p.actual_end >= (p.actual_start ?? '')).toBe(true);
    }
    for (const code of plan.promoCodes) expect(code.code).toMatch(/^[A-Z0-9_-]{3,32}$/);
    for (const e of plan.trackingEvents) if (e.event_type === 'Purchase') expect(e.value).not.toBeNull();
    for (const c of plan.campaigns) {
      expect(c.meta_pixel_id).toMatch(/^[0-9]{6,20}$/);
      expect(c.ads_account_id).toMatch(/^(act_)?[0-9]{6,20}$/);
    }
  });

  it('gives each live campaign 7–14 days of data up to yesterday and 3–5 action cards', () => {
    const live = plan.campaigns.filter((c) => c.analysed);
    expect(live.map((c) => c.key)).toEqual(['spring', 'bestsellers', 'new-arrivals']);
    for (const c of live) {
      const days = plan.snapshots.filter((s) => s.campaign === c.key);
      expect(days.length).toBeGreaterThanOrEqual(7);
      expect(days.length).toBeLessThanOrEqual(14);
      expect(days.at(-1)?.date).toBe(d(-1));
      const cards = plan.cards.filter((a) => a.campaign === c.key);
      expect(cards.length).toBeGreaterThanOrEqual(3);
      expect(cards.length).toBeLessThanOrEqual(5);
      expect(new Set(cards.map((a) => a.status))).toContain('completed');
    }
  });

  it('tells the spec demo story on the calendar: ≈ $500 and 30 conversions, blue → red at 10:00 two days ago, ≈ $200 yesterday', () => {
    const spring = plan.snapshots.filter((s) => s.campaign === 'spring');
    expect(spring[0].sales).toBeGreaterThan(450);
    expect(spring[0].sales).toBeLessThan(550);
    expect(spring[0].conversions).toBeGreaterThanOrEqual(27);
    expect(spring[0].conversions).toBeLessThanOrEqual(33);
    const creative = plan.cards.find((c) => c.key === STORY.card)!;
    expect(creative).toMatchObject({ action_type: 'creative_change', status: 'completed', created_by: 'sarah', occurred_at: `${d(-2)}T10:00:00.000Z` });
    expect(creative.metadata).toEqual({
      previous_state: { creative_url: 'blue_hero.jpg' },
      new_state: { creative_url: 'red_hero.jpg' },
      affected_ad_sets: ['ad_set_1', 'ad_set_2'],
    });
    expect(spring.at(-1)).toMatchObject({ date: d(-1), sales: 200 });
  });

  it("carries the spec's drift sample on the upcoming campaign", () => {
    const summer = plan.phases.filter((p) => p.campaign === 'summer');
    const report = computeDrift({ phases: summer }, { now: `${TODAY}T12:00:00Z` });
    expect(report.phases.map((p) => [p.name, p.planned_days, p.actual_days, p.drift_days, p.severity])).toEqual([
      ['Planning', 3, 3, 0, 'On Track'],
      ['Creative', 5, 7, 2, 'At Risk'],
      ['Compliance', 7, 10, 3, 'Blocked'],
      ['Launch', 1, null, null, 'Pending'],
    ]);
  });

  it('gives feasibility similar finished campaigns to learn from', () => {
    const past = plan.campaigns.filter((c) => c.status === 'completed');
    expect(past.length).toBeGreaterThanOrEqual(2);
    const total = (key: CampaignKey) => plan.phases.filter((p) => p.campaign === key).reduce((s, p) => s + p.planned_days, 0);
    const similar = past.filter((c) => c.objective === 'sales' && Math.abs(total(c.key) - total('summer')) <= 0.2 * total('summer'));
    expect(similar.length).toBeGreaterThanOrEqual(2);
    for (const c of past) expect(plan.phases.filter((p) => p.campaign === c.key).every((p) => p.actual_end !== null)).toBe(true);
  });

  it('puts cards in every column, oldest first, a reverting card after the card it reverts', () => {
    expect(new Set(plan.cards.map((c) => c.status))).toEqual(new Set(['planned', 'in_progress', 'completed', 'reverted']));
    const times = plan.cards.map((c) => c.occurred_at);
    expect([...times].sort()).toEqual(times);
    for (const c of plan.cards.filter((x) => x.reverts)) {
      expect(plan.cards.findIndex((x) => x.key === c.reverts)).toBeLessThan(plan.cards.indexOf(c));
    }
  });
});

describe('what the correlation engine finds in the demo', () => {
  const alertsOf = (key: CampaignKey) => correlateCampaign(engineInput(plan, key), { now: NOW }).alerts;

  it('alerts on the sales drop after the creative change, confidently, with a one-click revert', () => {
    const [alert, ...others] = alertsOf('spring');
    expect(others).toEqual([]);
    expect(alert.trigger_action_id).toBe(STORY.card);
    expect(alert.title).toMatch(STORY.titlePattern);
    expect(alert.confidence).toBeGreaterThanOrEqual(STORY.minConfidence);
    expect(alert.severity).toBe('high');
    expect(alert.correlation_data.recovered).toBe(false);
    expect(alert.suggested_action).toMatchObject({ type: 'revert', button_label: 'Revert to previous creative', auto_executable: true });
  });

  it('credits the budget increase with higher sales and suggests no revert', () => {
    const [alert, ...others] = alertsOf('bestsellers');
    expect(others).toEqual([]);
    expect(alert.trigger_action_id).toBe('bestsellers-budget');
    expect(alert.impact).toBe('positive');
    expect(alert.title).toMatch(/^Sales rose \d+% after budget adjustment$/);
    expect(alert.suggested_action).toBeNull();
  });

  it('sees mixed results after the audience change: clicks up, ROAS and sales down', () => {
    const result = correlateCampaign(engineInput(plan, 'new-arrivals'), { now: NOW });
    const moved = Object.fromEntries(result.findings.filter((f) => f.action_id === 'new-arrivals-audience').map((f) => [f.metric, f.impact]));
    expect(moved).toMatchObject({ clicks: 'positive', sales: 'negative', roas: 'negative' });
    expect(result.alerts.map((a) => a.title)).toEqual([expect.stringMatching(/^ROAS dropped \d+% after audience targeting$/)]);
  });

  it('blames none of the other cards', () => {
    const triggers = (['spring', 'bestsellers', 'new-arrivals'] as const).flatMap((k) =>
      correlateCampaign(engineInput(plan, k), { now: NOW }).findings.map((f) => f.action_id),
    );
    expect(new Set(triggers)).toEqual(new Set([STORY.card, 'bestsellers-budget', 'new-arrivals-audience']));
  });
});

describe('buildNextDay', () => {
  it("brings Spring Sale's sales back within the alert's 10 % band, today", () => {
    const next = buildNextDay(TODAY);
    expect(next.map((s) => [s.campaign, s.date])).toEqual([
      ['spring', TODAY],
      ['bestsellers', TODAY],
      ['new-arrivals', TODAY],
    ]);
    const finding = correlateCampaign(engineInput(plan, 'spring'), { now: NOW }).findings.find((f) => f.action_id === STORY.card && f.metric === 'sales')!;
    expect(isRecovered(finding.baseline_level, next[0].sales, 0.1)).toBe(true);
    expect(next[0].sales).toBeGreaterThanOrEqual(450);
  });

  it("continues the other campaigns' own series and never resolves the audience alert", () => {
    const next = buildNextDay(TODAY);
    const last = plan.snapshots.filter((s) => s.campaign === 'bestsellers').at(-1)!;
    expect(next[1].sales / last.sales).toBeGreaterThan(0.85);
    expect(next[1].sales / last.sales).toBeLessThan(1.15);
    expect(buildNextDay(TODAY)).toEqual(next);
    const audience = correlateCampaign(engineInput(plan, 'new-arrivals'), { now: NOW }).findings.find(
      (f) => f.action_id === 'new-arrivals-audience' && f.metric === 'roas',
    )!;
    expect(isRecovered(audience.baseline_level, next[2].roas, 0.1)).toBe(false);
  });
});
