import { Database, FileUp } from 'lucide-react';
import { useId, useState } from 'react';
import { Link } from 'react-router-dom';
import { toast } from '@/components/ui/toast';
import type { SourcedMetric } from '@domain/metric-sources.ts';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Skeleton } from '@/components/ui/skeleton';
import { useCurrentWorkspace } from '@/hooks/use-current-workspace';
import { formatDate } from '@/lib/format';
import { errorMessage } from '@/lib/utils';
import { SOURCE_WINDOW_DAYS, useCampaignSources } from '../api/get-campaign-sources';
import { useUpdateCampaignUtm } from '../api/update-campaign-utm';

const FIGURES: { metric: SourcedMetric; label: string }[] = [
  { metric: 'spend', label: 'Spend' },
  { metric: 'impressions', label: 'Impressions' },
  { metric: 'reach', label: 'Reach' },
  { metric: 'clicks', label: 'Clicks' },
  { metric: 'sales', label: 'Sales' },
  { metric: 'conversions', label: 'Conversions' },
  { metric: 'add_to_carts', label: 'Add-to-carts' },
  { metric: 'leads', label: 'Leads' },
];

/** Where the campaign's figures come from, which source counts for each, its utm_campaign, and a way to import more. */
export function CampaignDataPanel({ campaign }: { campaign: { id: string; utm_campaign: string | null } }) {
  const { workspace, canWrite } = useCurrentWorkspace();
  const sources = useCampaignSources(campaign.id);

  return (
    <Card data-testid="campaign-data">
      <CardHeader className="flex-row items-start justify-between gap-4 space-y-0">
        <div className="space-y-1.5">
          <CardTitle className="flex items-center gap-2">
            <Database className="size-4 text-muted-foreground" aria-hidden />
            Data sources
          </CardTitle>
          <CardDescription>Which source each figure is read from (its last {SOURCE_WINDOW_DAYS} days of data). Sources are never added together.</CardDescription>
        </div>
        {canWrite ? (
          <Button variant="outline" size="sm" asChild>
            <Link to={`/data?campaign=${campaign.id}`}>
              <FileUp aria-hidden />
              Import CSV
            </Link>
          </Button>
        ) : null}
      </CardHeader>
      <CardContent className="grid gap-4">
        {sources.isPending ? (
          <Skeleton className="h-12 w-full" />
        ) : sources.isError ? (
          <p className="text-sm text-destructive">{errorMessage(sources.error)}</p>
        ) : sources.data.sources.length === 0 ? (
          <p className="text-sm text-muted-foreground" data-testid="campaign-data-empty">
            No performance data yet. Connect an ad account, install the website snippet with this campaign's utm_campaign, or import a CSV.
          </p>
        ) : (
          <>
            <ul className="flex flex-wrap gap-2 text-xs">
              {sources.data.sources.map((s) => (
                <li key={s.source} className="rounded-md border px-2 py-1">
                  <span className="font-medium">{s.label}</span> · {s.days} day{s.days === 1 ? '' : 's'} · latest {formatDate(s.latest)}
                </li>
              ))}
            </ul>
            <dl className="grid grid-cols-2 gap-x-6 gap-y-1 text-sm sm:grid-cols-4">
              {FIGURES.map((f) => (
                <div key={f.metric} className="flex justify-between gap-2 border-b py-1" data-figure={f.metric}>
                  <dt className="text-muted-foreground">{f.label}</dt>
                  <dd className="text-xs">{sources.data.label(f.metric) ?? '—'}</dd>
                </div>
              ))}
            </dl>
          </>
        )}
        <UtmForm key={campaign.utm_campaign ?? ''} campaignId={campaign.id} initial={campaign.utm_campaign ?? ''} canWrite={canWrite} workspaceId={workspace.id} />
      </CardContent>
    </Card>
  );
}

function UtmForm({ campaignId, initial, canWrite, workspaceId }: { campaignId: string; initial: string; canWrite: boolean; workspaceId: string }) {
  const save = useUpdateCampaignUtm(workspaceId, campaignId);
  const ids = useId();
  const [utm, setUtm] = useState(initial);
  return (
    <form
      className="flex flex-wrap items-end gap-3"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(utm, {
          onSuccess: () => toast.success('utm_campaign saved'),
          onError: (error) => toast.error('Could not save utm_campaign', { description: errorMessage(error) }),
        });
      }}
    >
      <FormField id={`${ids}-utm`} label="utm_campaign" hint="Website visits landing with this value count for this campaign." className="min-w-64">
        <Input id={`${ids}-utm`} value={utm} onChange={(e) => setUtm(e.target.value)} disabled={!canWrite} placeholder="e.g. spring_sale_2026" maxLength={128} />
      </FormField>
      {canWrite ? (
        <Button type="submit" variant="outline" loading={save.isPending} className="mb-5">
          Save
        </Button>
      ) : null}
    </form>
  );
}
