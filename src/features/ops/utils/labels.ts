import { SEVERITIES, SEVERITY_LABELS, type Severity } from '@domain/severity.ts';
import type { BadgeProps } from '@/components/ui/badge';

type Variant = NonNullable<BadgeProps['variant']>;

/** The domain's severity scale, most severe first (domain/severity.ts owns the order). */
export const ALERT_SEVERITIES = SEVERITIES;
export type AlertSeverity = Severity;
export const ALERT_SEVERITY_LABELS = SEVERITY_LABELS;
export const ALERT_SEVERITY_VARIANTS: Record<AlertSeverity, Variant> = { high: 'danger', medium: 'warning', low: 'info' };

export const RECOMMENDATION_KIND_LABELS: Record<string, string> = {
  budget_reallocation: 'Budget reallocation',
  extend_phase: 'Extend phase',
  reduce_assets: 'Reduce assets',
  parallelize_approvals: 'Parallelize approvals',
  revert_change: 'Revert change',
  fix_tracking: 'Fix tracking',
  shift_launch: 'Shift launch',
  other: 'Other',
};
export const RECOMMENDATION_STATUS_LABELS: Record<string, string> = { open: 'Open', accepted: 'Accepted', rejected: 'Rejected', rolled_back: 'Rolled back' };
export const RECOMMENDATION_STATUS_VARIANTS: Record<string, Variant> = { open: 'info', accepted: 'success', rejected: 'neutral', rolled_back: 'warning' };

export const RUN_STATUS_VARIANTS: Record<string, Variant> = { running: 'info', succeeded: 'success', failed: 'danger' };
export const AUDIT_ACTION_VARIANTS: Record<string, Variant> = { INSERT: 'success', UPDATE: 'info', DELETE: 'danger' };

/** The currency most campaigns use, for workspace totals (USD when there are none). */
export function dominantCurrency(campaigns: readonly { currency: string }[]): string {
  const counts = new Map<string, number>();
  for (const c of campaigns) counts.set(c.currency, (counts.get(c.currency) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'USD';
}
