import type { Prescription, SimilarCampaignRef } from '@domain/feasibility.ts';
import { History, Lightbulb } from 'lucide-react';
import { RISK_FAMILY_LABELS } from '../utils/labels';

/** Fix prescriptions, only when similar past campaigns exist, each naming the campaigns it is drawn from. */
export function PrescriptionList({ prescriptions, similar }: { prescriptions: Prescription[]; similar: SimilarCampaignRef[] }) {
  if (similar.length === 0) {
    return (
      <p className="flex items-start gap-2 text-sm text-muted-foreground" data-testid="no-prescriptions">
        <History className="mt-0.5 size-4 shrink-0" aria-hidden />
        No similar past campaigns (same objective, total timeline within ±20 %), so no fix prescriptions. They appear once this workspace has comparable history.
      </p>
    );
  }
  return (
    <div className="grid gap-3">
      <p className="text-sm text-muted-foreground">
        Drawn from {similar.length} similar past campaign{similar.length === 1 ? '' : 's'}: {similar.map((c) => c.name).join(', ')}.
      </p>
      {prescriptions.length === 0 ? (
        <p className="text-sm">The similar campaigns ran within this plan: nothing to prescribe.</p>
      ) : (
        <ul className="grid gap-2" aria-label="Prescriptions">
          {prescriptions.map((p, i) => (
            <li key={`${p.phase}-${p.family}-${i}`} className="rounded-md border border-sky-200 bg-sky-50/60 p-3">
              <p className="flex items-center gap-2 text-sm font-medium">
                <Lightbulb className="size-4 text-sky-600" aria-hidden />
                {p.title}
              </p>
              <p className="mt-1 text-sm text-muted-foreground">{p.detail}</p>
              <p className="mt-1 text-xs text-muted-foreground">
                {RISK_FAMILY_LABELS[p.family]} · based on {p.based_on.map((b) => b.name).join(', ')}
              </p>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
