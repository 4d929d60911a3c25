/** Labels and badge colours of a campaign's status and decision gate, shared by the campaign pages and the ops dashboard. */
import type { BadgeProps } from '@/components/ui/badge';

type Variant = NonNullable<BadgeProps['variant']>;

export const STATUS_LABELS: Record<string, string> = { draft: 'Draft', planned: 'Planned', active: 'Active', completed: 'Completed', paused: 'Paused' };
export const STATUS_VARIANTS: Record<string, Variant> = { draft: 'neutral', planned: 'info', active: 'success', completed: 'secondary', paused: 'warning' };

export const DECISION_LABELS: Record<string, string> = { proceed: 'Proceed', adjust: 'Adjust', pause: 'Pause' };
export const DECISION_VARIANTS: Record<string, Variant> = { proceed: 'success', adjust: 'warning', pause: 'danger' };
