/**
 * Correlation-engine cost at scale: 100, 1,000 and 10,000 campaigns × 90 days of snapshots × 20 actions, run in a
 * process of its own (`npx tsx scripts/bench/analysis.ts 1000` prints JSON), so the other rows do not disturb it.
 */
import { correlateCampaign, type CampaignInputRaw } from '../../supabase/functions/_shared/domain/correlation/index.ts';
import { createRng } from '../../supabase/functions/_shared/domain/correlation/synthetic.ts';

const DAYS = 90;
const ACTIONS = 20;
const TYPES = ['creative_change', 'audience_targeting', 'budget_adjustment', 'ad_copy_update', 'bidding_change'];
const day = (i: number) => new Date(Date.UTC(2026, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);

/** One campaign of 90 noisy daily snapshots with 20 actions spread over it, one of them cutting sales by 40 %. */
export function campaignAt(index: number): CampaignInputRaw {
  const rng = createRng(index + 1);
  const drop = 30 + Math.floor(rng() * 40);
  const actions = Array.from({ length: ACTIONS }, (_, a) => ({
    id: `c${index}-a${a}`,
    action_type: TYPES[a % TYPES.length],
    title: `Action ${a}`,
    occurred_at: `${day(Math.min(DAYS - 2, 14 + Math.floor((a * (DAYS - 16)) / ACTIONS)))}T10:00:00Z`,
    status: 'completed',
  }));
  actions[0].occurred_at = `${day(drop)}T10:00:00Z`;
  const snapshots = Array.from({ length: DAYS }, (_, d) => {
    const sales = Math.max(0, 500 * (d > drop ? 0.6 : 1) * (0.9 + 0.2 * rng()));
    const spend = 100 * (0.95 + 0.1 * rng());
    const conversions = Math.round(sales / 17);
    const clicks = conversions * 12 + Math.round(40 * rng());
    return { date: day(d), sales, revenue: sales, spend, roas: sales / spend, cpa: conversions ? spend / conversions : 0, impressions: clicks * 30, clicks, conversions };
  });
  return { id: `c${index}`, name: `Campaign ${index}`, objective: 'sales', primary_kpi: 'sales', actions, snapshots };
}

/**
 * Campaigns analysed before timing starts, all different from the timed ones: V8 optimises the engine's hot functions
 * only after many calls, and a scheduled run over a workspace's campaigns pays that once, not per campaign. The first
 * campaigns' cold cost is reported beside the steady one (`coldMs`).
 */
const WARM_UP = 100;

export function analyse(count: number): { campaigns: number; totalMs: number; perCampaignMs: number; coldMs: number; alerts: number } {
  const cold = performance.now();
  for (let i = 0; i < WARM_UP; i++) correlateCampaign(campaignAt(1_000_000 + i), { now: `${day(DAYS)}T00:00:00Z` });
  const coldMs = performance.now() - cold;
  let alerts = 0;
  let totalMs = 0;
  for (let i = 0; i < count; i++) {
    const input = campaignAt(i);
    const t0 = performance.now();
    alerts += correlateCampaign(input, { now: `${day(DAYS)}T00:00:00Z` }).alerts.length;
    totalMs += performance.now() - t0;
  }
  return { campaigns: count, totalMs, perCampaignMs: totalMs / count, coldMs, alerts };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(analyse(Number(process.argv[2] ?? 100))));
}
