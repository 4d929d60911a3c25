/**
 * Arranges the fake Graph API the integration stack's functions call (META_GRAPH_URL), through its /__sandbox
 * control paths, and builds Meta-shaped Insights rows for a test's own numbers.
 */
import type { FakeAccount, FakeInsightsRow, FakeScenario } from '../../supabase/functions/_shared/sources/meta/sandbox/fixture.ts';
import type { RecordedRequest } from '../../supabase/functions/_shared/sources/meta/sandbox/server.ts';
import { stack } from './clients.ts';

function graphUrl(): string {
  const url = stack().metaGraphUrl;
  if (!url) throw new Error('The integration global setup did not start the fake Graph API');
  return url;
}

async function control(path: string, body?: unknown): Promise<unknown> {
  const res = await fetch(`${graphUrl()}/__sandbox/${path}`, body === undefined ? {} : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  if (!res.ok) throw new Error(`fake Graph control ${path}: HTTP ${res.status}`);
  return res.json();
}

export const fakeGraph = {
  url: graphUrl,
  addAccount: (account: FakeAccount) => control('accounts', account),
  addToken: (token: string, user = { id: '700001', name: 'System User' }, expiresAt = 0) => control('tokens', { token, user, expires_at: expiresAt, valid: true }),
  setScenario: (accountId: string, scenario: FakeScenario) => control('scenario', { accountId, scenario }),
  requests: async (token: string) => ((await control(`requests?token=${encodeURIComponent(token)}`)) as { requests: RecordedRequest[] }).requests,
};

/** A Meta-shaped Insights row: numbers as strings, each purchase reported as purchase, pixel purchase and omni. */
export function insightsRow(p: {
  campaign_id: string;
  adset_id?: string;
  date: string;
  spend: number;
  impressions: number;
  clicks: number;
  link_clicks: number;
  purchases: number;
  value: number;
  reach?: number;
  leads?: number;
}): FakeInsightsRow {
  const stat = (n: number) => String(n);
  return {
    campaign_id: p.campaign_id,
    ...(p.adset_id ? { adset_id: p.adset_id } : {}),
    date_start: p.date,
    date_stop: p.date,
    account_currency: 'EUR',
    spend: p.spend.toFixed(2),
    impressions: stat(p.impressions),
    reach: stat(p.reach ?? Math.round(p.impressions * 0.8)),
    clicks: stat(p.clicks),
    inline_link_clicks: stat(p.link_clicks),
    inline_post_engagement: stat(p.clicks * 2),
    ctr: ((p.clicks / p.impressions) * 100).toFixed(6),
    cpm: ((p.spend / p.impressions) * 1000).toFixed(6),
    actions: [
      { action_type: 'link_click', value: stat(p.link_clicks) },
      { action_type: 'lead', value: stat(p.leads ?? 0) },
      { action_type: 'purchase', value: stat(p.purchases) },
      { action_type: 'offsite_conversion.fb_pixel_purchase', value: stat(p.purchases) },
      { action_type: 'omni_purchase', value: stat(p.purchases) },
    ],
    action_values: [
      { action_type: 'purchase', value: p.value.toFixed(2) },
      { action_type: 'offsite_conversion.fb_pixel_purchase', value: p.value.toFixed(2) },
      { action_type: 'omni_purchase', value: p.value.toFixed(2) },
    ],
  };
}
