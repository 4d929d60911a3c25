/**
 * Independent evaluation campaigns for the correlation engine, written from issue 10's description of the problem
 * (not from the engine's code): three weeks of daily data per campaign, 10–20 % day-to-day noise on the demand,
 * weekday patterns, realistic action mixes, and four kinds of campaign:
 *
 *   null        — actions, no effect anywhere (any alert is a false alarm);
 *   preexisting — type 1: a large shift began 1–3 days *before* the only nearby action (no action caused it);
 *   two_actions — type 2: two actions 4–10 h apart, the effect starts after the first (the first is the cause);
 *   single      — type 3: one action causes a drop of 45–55 % or a rise of 50–70 %.
 *
 * Effects act through the funnel the way the action type would (a creative moves click-through, a budget moves spend,
 * a bidding change moves what the spend buys, …), so the metrics that moved are evidence a reader could use.
 * The generator has its own random source and its own seeds; the held-out seeds are never used for tuning.
 */

/** Seeds the engine may be tuned on. */
export const TUNING_SEEDS = [101, 102, 103] as const;
/** Seeds reported on and never tuned on. */
export const HELD_OUT_SEEDS = [9001, 9002, 9003] as const;

export type IndependentClass = 'null' | 'preexisting' | 'two_actions' | 'single';

export interface IndependentTruth {
  campaign_id: string;
  class: IndependentClass;
  /** The action that caused the shift, or null when no action did. */
  cause_action_id: string | null;
  /** The other action of a two-action campaign (blaming it is wrong). */
  competitor_action_id: string | null;
  /** Expected sign of the change per metric that the cause moved (+1 up, −1 down). */
  moved: Partial<Record<string, 1 | -1>>;
  /** Size of the shift on the demand side, e.g. −0.5 for a 50 % drop. */
  effect: number;
  /** When the shift began (ISO), also for type 1 where no action caused it. */
  onset_at: string | null;
  action_types: string[];
  noise: number;
}

export interface IndependentCampaign {
  id: string;
  name: string;
  objective: string;
  actions: Array<{
    id: string;
    action_type: string;
    title: string;
    description: string;
    occurred_at: string;
    status: string;
    metadata: Record<string, unknown>;
  }>;
  snapshots: Array<Record<string, number | string>>;
}

// ───────────── random source: sfc32 seeded through splitmix32 (independent of the engine's generator) ─────────────
function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: number) {
    const init = splitmix32(seed);
    this.a = init();
    this.b = init();
    this.c = init();
    this.d = init();
    for (let i = 0; i < 12; i++) this.next();
  }
  next(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = ((this.c << 21) | (this.c >>> 11)) >>> 0;
    this.c = (this.c + t) >>> 0;
    return (t >>> 0) / 4294967296;
  }
  uniform(lo: number, hi: number): number {
    return lo + (hi - lo) * this.next();
  }
  int(lo: number, hi: number): number {
    return Math.floor(this.uniform(lo, hi + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  normal(): number {
    const u = Math.max(this.next(), 1e-12);
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 40) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const l = Math.exp(-lambda);
    let k = 0;
    let p = 1;
    do {
      k++;
      p *= this.next();
    } while (p > l);
    return k - 1;
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }
  weighted<T extends string>(weights: Record<T, number>): T {
    const entries = Object.entries(weights) as Array<[T, number]>;
    const total = entries.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [k, w] of entries) {
      r -= w;
      if (r <= 0) return k;
    }
    return entries[entries.length - 1][0];
  }
}

// ───────────── what an action does to the funnel ─────────────
type Lever = 'demand' | 'ctr' | 'cvr' | 'cpm' | 'spend';

/** How a cause of each type moves the funnel, per unit of effect (a creative works through click-through, …). */
const MECHANISM: Record<string, Partial<Record<Lever, number>>> = {
  creative_change: { ctr: 1 },
  ad_copy_update: { ctr: 1 },
  audience_targeting: { cvr: 0.8, ctr: 0.25 },
  bidding_change: { cpm: 1 },
  posting_schedule_change: { demand: 1 },
  budget_adjustment: { spend: 1 },
  pause_ads: { spend: 1 },
  duplicate_ad_set: { demand: 1 },
  other: { cvr: 1 },
};

const CAUSE_MIX = {
  creative_change: 30,
  ad_copy_update: 14,
  audience_targeting: 18,
  bidding_change: 8,
  budget_adjustment: 14,
  posting_schedule_change: 5,
  pause_ads: 4,
  other: 7,
} as const;

