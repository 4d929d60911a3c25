import { actionTypeLabel } from '@domain/board.ts';
import { formatEffect } from '@domain/correlation/effects.ts';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { Skeleton } from '@/components/ui/skeleton';
import { formatDate } from '@/lib/format';
import { useActionEffects } from '../api/get-action-effects';

/** Every completed change of a campaign with its estimated effect, alerting or not. */
export function CampaignEffects({ workspaceId, campaignId }: { workspaceId: string; campaignId: string }) {
  const effects = useActionEffects(workspaceId, campaignId);
  return (
    <Card data-testid="campaign-effects">
      <CardHeader>
        <CardTitle>Effect of each change</CardTitle>
        <CardDescription>Estimated against what the days before predicted (sales, revenue and conversions pooled, weekday pattern removed), with a 95 % interval.</CardDescription>
      </CardHeader>
      <CardContent>
        {effects.isPending ? (
          <Skeleton className="h-16" />
        ) : effects.isError ? (
          <p className="text-sm text-destructive">Could not load the effects: {effects.error.message}</p>
        ) : effects.data.length === 0 ? (
          <p className="text-sm text-muted-foreground" data-testid="campaign-effects-empty">
            No estimates yet. Once a change on this campaign is completed and has four days of data before it and one after, its effect shows here.
          </p>
        ) : (
          <ul className="grid gap-2 text-sm">
            {effects.data.map((e) => (
              <li key={e.action_id} className="flex flex-wrap items-baseline justify-between gap-2 border-b pb-2 last:border-0">
                <span>
                  <span className="font-medium">{e.title || actionTypeLabel(e.action_type)}</span>
                  {e.occurred_at ? <span className="ml-2 text-xs text-muted-foreground">{formatDate(e.occurred_at)}</span> : null}
                </span>
                <span className={e.significant ? 'tabular-nums' : 'tabular-nums text-muted-foreground'}>{formatEffect(e)}</span>
                {e.note ? <span className="w-full text-xs text-amber-700">{e.note}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </CardContent>
    </Card>
  );
}
