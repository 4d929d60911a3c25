import type { Risk } from '@domain/feasibility.ts';
import { CircleCheck } from 'lucide-react';
import { Badge } from '@/components/ui/badge';
import { RISK_FAMILY_LABELS, RISK_SEVERITY_VARIANTS } from '../utils/labels';

/** The risks the rules found, most severe first: family, severity and the evidence (no solutions, by design). */
export function RiskList({ risks }: { risks: Risk[] }) {
  if (risks.length === 0) {
    return (
      <p className="flex items-center gap-2 text-sm text-emerald-700">
        <CircleCheck className="size-4" aria-hidden /> No risks found in timeline, assets, approvals or tracking.
      </p>
    );
  }
  return (
    <ul className="grid gap-2" aria-label="Risks">
      {risks.map((risk, i) => (
        <li key={`${risk.family}-${risk.phase ?? ''}-${i}`} className="rounded-md border p-3" data-testid="risk">
          <div className="flex flex-wrap items-center gap-2">
            <Badge variant={RISK_SEVERITY_VARIANTS[risk.severity]} className="capitalize">
              {risk.severity}
            </Badge>
            <span className="text-xs font-medium uppercase tracking-wide text-muted-foreground">{RISK_FAMILY_LABELS[risk.family]}</span>
            {risk.phase ? <Badge variant="outline">{risk.phase}</Badge> : null}
          </div>
          <p className="mt-1.5 text-sm font-medium">{risk.title}</p>
          <p className="text-sm text-muted-foreground">{risk.evidence}</p>
        </li>
      ))}
    </ul>
  );
}
