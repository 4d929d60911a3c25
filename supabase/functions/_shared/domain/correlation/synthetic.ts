/**
 * Seeded synthetic campaigns for evaluating the engine: daily funnels (impressions → clicks → conversions → sales)
 * with weekday seasonality, trend, lognormal traffic noise and Poisson counts, plus marketer actions of which some
 * carry a known injected effect (size, sign, lag), some none, some share a window with another action
 * (confounded), and some sit next to a one-day tracking glitch. Same seed → same campaigns.
 */
import { dayDate, dayNumber, MS_PER_DAY, MS_PER_HOUR } from './timeline.ts';
import type { CampaignInputRaw } from './types.ts';

/** mulberry32: a small, fast, seedable PRNG returning [0, 1). */
export function createRng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function normal(rng: () => number): number {
  const u = Math.max(rng(), 1e-12);
  return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng());
}

function poisson(rng: () => number, lambda: number): number {
  if (lambda <= 0) return 0;
  if (lambda > 50) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * normal(rng)));
  const limit = Math.exp(-lambda);
  let k = 0;
  let p = rng();
  while (p > limit) {
    k++;
    p *= rng();
  }
  return k;
}

const between = (rng: () => number, lo: number, hi: number) => lo + (hi - lo) * rng();
const pick = <T>(rng: () => number, items: readonly T[]): T => items[Math.floor(rng() * items.length)];

export type Scenario = 'effect' | 'null' | 'confounded' | 'noisy' | 'glitch';
export type Lever = 'creative' | 'targeting' | 'budget';

const LEVER_ACTION: Record<Lever, string> = {
  creative: 'creative_change',
  targeting: 'audience_targeting',
  budget: 'budget_adjustment',
};
const NULL_ACTION_TYPES = ['ad_copy_update', 'posting_schedule_change', 'bidding_change', 'creative_change', 'audience_targeting'];

/** What really happened: per action id, the injected effect on the outcome (fraction, 0 = none) and its lag. */
export interface GroundTruth {
  scenario: Scenario;
  effects: Record<string, { effect: number; lagHours: number; lever: Lever | null }>;
}

export interface SyntheticCampaign {
  campaign: CampaignInputRaw;
  truth: GroundTruth;
}

interface PlannedAction {
  id: string;
  type: string;
  at: number;
  effect: number;
  lagHours: number;
  lever: Lever | null;
}

/** One synthetic campaign; `index` names it, `scenario` picks its shape. */
export function generateCampaign(seed: number, index: number, scenario: Scenario): SyntheticCampaign {
  const rng = createRng(seed * 7919 + index * 104729 + 17);
  const startDay = dayNumber('2025-01-06') + Math.floor(rng() * 7);
  const length = Math.floor(between(rng, 28, 43));
  const noise = scenario === 'noisy' ? between(rng, 0.22, 0.35) : between(rng, 0.04, 0.18);
  const seasonality = rng() < 0.7 ? between(rng, 0.05, 0.3) : 0;
  const weekdayShape = [-1, 0.2, 0.4, 0.5, 0.3, 0.1, -0.8].map((v) => v + 0.3 * normal(rng));
  const trend = between(rng, -0.006, 0.006);
  const ctr0 = between(rng, 0.01, 0.03);
  const cvr0 = between(rng, 0.02, 0.06);
  // 10–150 conversions a day (log-uniform): small campaigns are Poisson-noisy, large ones are not.
  const conversions0 = Math.exp(between(rng, Math.log(10), Math.log(150)));
  const impressions0 = conversions0 / cvr0 / ctr0;
  const aov0 = between(rng, 12, 60);
  const spend0 = between(rng, 100, 600);

  // Actions: 2–4, spaced ≥ 4 days apart after ≥ 7 baseline days; in 'confounded' one gets a partner 6–40 h away.
  const actions: PlannedAction[] = [];
  const count = 2 + Math.floor(rng() * 3);
  let day = startDay + Math.floor(between(rng, 7, 15));
  const effectSlot = scenario === 'null' || scenario === 'glitch' ? -1 : Math.floor(rng() * count);
  for (let i = 0; i < count && day < startDay + length - 4; i++) {
    const at = day * MS_PER_DAY + Math.floor(between(rng, 7, 20)) * MS_PER_HOUR;
    const hasEffect = i === effectSlot || (scenario !== 'null' && scenario !== 'glitch' && rng() < 0.15);
    const lever: Lever | null = hasEffect ? pick(rng, ['creative', 'targeting', 'budget'] as const) : null;
    const size = hasEffect ? between(rng, 0.25, 0.7) * (rng() < 0.55 ? -1 : 1) : 0;
    actions.push({
      id: `c${index}-a${i}`,
      type: lever ? LEVER_ACTION[lever] : pick(rng, NULL_ACTION_TYPES),
      at,
      effect: size < 0 ? Math.max(size, -0.7) : size,
      lagHours: hasEffect ? Math.floor(between(rng, 0, 30)) : 0,
      lever,
    });
    if (scenario === 'confounded' && i === effectSlot) {
      const partnerAt = at + (rng() < 0.5 ? -1 : 1) * Math.floor(between(rng, 6, 40)) * MS_PER_HOUR;
      actions.push({ id: `c${index}-a${i}b`, type: pick(rng, NULL_ACTION_TYPES), at: partnerAt, effect: 0, lagHours: 0, lever: null });
    }
    day += Math.floor(between(rng, 4, 8));
  }
  const glitchDay =
    scenario === 'glitch' && actions.length
      ? Math.floor(actions[0].at / MS_PER_DAY) + Math.floor(between(rng, 0, 3))
      : -1;
  const glitch = rng() < 0.5 ? between(rng, 0.35, 0.6) : between(rng, 1.4, 1.9);

  const exposure = (a: PlannedAction, d: number) =>
    Math.min(1, Math.max(0, ((d + 1) * MS_PER_DAY - (a.at + a.lagHours * MS_PER_HOUR)) / MS_PER_DAY));

  const snapshots = [];
  for (let d = startDay; d < startDay + length; d++) {
    const wd = (((d + 4) % 7) + 7) % 7;
    const lever = { creative: 0, targeting: 0, budget: 0 };
    for (const a of actions) if (a.lever) lever[a.lever] += Math.log(1 + a.effect) * exposure(a, d);
    const season = seasonality * weekdayShape[wd] + trend * (d - startDay);
    const budget = Math.exp(lever.budget);
    const spend = spend0 * budget * Math.exp(0.03 * normal(rng));
    const impressions = Math.round(impressions0 * budget * Math.exp(season + noise * normal(rng)));
    const clicks = Math.min(impressions, poisson(rng, impressions * ctr0 * Math.exp(lever.creative)));
    let conversions = Math.min(clicks, poisson(rng, clicks * cvr0 * Math.exp(lever.targeting)));
    if (d === glitchDay) conversions = Math.min(clicks, Math.round(conversions * glitch));
    const sales = conversions * aov0 * Math.exp(0.05 * normal(rng));
    snapshots.push({
      date: dayDate(d),
      sales: round2(sales),
      revenue: round2(sales),
      spend: round2(spend),
      roas: spend > 0 ? round2(sales / spend) : 0,
      cpa: conversions > 0 ? round2(spend / conversions) : null,
      impressions,
      clicks,
      conversions,
    });
  }

  actions.sort((a, b) => a.at - b.at);
  return {
    campaign: {
      id: `synthetic-${index}`,
      name: `Synthetic ${index} (${scenario})`,
      objective: 'sales',
      actions: actions.map((a) => ({
        id: a.id,
        action_type: a.type,
        title: `${a.type.replace(/_/g, ' ')} ${a.id}`,
        description: '',
        occurred_at: new Date(a.at).toISOString(),
        status: 'completed',
        metadata: {},
      })),
      snapshots,
    },
    truth: {
      scenario,
      effects: Object.fromEntries(actions.map((a) => [a.id, { effect: a.effect, lagHours: a.lagHours, lever: a.lever }])),
    },
  };
}

