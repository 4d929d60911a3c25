import { Badge } from '@/components/ui/badge';
import { Card, CardContent, CardHeader, CardTitle } from '@/components/ui/card';
import { formatCurrency, formatDate, formatNumber } from '@/lib/format';
import type { CampaignDetail } from '../api/get-campaign';
import { KPI_LABELS, OBJECTIVE_LABELS, PLATFORM_LABELS } from '../utils/labels';

function Item({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid gap-0.5">
      <dt className="text-xs uppercase tracking-wide text-muted-foreground">{label}</dt>
      <dd className="text-sm">{children}</dd>
    </div>
  );
}

/** The intent and success definition at a glance. */
export function CampaignSummary({ campaign }: { campaign: CampaignDetail }) {
  const audience = (campaign.audience ?? {}) as { locations?: string[]; interests?: string[]; age_min?: number | null; age_max?: number | null };
  const tracking = [
    campaign.meta_pixel_id ? 'Meta Pixel' : null,
    campaign.ads_account_id ? 'Ads account' : null,
    campaign.website_tracking ? 'Website events' : null,
    campaign.promo_tracking || campaign.promo_codes.length > 0 ? `Promo codes${campaign.promo_codes.length ? ` (${campaign.promo_codes.map((p) => p.code).join(', ')})` : ''}` : null,
  ].filter(Boolean);
  return (
    <Card>
      <CardHeader>
        <CardTitle>Intent &amp; success definition</CardTitle>
      </CardHeader>
      <CardContent>
        <dl className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <Item label="Objective">{OBJECTIVE_LABELS[campaign.objective]}</Item>
          <Item label="Industry">{campaign.industry ?? '—'}</Item>
          <Item label="Budget">{formatCurrency(campaign.budget, campaign.currency)}</Item>
          <Item label="Platform">{PLATFORM_LABELS[campaign.platform] ?? campaign.platform}</Item>
          <Item label="Primary KPI">
            {campaign.primary_kpi ? `${KPI_LABELS[campaign.primary_kpi]} ${formatNumber(campaign.kpi_target)} in ${campaign.kpi_window_days} days` : '—'}
          </Item>
          <Item label="Planned launch">{formatDate(campaign.planned_launch)}</Item>
          <Item label="Peak demand">{campaign.peak_start ? `${formatDate(campaign.peak_start)} – ${formatDate(campaign.peak_end)}` : '—'}</Item>
          <Item label="Audience">
            {[audience.locations?.join(', '), audience.age_min || audience.age_max ? `ages ${audience.age_min ?? 13}–${audience.age_max ?? '65+'}` : null, audience.interests?.join(', ')]
              .filter(Boolean)
              .join(' · ') || '—'}
          </Item>
          <Item label="Tracking">
            {tracking.length ? (
              <span className="flex flex-wrap gap-1">
                {tracking.map((t) => (
                  <Badge key={t} variant="outline">
                    {t}
                  </Badge>
                ))}
              </span>
            ) : (
              <span className="text-amber-700">None set up</span>
            )}
          </Item>
        </dl>
      </CardContent>
    </Card>
  );
}
