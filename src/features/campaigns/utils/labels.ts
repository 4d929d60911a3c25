import type { BadgeProps } from '@/components/ui/badge';

type Variant = NonNullable<BadgeProps['variant']>;

export const OBJECTIVE_LABELS: Record<string, string> = { sales: 'Sales', leads: 'Leads', awareness: 'Awareness' };
export const PLATFORM_LABELS: Record<string, string> = { meta: 'Meta (Facebook + Instagram)', google: 'Google', tiktok: 'TikTok', multi: 'Multiple platforms' };
export const KPI_LABELS: Record<string, string> = { sales: 'Sales', roas: 'ROAS', cpa: 'CPA', engagement: 'Engagement' };
export const KPI_UNITS: Record<string, string> = { sales: 'sales', roas: '× return on ad spend', cpa: 'cost per acquisition', engagement: 'engagement rate %' };

export const DECISION_HINTS: Record<string, string> = {
  proceed: 'Run the plan as it stands.',
  adjust: 'Change the plan before launch.',
  pause: 'Stop: the plan is not feasible as it stands.',
};

export const RISK_FAMILY_LABELS: Record<string, string> = {
  timeline_compression: 'Timeline compression',
  asset_overload: 'Asset overload',
  approval_bottleneck: 'Approval bottleneck',
  tracking_dependency: 'Tracking dependency',
};
export const RISK_SEVERITY_VARIANTS: Record<string, Variant> = { high: 'danger', medium: 'warning', low: 'info' };

export const VERDICT_LABELS: Record<string, string> = {
  compressed: 'Compressed',
  tight: 'Tight',
  aligned: 'Aligned',
  generous: 'Generous',
  no_reference: 'No reference',
};
export const VERDICT_VARIANTS: Record<string, Variant> = { compressed: 'danger', tight: 'warning', aligned: 'success', generous: 'info', no_reference: 'neutral' };

/** Colour of a feasibility score: green from 75, amber from 50, red below (the gate's default thresholds). */
export function scoreTone(score: number): 'success' | 'warning' | 'danger' {
  return score >= 75 ? 'success' : score >= 50 ? 'warning' : 'danger';
}