const SCENARIO_MIX: Scenario[] = ['effect', 'effect', 'null', 'null', 'confounded', 'noisy', 'glitch'];

/** `count` campaigns cycling through the scenario mix (effect ×2, null ×2, confounded, noisy, glitch). */
export function generateSuite(seed: number, count: number): SyntheticCampaign[] {
  return Array.from({ length: count }, (_, i) => generateCampaign(seed, i, SCENARIO_MIX[i % SCENARIO_MIX.length]));
}

function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

/**
 * The spec's demo scenario (docs/domain-rules.md, Demo flow) as engine input: `baselineDays` steady days (~$500 sales, ~30 conversions), then a
 * creative change at 10:00 (blue → red), sales ≈ $200 the next day (−60 %), a revert the morning after, and
 * ≈ $450 the day after that. `withRevert: false` stops the data the day after the drop (analysis before the revert).
 */
export function demoCampaign(options: { baselineDays?: number; withRevert?: boolean; seed?: number } = {}): CampaignInputRaw {
  const baselineDays = options.baselineDays ?? 6;
  const withRevert = options.withRevert ?? true;
  const rng = createRng(options.seed ?? 42);
  const start = dayNumber('2025-02-01');
  const changeDay = start + baselineDays;
  const sales: number[] = [];
  for (let i = 0; i < baselineDays; i++) sales.push(500 * (1 + 0.04 * normal(rng)));
  sales.push(480, 200);
  if (withRevert) sales.push(300, 450);
  const snapshots = sales.map((s, i) => {
    const conversions = Math.max(1, Math.round(s / 16.7));
    const spend = 150 * (1 + 0.02 * normal(rng));
    const impressions = Math.round(45000 * (1 + 0.03 * normal(rng)));
    const clicks = Math.round(impressions * 0.027 * (1 + 0.03 * normal(rng)));
    return {
      date: dayDate(start + i),
      sales: round2(s),
      revenue: round2(s),
      spend: round2(spend),
      roas: round2(s / spend),
      cpa: round2(spend / conversions),
      impressions,
      clicks,
      conversions,
    };
  });
  const actions: { id: string; action_type: string; title: string; description: string; occurred_at: string; status: string; metadata: Record<string, unknown> }[] = [
    {
      id: 'action-creative',
      action_type: 'creative_change',
      title: 'Changed hero image from blue to red',
      description: 'Updated main ad creative to test color psychology',
      occurred_at: `${dayDate(changeDay)}T10:00:00Z`,
      status: withRevert ? 'reverted' : 'completed',
      metadata: { previous_state: { creative_url: 'blue_hero.jpg' }, new_state: { creative_url: 'red_hero.jpg' }, affected_ad_sets: ['ad_set_1', 'ad_set_2'] },
    },
  ];
  if (withRevert) {
    actions.push({
      id: 'action-revert',
      action_type: 'creative_change',
      title: 'Reverted hero image to blue',
      description: 'Revert of the red hero image',
      occurred_at: `${dayDate(changeDay + 2)}T09:00:00Z`,
      status: 'completed',
      metadata: { reverts_action_id: 'action-creative', previous_state: { creative_url: 'red_hero.jpg' }, new_state: { creative_url: 'blue_hero.jpg' }, affected_ad_sets: ['ad_set_1', 'ad_set_2'] },
    });
  }
  return { id: 'campaign-demo', name: 'Spring Sale (demo)', objective: 'sales', actions, snapshots };
}
