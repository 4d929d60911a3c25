/**
 * Realistic board data for end-to-end tests and screenshots: campaigns, action cards in every column by several
 * authors, and an AI alert + correlation on the spec's "blue → red hero image" card (docs/domain-rules.md, The board).
 */
import type { ActionType } from '../../../supabase/functions/_shared/domain/board.ts';
import type { E2eClient } from './clients.ts';

type Json = Record<string, string>;

type CardSeed = {
  campaign: number;
  action_type: ActionType;
  title: string;
  description?: string;
  status: 'planned' | 'in_progress' | 'completed' | 'reverted';
  impact?: 'positive' | 'negative' | 'neutral';
  hoursAgo: number;
  author: number;
  previous?: Json;
  next?: Json;
  adSets?: string[];
};

export const BOARD_CAMPAIGNS = ['Spring Sale 2025', 'Summer Collection Launch', 'B2B Lead Gen Q2'];

const CARDS: CardSeed[] = [
  { campaign: 0, action_type: 'creative_change', title: 'Changed hero image from blue to red', description: 'Updated main ad creative to test color psychology', status: 'completed', impact: 'negative', hoursAgo: 50, author: 0, previous: { creative_url: 'blue_hero.jpg' }, next: { creative_url: 'red_hero.jpg' }, adSets: ['ad_set_1', 'ad_set_2'] },
  { campaign: 0, action_type: 'budget_adjustment', title: 'Increased daily budget on Prospecting', status: 'completed', impact: 'positive', hoursAgo: 96, author: 1, previous: { daily_budget: '$400' }, next: { daily_budget: '$550' }, adSets: ['Prospecting US'] },
  { campaign: 1, action_type: 'ad_copy_update', title: 'New headline: “Summer starts here”', status: 'completed', impact: 'neutral', hoursAgo: 30, author: 1, previous: { headline: 'Fresh looks for summer' }, next: { headline: 'Summer starts here' } },
  { campaign: 2, action_type: 'audience_targeting', title: 'Added IT decision makers lookalike', status: 'completed', impact: 'positive', hoursAgo: 140, author: 0, previous: { audience: 'Interest: SaaS' }, next: { audience: 'Lookalike 1% – IT buyers' }, adSets: ['LAL 1%'] },
  { campaign: 0, action_type: 'bidding_change', title: 'Switched to cost cap bidding', status: 'in_progress', hoursAgo: 6, author: 1, previous: { bid_strategy: 'Lowest cost' }, next: { bid_strategy: 'Cost cap $18' }, adSets: ['Retargeting 30d'] },
  { campaign: 1, action_type: 'creative_change', title: 'Swapped product image to lifestyle shot', status: 'in_progress', hoursAgo: 3, author: 0, previous: { product_image: 'packshot_white.jpg' }, next: { product_image: 'beach_lifestyle.jpg' } },
  { campaign: 0, action_type: 'posting_schedule_change', title: 'Moved posts to evening slots', status: 'planned', hoursAgo: -20, author: 0, previous: { schedule: '9:00–12:00' }, next: { schedule: '18:00–22:00' } },
  { campaign: 1, action_type: 'budget_adjustment', title: 'Reallocate budget to TikTok ad sets', status: 'planned', hoursAgo: -44, author: 1, previous: { budget_split: 'Meta 80 / TikTok 20' }, next: { budget_split: 'Meta 60 / TikTok 40' } },
  { campaign: 2, action_type: 'ad_copy_update', title: 'Modified CTA button to “Book a demo”', status: 'planned', hoursAgo: -70, author: 1, previous: { cta: 'Learn more' }, next: { cta: 'Book a demo' } },
  { campaign: 2, action_type: 'pause_ads', title: 'Paused underperforming carousel ads', status: 'reverted', impact: 'negative', hoursAgo: 200, author: 0, previous: { ad_status: 'Active' }, next: { ad_status: 'Paused' }, adSets: ['Carousel A', 'Carousel B'] },
];

export interface SeededBoard {
  campaignIds: string[];
  cardIds: Record<string, string>;
}

/**
 * Seeds running campaigns and cards through the service client (campaigns reach "active" only through the decision
 * gate; each card can carry its author), plus an alert and a correlation on the hero-image card.
 */
