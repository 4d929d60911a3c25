import { CircleAlert, Info, OctagonAlert } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { type Severity, SEVERITY_LABELS } from '../utils/alert-data';

const STYLE = {
  high: { variant: 'danger', icon: OctagonAlert },
  medium: { variant: 'warning', icon: CircleAlert },
  low: { variant: 'info', icon: Info },
} as const;

/** An alert's severity: High (≥ 50 % change), Medium, Low. */
export function SeverityBadge({ severity, className }: { severity: string; className?: string }) {
  const key = (severity in STYLE ? severity : 'low') as Severity;
  const { variant, icon: Icon } = STYLE[key];
  return (
    <Badge variant={variant} className={className} data-severity={key}>
      <Icon aria-hidden />
      {SEVERITY_LABELS[key]}
    </Badge>
  );
}

/** Active, Resolved or Dismissed. */
export function AlertStatusBadge({ status }: { status: string }) {
  if (status === 'resolved') return <Badge variant="success">Resolved</Badge>;
  if (status === 'dismissed') return <Badge variant="neutral">Dismissed</Badge>;
  return <Badge variant="danger">Active</Badge>;
}