const ANY_MIX = { ...CAUSE_MIX, duplicate_ad_set: 4, budget_adjustment: 18 } as const;

const TITLES: Record<string, string[]> = {
  creative_change: ['New hero image', 'Swapped video creative', 'Refreshed carousel'],
  ad_copy_update: ['Rewrote headline', 'New call to action', 'Shorter primary text'],
  audience_targeting: ['Broadened lookalike to 5 %', 'Added interest stack', 'Excluded past buyers'],
  bidding_change: ['Switched to cost cap', 'Raised bid cap', 'Lowest cost bidding'],
  budget_adjustment: ['Budget change', 'Moved budget to prospecting'],
  posting_schedule_change: ['Dayparting evenings only', 'New posting schedule'],
  pause_ads: ['Paused two ads', 'Paused weak ad'],
  duplicate_ad_set: ['Duplicated winning ad set'],
  other: ['Landing page update', 'Checkout tweak', 'Offer change'],
};

const AD_SETS = ['Prospecting', 'Retargeting', 'Lookalike 1 %', 'Broad', 'Advantage+', 'Interests'];

/** Share of a day's traffic by hour (more in the day and evening, little at night). */
const HOURLY = Array.from({ length: 24 }, (_, h) => (h < 6 ? 0.25 : h < 9 ? 0.8 : h < 18 ? 1.1 : h < 23 ? 1.4 : 0.6));
const HOURLY_TOTAL = HOURLY.reduce((s, w) => s + w, 0);

/** Fraction of day `dayStartMs`'s traffic that falls at or after `atMs` (0 before the day, 1 after). */
function exposedShare(dayStartMs: number, atMs: number): number {
  const hours = (atMs - dayStartMs) / 3_600_000;
  if (hours <= 0) return 1;
  if (hours >= 24) return 0;
  let share = 0;
  for (let h = 0; h < 24; h++) {
    const from = Math.max(h, hours);
    if (from < h + 1) share += HOURLY[h] * (h + 1 - from);
  }
  return share / HOURLY_TOTAL;
}

interface Shift {
  at: number;
  effect: number;
  levers: Partial<Record<Lever, number>>;
}

const DAY_MS = 86_400_000;
const DAYS = 21;

function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

function weekdayProfile(rng: Rng): number[] {
  const amplitude = rng.uniform(0, 0.3);
  const shape = rng.pick(['weekend_dip', 'weekend_peak', 'midweek_peak', 'flat'] as const);
  const raw = [0, 1, 2, 3, 4, 5, 6].map((dow) => {
    // dow: 0 = Sunday
    const weekend = dow === 0 || dow === 6 ? 1 : 0;
    if (shape === 'weekend_dip') return 1 - amplitude * weekend;
    if (shape === 'weekend_peak') return 1 + amplitude * weekend;
    if (shape === 'midweek_peak') return 1 + amplitude * Math.cos(((dow - 3) / 7) * 2 * Math.PI);
    return 1 + 0.3 * amplitude * rng.normal();
  });
  const mean = raw.reduce((s, v) => s + v, 0) / 7;
  return raw.map((v) => v / mean);
}

function actionOf(rng: Rng, id: string, type: string, atMs: number, cause: Shift | null): IndependentCampaign['actions'][number] {
  const adSets = AD_SETS.filter(() => rng.chance(0.35));
  const metadata: Record<string, unknown> = { affected_ad_sets: adSets.length ? adSets : [rng.pick(AD_SETS)] };
  if (type === 'budget_adjustment') {
    const change = cause ? cause.effect : 0;
    const before = rng.int(3, 20) * 50;
    metadata.previous_state = { daily_budget: before };
    metadata.new_state = { daily_budget: Math.round(before * (1 + change)) };
  }
  return {
    id,
    action_type: type,
    title: rng.pick(TITLES[type] ?? TITLES.other),
    description: '',
    occurred_at: new Date(atMs).toISOString(),
    status: 'completed',
    metadata,
  };
}

