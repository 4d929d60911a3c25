import { Check, Lightbulb, X } from 'lucide-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Badge } from '@/components/ui/badge';
import { Button } from '@/components/ui/button';
import { EmptyState } from '@/components/ui/empty-state';
import { formatPercent } from '@/lib/format';
import { formatRelative } from '@/lib/format-relative';
import type { OpsRecommendation } from '../api/get-recommendations';
import { RECOMMENDATION_KIND_LABELS, RECOMMENDATION_STATUS_LABELS, RECOMMENDATION_STATUS_VARIANTS } from '../utils/labels';
import { type Decision, DecideRecommendationDialog } from './decide-recommendation-dialog';
import { SectionCard } from './section-card';

/** Rule-based recommendations, open ones first; ops heads and admins accept or reject them, everyone else reads. */
export function RecommendationsPanel({
  workspaceId,
  recommendations,
  campaignNames,
  canDecide,
  pending,
  error,
}: {
  workspaceId: string;
  recommendations: OpsRecommendation[];
  campaignNames: Record<string, string>;
  canDecide: boolean;
  pending: boolean;
  error: unknown;
}) {
  const [deciding, setDeciding] = useState<{ recommendation: OpsRecommendation; decision: Decision } | null>(null);
  const open = recommendations.filter((r) => r.status === 'open').length;

  return (
    <SectionCard
      title="Recommendations"
      description={canDecide ? `${open} awaiting your decision.` : `${open} open. Ops heads and admins decide on them.`}
      pending={pending}
      error={error}
      testId="recommendations"
    >
      {recommendations.length === 0 ? (
        <EmptyState icon={Lightbulb} title="No recommendations" description="When the rules find a better allocation or a timeline fix, it is proposed here." className="py-8" />
      ) : (
        <ul className="max-h-[28rem] divide-y overflow-y-auto rounded-md border">
          {recommendations.map((rec) => (
            <li key={rec.id} className="space-y-2 px-3 py-3" data-testid={`recommendation-${rec.id}`}>
              <div className="flex items-start justify-between gap-3">
                <div className="min-w-0 space-y-1">
                  <div className="text-sm font-medium">{rec.title}</div>
                  <div className="flex flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted-foreground">
                    <Badge variant="outline">{RECOMMENDATION_KIND_LABELS[rec.kind] ?? rec.kind}</Badge>
                    {rec.campaign_id ? (
                      <Link to={`/campaigns/${rec.campaign_id}`} className="hover:underline">
                        {campaignNames[rec.campaign_id] ?? 'Campaign'}
                      </Link>
                    ) : (
                      <span>Workspace-wide</span>
                    )}
                    {rec.score !== null ? <span>score {formatPercent(rec.score, { ratio: true })}</span> : null}
                    <span>{rec.source === 'llm' ? 'AI' : 'Rules'}</span>
                    <span>{formatRelative(rec.created_at)}</span>
                  </div>
                </div>
                <Badge variant={RECOMMENDATION_STATUS_VARIANTS[rec.status] ?? 'neutral'}>{RECOMMENDATION_STATUS_LABELS[rec.status] ?? rec.status}</Badge>
              </div>
              {rec.rationale ? <p className="text-sm text-muted-foreground">{rec.rationale}</p> : null}
              {canDecide && rec.status === 'open' ? (
                <div className="flex gap-2">
                  <Button size="sm" onClick={() => setDeciding({ recommendation: rec, decision: 'accepted' })}>
                    <Check aria-hidden />
                    Accept
                  </Button>
                  <Button size="sm" variant="outline" onClick={() => setDeciding({ recommendation: rec, decision: 'rejected' })}>
                    <X aria-hidden />
                    Reject
                  </Button>
                </div>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      <DecideRecommendationDialog
        workspaceId={workspaceId}
        recommendation={deciding?.recommendation ?? null}
        decision={deciding?.decision ?? 'accepted'}
        onClose={() => setDeciding(null)}
      />
    </SectionCard>
  );
}
