/**
 * A fixed, varied set of engine inputs whose complete output is kept as a golden file, so speed work on the
 * correlation engine can prove it changed no result: the analysis bench's generator, the workspace-scale generator
 * at a few seeds, the synthetic evaluation suite, the independent evaluation campaigns, the demo, and a few runs with
 * workspace thresholds and cause priors.
 *
 *   npx tsx scripts/eval/golden/write-engine-golden.ts   (only when a result is meant to change)
 */
import { campaignAt } from '../../bench/analysis.ts';
import { scaleCampaign } from '../../bench/correlation-scale.ts';
import { type CampaignCorrelation, correlateCampaign, type CorrelateOptions } from '../../../supabase/functions/_shared/domain/correlation/index.ts';
import { demoCampaign, generateSuite } from '../../../supabase/functions/_shared/domain/correlation/synthetic.ts';
import type { CampaignInputRaw } from '../../../supabase/functions/_shared/domain/correlation/types.ts';
import { independentSuite } from '../independent-campaigns.ts';

export interface GoldenCase {
  name: string;
  input: CampaignInputRaw;
  options: CorrelateOptions;
}

const NOW = '2030-01-01T00:00:00Z';

export function goldenCases(): GoldenCase[] {
  const cases: GoldenCase[] = [];
  const add = (name: string, input: CampaignInputRaw, options: Partial<CorrelateOptions> = {}) => cases.push({ name, input, options: { now: NOW, ...options } });
  for (let i = 0; i < 8; i++) add(`bench-analysis-${i}`, campaignAt(i * 37));
  for (const seed of [12, 1, 2]) for (let i = 0; i < 5; i++) add(`bench-scale-${seed}-${i}`, scaleCampaign(seed, i));
  for (const c of generateSuite(1, 28)) add(`synthetic-1-${c.campaign.id}`, c.campaign, { now: '2025-06-01T00:00:00Z' });
  for (const c of generateSuite(7, 14)) add(`synthetic-7-${c.campaign.id}`, c.campaign, { now: '2025-06-01T00:00:00Z' });
  for (const seed of [9001, 101]) {
    for (const { campaign } of independentSuite(seed, { null: 3, preexisting: 3, two_actions: 5, single: 5 })) add(`independent-${seed}-${campaign.id}`, campaign as CampaignInputRaw);
  }
  add('demo', demoCampaign());
  add('demo-before-revert', demoCampaign({ withRevert: false }));
  add('demo-long', demoCampaign({ baselineDays: 20, seed: 3 }));
  // Workspace settings reach other branches: a looser threshold and window, priors from dismissals.
  for (let i = 0; i < 2; i++) {
    add(`thresholds-${i}`, scaleCampaign(5, i), { thresholds: { correlation: { metricChangeThreshold: 0.1, timeWindowHours: 24, minConfidenceToAlert: 0.5 } } });
    add(`priors-${i}`, scaleCampaign(6, i), {
      priors: [
        { action_type: 'creative_change', metric: 'sales', weight: 0.2 },
        { action_type: 'budget_adjustment', metric: 'spend', weight: 0.9 },
        { action_type: 'audience_targeting', metric: 'conversions', weight: 0.5 },
      ],
    });
  }
  return cases;
}

/** Every case's full engine output, keyed by case name (JSON-shaped: what callers store and send). */
export function engineOutputs(cases: readonly GoldenCase[] = goldenCases()): Record<string, CampaignCorrelation> {
  const out: Record<string, CampaignCorrelation> = {};
  for (const c of cases) out[c.name] = JSON.parse(JSON.stringify(correlateCampaign(c.input, c.options)));
  return out;
}
