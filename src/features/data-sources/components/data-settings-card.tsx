import { CircleAlert, Clock } from 'lucide-react';
import { useId, useState } from 'react';
import { toast } from '@/components/ui/toast';
import { ATTRIBUTION_MODELS, type AttributionModel } from '@domain/attribution.ts';
import { Alert, AlertDescription } from '@/components/ui/alert';
import { Button } from '@/components/ui/button';
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from '@/components/ui/card';
import { FormField } from '@/components/ui/form-field';
import { Input } from '@/components/ui/input';
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from '@/components/ui/select';
import { Skeleton } from '@/components/ui/skeleton';
import { useCurrentWorkspace } from '@/hooks/use-current-workspace';
import { errorMessage } from '@/lib/utils';
import { type DataSettings, dataSettingsSchema, useDataSettings, useUpdateDataSettings } from '../api/data-settings';

export const MODEL_LABELS: Record<AttributionModel, { label: string; hint: string }> = {
  last_touch: { label: 'Last touch', hint: 'All credit to the campaign the visitor last came from.' },
  first_touch: { label: 'First touch', hint: 'All credit to the campaign that brought the visitor first.' },
  linear: { label: 'Linear', hint: 'Equal shares for every campaign the visitor came from.' },
  time_decay: { label: 'Time decay', hint: 'More credit to recent visits (half as much per 7 days earlier).' },
  position_based: { label: 'Position based', hint: '40 % first, 40 % last, 20 % spread over the visits between.' },
};

const ZONES: string[] = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : ['UTC'];

/** The workspace's time zone (what a "day" is for website data) and attribution model; admins change them. */
export function DataSettingsCard() {
  const { workspace, isAdmin } = useCurrentWorkspace();
  const settings = useDataSettings(workspace.id);

  return (
    <Card data-testid="data-settings">
      <CardHeader>
        <CardTitle className="flex items-center gap-2">
          <Clock className="size-4 text-muted-foreground" aria-hidden />
          Website data
        </CardTitle>
        <CardDescription>
          Website and promo-code sales become daily figures per campaign in this time zone, credited by this attribution model. A promo code always
          credits its own campaign.{isAdmin ? '' : ' Only admins can change these.'}
        </CardDescription>
      </CardHeader>
      <CardContent>
        {settings.isPending ? (
          <Skeleton className="h-16 w-full" />
        ) : settings.isError ? (
          <Alert variant="destructive">
            <CircleAlert aria-hidden />
            <AlertDescription>{errorMessage(settings.error)}</AlertDescription>
          </Alert>
        ) : !isAdmin ? (
          <dl className="grid gap-4 text-sm md:grid-cols-2">
            <div>
              <dt className="text-muted-foreground">Time zone</dt>
              <dd className="font-medium">{settings.data.time_zone}</dd>
            </div>
            <div>
              <dt className="text-muted-foreground">Attribution model</dt>
              <dd className="font-medium">{MODEL_LABELS[settings.data.attribution_model].label}</dd>
              <dd className="text-xs text-muted-foreground">{MODEL_LABELS[settings.data.attribution_model].hint}</dd>
            </div>
          </dl>
        ) : (
          <DataSettingsForm key={`${settings.data.time_zone}|${settings.data.attribution_model}`} initial={settings.data} isAdmin={isAdmin} workspaceId={workspace.id} />
        )}
      </CardContent>
    </Card>
  );
}

function DataSettingsForm({ initial, isAdmin, workspaceId }: { initial: DataSettings; isAdmin: boolean; workspaceId: string }) {
  const save = useUpdateDataSettings(workspaceId);
  const ids = useId();
  const [zone, setZone] = useState(initial.time_zone);
  const [model, setModel] = useState<AttributionModel>(initial.attribution_model);
  const [error, setError] = useState<string | null>(null);

  function submit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = dataSettingsSchema.safeParse({ time_zone: zone, attribution_model: model });
    if (!parsed.success) return setError(parsed.error.issues[0]?.message ?? 'Invalid settings');
    setError(null);
    save.mutate(parsed.data, {
      onSuccess: () => toast.success('Data settings saved', { description: 'Recent website days were recounted.' }),
      onError: (e) => toast.error('Could not save the settings', { description: errorMessage(e) }),
    });
  }

  return (
    <form className="grid gap-4 md:grid-cols-[1fr_1fr_auto] md:items-end" onSubmit={submit}>
      <FormField id={`${ids}-tz`} label="Time zone" error={error ?? undefined} hint="IANA name, e.g. Europe/Berlin">
        <Input id={`${ids}-tz`} list={`${ids}-zones`} value={zone} onChange={(e) => setZone(e.target.value)} disabled={!isAdmin} autoComplete="off" />
      </FormField>
      <datalist id={`${ids}-zones`}>
        {ZONES.map((z) => (
          <option key={z} value={z} />
        ))}
      </datalist>
      <FormField id={`${ids}-model`} label="Attribution model" hint={MODEL_LABELS[model].hint}>
        <Select value={model} onValueChange={(v) => setModel(v as AttributionModel)} disabled={!isAdmin}>
          <SelectTrigger id={`${ids}-model`} aria-label="Attribution model">
            <SelectValue />
          </SelectTrigger>
          <SelectContent>
            {ATTRIBUTION_MODELS.map((m) => (
              <SelectItem key={m} value={m}>
                {MODEL_LABELS[m].label}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </FormField>
      {isAdmin ? (
        <Button type="submit" loading={save.isPending} className="md:mb-5">
          Save
        </Button>
      ) : null}
    </form>
  );
}
