import { CircleAlert, Info, OctagonAlert } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { ALERT_SEVERITY_LABELS, ALERT_SEVERITY_VARIANTS, type AlertSeverity } from '../utils/labels';

const ICONS = { high: OctagonAlert, medium: CircleAlert, low: Info } as const;

/** An alert's severity (High, Medium, Low), optionally with a count. */
export function AlertSeverityBadge({ severity, count }: { severity: string; count?: number }) {
  const key: AlertSeverity = severity === 'high' || severity === 'medium' ? severity : 'low';
  const Icon = ICONS[key];
  return (
    <Badge variant={ALERT_SEVERITY_VARIANTS[key]} data-severity={key}>
      <Icon aria-hidden />
      {count === undefined ? ALERT_SEVERITY_LABELS[key] : `${count} ${ALERT_SEVERITY_LABELS[key].toLowerCase()}`}
    </Badge>
  );
}
