import { Ban, CircleCheck, Clock, TriangleAlert } from 'lucide-react';
import { Badge } from '@/components/ui/badge';

export type DriftSeverityLabel = 'On Track' | 'At Risk' | 'Blocked' | 'Pending';

const STYLE = {
  'On Track': { variant: 'success', icon: CircleCheck },
  'At Risk': { variant: 'warning', icon: TriangleAlert },
  Blocked: { variant: 'danger', icon: Ban },
  Pending: { variant: 'neutral', icon: Clock },
} as const;

/** The drift status of a phase or campaign, coloured as the spec's drift table reads (docs/domain-rules.md, Drift): On Track, At Risk, Blocked, Pending. */
export function DriftSeverityBadge({ severity, className }: { severity: DriftSeverityLabel; className?: string }) {
  const { variant, icon: Icon } = STYLE[severity];
  return (
    <Badge variant={variant} className={className} data-severity={severity}>
      <Icon aria-hidden />
      {severity}
    </Badge>
  );
}
