import { scoreBand } from '@domain/feasibility.ts';
import type { Thresholds } from '@domain/thresholds.ts';
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

const SCORE_TONES = { proceed: 'success', adjust: 'warning', pause: 'danger' } as const;

/** Colour of a feasibility score: the gate band it falls in (green proceed, amber adjust, red pause). */
export function scoreTone(score: number, thresholds?: Thresholds['feasibility']): (typeof SCORE_TONES)[keyof typeof SCORE_TONES] {
  return SCORE_TONES[scoreBand(score, thresholds)];
}