/** Signs of the metrics a cause of this type moves (up for a positive effect). */
function movedMetrics(levers: Partial<Record<Lever, number>>, effect: number): Partial<Record<string, 1 | -1>> {
  const s: 1 | -1 = effect > 0 ? 1 : -1;
  const neg = (x: 1 | -1): 1 | -1 => (x === 1 ? -1 : 1);
  const moved: Partial<Record<string, 1 | -1>> = { sales: s, revenue: s, conversions: s };
  if (levers.spend) {
    Object.assign(moved, { spend: s, impressions: s, clicks: s });
  } else {
    // Spend unchanged: more sales means better ROAS and lower CPA.
    Object.assign(moved, { roas: s, cpa: neg(s) });
    if (levers.ctr || levers.demand || levers.cpm) moved.clicks = s;
    if (levers.cpm || levers.demand) moved.impressions = s;
  }
  return moved;
}

function simulate(rng: Rng, startMs: number, shifts: Shift[], noise: number): IndependentCampaign['snapshots'] {
  const weekday = weekdayProfile(rng);
  const cpm = rng.uniform(6, 18);
  const ctr = rng.uniform(0.008, 0.025);
  const cvr = rng.uniform(0.02, 0.06);
  const purchaseShare = rng.uniform(0.6, 0.95);
  // Budget set so a day brings 80–600 sales: the day-to-day noise of the series is then `noise`, not counting noise.
  const expectedSales = rng.uniform(80, 600);
  const budget = (expectedSales / ((1000 / cpm) * ctr * cvr * purchaseShare));
  const demandSd = Math.sqrt(Math.max(noise * noise - 1 / expectedSales, 0.05 * 0.05));
  const aov = rng.uniform(35, 140);
  const drift = rng.uniform(-0.006, 0.006); // slow trend per day
  const snapshots: IndependentCampaign['snapshots'] = [];
  for (let d = 0; d < DAYS; d++) {
    const dayMs = startMs + d * DAY_MS;
    const lever: Record<Lever, number> = { demand: 1, ctr: 1, cvr: 1, cpm: 1, spend: 1 };
    for (const shift of shifts) {
      const share = exposedShare(dayMs, shift.at);
      for (const [name, weight] of Object.entries(shift.levers) as Array<[Lever, number]>) {
        // Mix of the before and after levels by the share of the day's traffic after the onset.
        const after = Math.max(0.05, 1 + shift.effect * weight);
        lever[name] *= 1 - share + share * after;
      }
    }
    const dow = new Date(dayMs).getUTCDay();
    const demandNoise = Math.exp(demandSd * rng.normal() - (demandSd * demandSd) / 2);
    const trend = 1 + drift * d;
    const spend = budget * lever.spend * (1 + 0.03 * rng.normal());
    const impressions = Math.max(1, Math.round((spend / (cpm / lever.cpm)) * 1000 * weekday[dow] * lever.demand * trend * (1 + 0.04 * rng.normal())));
    const clicks = Math.min(impressions, rng.poisson(impressions * ctr * lever.ctr * demandNoise));
    const conversions = Math.min(clicks, rng.poisson(clicks * cvr * lever.cvr));
    let sales = 0;
    for (let i = 0; i < conversions; i++) if (rng.next() < purchaseShare) sales++;
    const revenue = Math.round(sales * aov * Math.exp(0.08 * rng.normal()) * 100) / 100;
    const spendRounded = Math.round(spend * 100) / 100;
    snapshots.push({
      date: isoDate(dayMs),
      impressions,
      clicks,
      conversions,
      sales,
      revenue,
      spend: spendRounded,
      roas: spendRounded > 0 ? Math.round((revenue / spendRounded) * 100) / 100 : 0,
      cpa: conversions > 0 ? Math.round((spendRounded / conversions) * 100) / 100 : 0,
    });
  }
  return snapshots;
}

function effectSize(rng: Rng): number {
  return rng.chance(0.6) ? -rng.uniform(0.45, 0.55) : rng.uniform(0.5, 0.7);
}