export async function seedBoard(_owner: E2eClient, service: E2eClient, workspaceId: string, authorIds: string[]): Promise<SeededBoard> {
  // Running campaigns are arranged with the service role: clients only reach "active" through the decision gate.
  const campaigns = await service
    .from('campaigns')
    .insert(BOARD_CAMPAIGNS.map((name, i) => ({ workspace_id: workspaceId, name, objective: i === 2 ? 'leads' : 'sales', status: 'active' })))
    .select('id, name');
  if (campaigns.error) throw campaigns.error;
  const campaignIds = BOARD_CAMPAIGNS.map((name) => campaigns.data.find((c) => c.name === name)!.id);

  const now = Date.now();
  const cardIds: Record<string, string> = {};
  // Inserted oldest first: each new card goes on top of its column, so the newest ends up first.
  for (const seed of [...CARDS].sort((a, b) => b.hoursAgo - a.hoursAgo)) {
    const { data, error } = await service
      .from('marketer_actions')
      .insert({
        workspace_id: workspaceId,
        campaign_id: campaignIds[seed.campaign],
        action_type: seed.action_type,
        title: seed.title,
        description: seed.description ?? null,
        status: seed.status,
        impact: seed.impact ?? 'neutral',
        occurred_at: new Date(now - seed.hoursAgo * 3_600_000).toISOString(),
        created_by: authorIds[seed.author % authorIds.length],
        metadata: { previous_state: seed.previous ?? {}, new_state: seed.next ?? {}, affected_ad_sets: seed.adSets ?? [] },
      })
      .select('id')
      .single();
    if (error) throw error;
    cardIds[seed.title] = data.id;
  }

  const hero = cardIds['Changed hero image from blue to red'];
  const correlation = await service
    .from('correlations')
    .insert({
      workspace_id: workspaceId,
      campaign_id: campaignIds[0],
      action_id: hero,
      metric: 'sales',
      change_pct: -60,
      lag_hours: 20,
      strength: 'strong',
      confidence: 0.87,
      method: 'rules',
      finding_key: `sales:${hero}`,
    })
    .select('id')
    .single();
  if (correlation.error) throw correlation.error;
  const alert = await service.from('ai_alerts').insert({
    workspace_id: workspaceId,
    campaign_id: campaignIds[0],
    correlation_id: correlation.data.id,
    trigger_action_id: hero,
    severity: 'high',
    title: 'Sales dropped 60% after creative change',
    confidence: 0.87,
    source: 'rules',
    finding_key: `sales:${hero}`,
    suggested_action: { type: 'revert', target_action_id: hero, button_label: 'Revert creative', auto_executable: true },
  });
  if (alert.error) throw alert.error;
  return { campaignIds, cardIds };
}

/** `count` filler cards spread over the columns and campaigns (for the 1,000-card measurement). */
export async function seedManyCards(service: E2eClient, workspaceId: string, campaignIds: string[], authorIds: string[], count: number): Promise<void> {
  const types = ['creative_change', 'budget_adjustment', 'audience_targeting', 'ad_copy_update', 'bidding_change', 'posting_schedule_change'] as const;
  const statuses = ['planned', 'in_progress', 'completed', 'completed', 'reverted'] as const;
  const now = Date.now();
  const rows = Array.from({ length: count }, (_, i) => ({
    workspace_id: workspaceId,
    campaign_id: campaignIds[i % campaignIds.length],
    action_type: types[i % types.length],
    title: `Bulk action #${i + 1}: ${types[i % types.length].replaceAll('_', ' ')}`,
    status: statuses[i % statuses.length],
    impact: (['neutral', 'positive', 'neutral', 'negative'] as const)[i % 4],
    occurred_at: new Date(now - i * 3_600_000).toISOString(),
    created_by: authorIds[i % authorIds.length],
    metadata: { previous_state: { daily_budget: `$${100 + i}` }, new_state: { daily_budget: `$${120 + i}` }, affected_ad_sets: [`ad_set_${i % 7}`] },
  }));
  for (let i = 0; i < rows.length; i += 250) {
    const { error } = await service.from('marketer_actions').insert(rows.slice(i, i + 250));
    if (error) throw error;
  }
}
