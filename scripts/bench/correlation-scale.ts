/**
 * Correlation engine at workspace scale (issue 12): analysis time for 100 / 1,000 (/ 10,000) campaigns of 90 days
 * and 20 actions each. Cost must grow linearly with the number of campaigns; target 1,000 campaigns ≤ 2 s.
 *
 *   npx tsx scripts/bench/correlation-scale.ts [--sizes 100,1000,10000] [--rounds 3] [--json]
 *
 * Each size is timed `rounds` times on the same campaigns (the median is reported, the machine is shared);
 * generation is not timed. `benchCorrelationScale` is exported for a bench runner that wants the numbers.
 *
 * Measured on 2 shared cores (load ≈ 8): 388 ms a campaign before the step search ranked onsets cheaply (issue 10's
 * engine), 11–12 ms wall / 8 ms CPU after, linear from 100 to 1,000 campaigns; 1,000 campaigns take ~12 s, not 2 s.
 */
import { pathToFileURL } from 'node:url';
import { correlateCampaign } from '../../supabase/functions/_shared/domain/correlation/index.ts';
import { createRng } from '../../supabase/functions/_shared/domain/correlation/synthetic.ts';
import { dayDate, dayNumber, MS_PER_DAY, MS_PER_HOUR } from '../../supabase/functions/_shared/domain/correlation/timeline.ts';
import type { CampaignInputRaw } from '../../supabase/functions/_shared/domain/correlation/types.ts';

const DAYS = 90;
const ACTIONS = 20;
const ACTION_TYPES = ['creative_change', 'ad_copy_update', 'audience_targeting', 'budget_adjustment', 'bidding_change', 'posting_schedule_change'];

function normal(rng: () => number): number {
  return Math.sqrt(-2 * Math.log(Math.max(rng(), 1e-12))) * Math.cos(2 * Math.PI * rng());
}

const round2 = (v: number) => Math.round(v * 100) / 100;

/**
 * One campaign: 90 days of a funnel with weekday pattern and 5–20 % noise, 20 completed actions 3–6 days apart at
 * working hours, about a third of them with a sustained ±20–60 % effect on sales (the shape the engine must handle).
 */
export function scaleCampaign(seed: number, index: number): CampaignInputRaw {
  const rng = createRng(seed * 7919 + index * 104729 + 3);
  const startDay = dayNumber('2026-01-05') + Math.floor(rng() * 7);
  const noise = 0.05 + 0.15 * rng();
  const weekday = [-0.25, 0.05, 0.1, 0.12, 0.08, 0.02, -0.2].map((v) => v * (0.5 + rng()));
  const conversions0 = 10 + 140 * rng();
  const aov = 15 + 45 * rng();
  const spend0 = 100 + 500 * rng();
  const actions: { at: number; effect: number; type: string }[] = [];
  let at = (startDay + 10) * MS_PER_DAY;
  for (let i = 0; i < ACTIONS; i++) {
    at += Math.floor(3 * MS_PER_DAY * (rng() < 0.15 ? 0.2 : 1) + rng() * 2 * MS_PER_DAY);
    const hour = 8 + Math.floor(rng() * 11);
    const when = Math.floor(at / MS_PER_DAY) * MS_PER_DAY + hour * MS_PER_HOUR;
    const effect = rng() < 0.33 ? (0.2 + 0.4 * rng()) * (rng() < 0.5 ? -1 : 1) : 0;
    actions.push({ at: when, effect, type: ACTION_TYPES[Math.floor(rng() * ACTION_TYPES.length)] });
  }
  const snapshots = [];
  for (let d = startDay; d < startDay + DAYS; d++) {
    let lift = 0;
    for (const a of actions) lift += Math.log(1 + a.effect) * Math.min(1, Math.max(0, ((d + 1) * MS_PER_DAY - a.at) / MS_PER_DAY));
    const wd = (((d + 4) % 7) + 7) % 7;
    const conversions = Math.max(0, Math.round(conversions0 * Math.exp(weekday[wd] + lift + noise * normal(rng))));
    const clicks = Math.round(conversions / 0.04 * Math.exp(0.05 * normal(rng)));
    const impressions = Math.round(clicks / 0.02 * Math.exp(0.05 * normal(rng)));
    const spend = spend0 * Math.exp(0.03 * normal(rng));
    const sales = conversions * aov * Math.exp(0.05 * normal(rng));
    snapshots.push({
      date: dayDate(d),
      sales: round2(sales),
      revenue: round2(sales),
      spend: round2(spend),
      roas: round2(sales / spend),
      cpa: conversions > 0 ? round2(spend / conversions) : null,
      impressions,
      clicks,
      conversions,
    });
  }
  return {
    id: `scale-${index}`,
    name: `Scale ${index}`,
    objective: 'sales',
    actions: actions.map((a, i) => ({
      id: `scale-${index}-a${i}`,
      action_type: a.type,
      title: `${a.type.replace(/_/g, ' ')} ${i}`,
      occurred_at: new Date(a.at).toISOString(),
      status: 'completed',
      metadata: {},
    })),
    snapshots,
  };
}

export interface ScaleRow {
  campaigns: number;
  /** Median over rounds of the whole batch, and per campaign. */
  totalMs: number;
  msPerCampaign: number;
  alerts: number;
}

export function benchCorrelationScale(sizes: readonly number[], rounds = 3): ScaleRow[] {
  const now = '2030-01-01T00:00:00Z';
  const largest = Math.max(...sizes);
  const campaigns = Array.from({ length: largest }, (_, i) => scaleCampaign(12, i));
  for (const c of campaigns.slice(0, 20)) correlateCampaign(c, { now }); // warm up the JIT
  return sizes.map((size) => {
    const batch = campaigns.slice(0, size);
    const times: number[] = [];
    let alerts = 0;
    for (let r = 0; r < rounds; r++) {
      alerts = 0;
      const t0 = performance.now();
      for (const c of batch) alerts += correlateCampaign(c, { now }).alerts.length;
      times.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const totalMs = times[Math.floor(times.length / 2)];
    return { campaigns: size, totalMs, msPerCampaign: totalMs / size, alerts };
  });
}

function main(argv: readonly string[]) {
  const arg = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const sizes = (arg('--sizes') ?? '100,1000').split(',').map(Number);
  const rounds = Number(arg('--rounds') ?? 3);
  if (sizes.some((n) => !Number.isInteger(n) || n <= 0) || !Number.isInteger(rounds) || rounds <= 0) {
    console.error('usage: correlation-scale.ts [--sizes 100,1000] [--rounds 3] [--json]');
    process.exit(2);
  }
  const rows = benchCorrelationScale(sizes, rounds);
  if (argv.includes('--json')) {
    console.log(JSON.stringify(rows));
    return;
  }
  console.log(`correlateCampaign, ${DAYS} days × ${ACTIONS} actions a campaign, median of ${rounds} round(s)`);
  for (const r of rows) {
    console.log(
      `${String(r.campaigns).padStart(6)} campaigns`.padEnd(20),
      `${r.totalMs.toFixed(0).padStart(7)} ms total`,
      `${r.msPerCampaign.toFixed(2).padStart(7)} ms each`,
      `${String(r.alerts).padStart(6)} alerts`,
    );
  }
  const thousand = rows.find((r) => r.campaigns === 1000);
  if (thousand) console.log(`1,000 campaigns: ${(thousand.totalMs / 1000).toFixed(2)} s (target ≤ 2 s)`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) main(process.argv.slice(2));