/** One campaign of the given class; deterministic in (seed, index). */
export function independentCampaign(seed: number, index: number, kind: IndependentClass): { campaign: IndependentCampaign; truth: IndependentTruth } {
  const rng = new Rng(seed * 100_003 + index * 7919 + 17);
  const id = `ind-${seed}-${index}-${kind}`;
  const startMs = Date.UTC(2026, 8, 7) + rng.int(0, 6) * DAY_MS; // a varying weekday
  const noise = rng.uniform(0.1, 0.2);
  const actionDay = rng.int(14, 18); // leaves 2–6 whole days after the action's day
  const hourMs = () => rng.uniform(7, 22.5) * 3_600_000;
  const mainAt = startMs + actionDay * DAY_MS + hourMs();
  const shifts: Shift[] = [];
  const actions: IndependentCampaign['actions'] = [];
  const truth: IndependentTruth = {
    campaign_id: id,
    class: kind,
    cause_action_id: null,
    competitor_action_id: null,
    moved: {},
    effect: 0,
    onset_at: null,
    action_types: [],
    noise,
  };

  // An unrelated earlier change now and then, as real campaigns have.
  if (rng.chance(0.3)) {
    const earlyAt = startMs + rng.int(3, 9) * DAY_MS + hourMs();
    actions.push(actionOf(rng, `${id}-early`, rng.weighted(ANY_MIX), earlyAt, null));
  }

  if (kind === 'null') {
    const count = rng.int(1, 3);
    for (let i = 0; i < count; i++) {
      const at = mainAt + (i === 0 ? 0 : rng.uniform(-30, 30) * 3_600_000);
      actions.push(actionOf(rng, `${id}-a${i + 1}`, rng.weighted(ANY_MIX), at, null));
    }
  } else if (kind === 'preexisting') {
    const effect = effectSize(rng);
    const onset = mainAt - rng.uniform(24, 72) * 3_600_000;
    shifts.push({ at: onset, effect, levers: { demand: 0.5, cvr: 0.5 } });
    actions.push(actionOf(rng, `${id}-a1`, rng.weighted(ANY_MIX), mainAt, null));
    truth.effect = effect;
    truth.onset_at = new Date(onset).toISOString();
  } else if (kind === 'single') {
    const effect = effectSize(rng);
    const type = rng.weighted(CAUSE_MIX);
    const onset = mainAt + rng.uniform(0, 12) * 3_600_000;
    const levers = MECHANISM[type];
    shifts.push({ at: onset, effect, levers });
    const cause = actionOf(rng, `${id}-a1`, type, mainAt, shifts[0]);
    actions.push(cause);
    truth.cause_action_id = cause.id;
    truth.moved = movedMetrics(levers, effect);
    truth.effect = effect;
    truth.onset_at = new Date(onset).toISOString();
  } else {
    const effect = effectSize(rng);
    const firstType = rng.weighted(CAUSE_MIX);
    let secondType = rng.weighted(ANY_MIX);
    if (secondType === firstType && rng.chance(0.75)) secondType = rng.weighted(ANY_MIX);
    const gapH = rng.uniform(4, 10);
    const secondAt = mainAt + gapH * 3_600_000;
    const onset = mainAt + rng.uniform(0, Math.min(3, gapH - 1)) * 3_600_000;
    const levers = MECHANISM[firstType];
    shifts.push({ at: onset, effect, levers });
    const first = actionOf(rng, `${id}-a1`, firstType, mainAt, shifts[0]);
    const second = actionOf(rng, `${id}-a2`, secondType, secondAt, null);
    // Listed in either order: the engine must read the timestamps, not the list position.
    if (rng.chance(0.5)) actions.push(first, second);
    else actions.push(second, first);
    truth.cause_action_id = first.id;
    truth.competitor_action_id = second.id;
    truth.moved = movedMetrics(levers, effect);
    truth.effect = effect;
    truth.onset_at = new Date(onset).toISOString();
  }

  truth.action_types = actions.map((a) => a.action_type);
  const campaign: IndependentCampaign = {
    id,
    name: `Independent ${kind} ${seed}/${index}`,
    objective: 'sales',
    actions,
    snapshots: simulate(rng, startMs, shifts, noise),
  };
  return { campaign, truth };
}

/** How many campaigns of each class one seed produces. */
export const CLASS_COUNTS: Record<IndependentClass, number> = { null: 50, preexisting: 20, two_actions: 30, single: 60 };

/** Every campaign of one seed (160 by default). */
export function independentSuite(seed: number, counts: Record<IndependentClass, number> = CLASS_COUNTS): Array<{ campaign: IndependentCampaign; truth: IndependentTruth }> {
  const out: Array<{ campaign: IndependentCampaign; truth: IndependentTruth }> = [];
  let index = 0;
  for (const kind of ['null', 'preexisting', 'two_actions', 'single'] as const) {
    for (let i = 0; i < counts[kind]; i++) out.push(independentCampaign(seed, index++, kind));
  }
  return out;
}
